/**
 * Reads a record's keys and values under the schema's names for them: `客户: …` is the field customer,
 * `分类: 合同` the category contract, `沟通方式: 电话` the channel phone. Everything after the parser — rules,
 * the tree, numbering, retention, exports — then sees one name per field; what the file says is kept on the
 * record (`aliased`, `doubled`) for the findings that tell the user, and for edits that must find the key.
 */
import type { AliasUse, DoubledField, FieldSpan, ParsedRecord } from '../model/parsed';
import type { Aliases } from '../model/schema';

export function readAliases(record: ParsedRecord, aliases: Aliases): void {
  if (!record.data) return;
  const { keys, values } = aliases;
  if (keys.size) {
    for (const name of record.fields.keys()) {
      if (keys.has(name)) {
        renameKeys(record, keys);
        break;
      }
    }
  }
  if (values.size) readValues(record, values);
}

/** The value an alias reads as: exact, then (for Latin letters) whatever the case. */
export function aliasedValue(map: ReadonlyMap<string, string>, written: string): string | undefined {
  const exact = map.get(written);
  // Folded only when there is a capital to fold: most values are lower case or Chinese, read once per record.
  return exact !== undefined || !/[A-Z]/.test(written) ? exact : map.get(written.toLowerCase());
}

function renameKeys(record: ParsedRecord, keys: ReadonlyMap<string, string>): void {
  const data = record.data!;
  const groups = new Map<string, { written: string; span: FieldSpan }[]>();
  for (const [name, span] of record.fields) {
    const canonical = keys.get(name) ?? name;
    const list = groups.get(canonical);
    if (list) list.push({ written: name, span });
    else groups.set(canonical, [{ written: name, span }]);
  }
  const fields = new Map<string, FieldSpan>();
  const read = new Map<string, string>();
  const aliased: AliasUse[] = record.aliased ?? [];
  const doubled: DoubledField[] = [];
  for (const [canonical, list] of groups) {
    // The schema's own key wins over an alias of it; among aliases, the first.
    const winner = list.find((k) => k.written === canonical) ?? list[0];
    fields.set(canonical, winner.span);
    read.set(canonical, winner.written);
    if (winner.written !== canonical) aliased.push({ kind: 'key', field: canonical, written: winner.written, canonical, span: winner.span.key });
    if (list.length > 1)
      doubled.push({ field: canonical, keys: [winner, ...list.filter((k) => k !== winner)].map((k) => ({ written: k.written, span: k.span.key })) });
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(data)) {
    const canonical = keys.get(key) ?? key;
    const winner = read.get(canonical);
    // A key the spans do not know (a complex key) keeps its place; a doubled field keeps the winner's value.
    if (winner !== undefined && winner !== key) continue;
    if (canonical === '__proto__') Object.defineProperty(out, canonical, { value: data[key], writable: true, enumerable: true, configurable: true });
    else out[canonical] = data[key];
  }
  record.data = out;
  record.fields = fields;
  if (aliased.length) record.aliased = aliased;
  if (doubled.length) record.doubled = doubled;
}

function readValues(record: ParsedRecord, values: ReadonlyMap<string, ReadonlyMap<string, string>>): void {
  const data = record.data!;
  for (const [field, map] of values) {
    if (!Object.prototype.hasOwnProperty.call(data, field)) continue;
    const v = data[field];
    const span = record.fields.get(field)?.value;
    if (typeof v === 'string') {
      const canonical = aliasedValue(map, v);
      if (canonical === undefined) continue;
      data[field] = canonical;
      if (span) (record.aliased ??= []).push({ kind: 'value', field, written: v, canonical, span });
    } else if (Array.isArray(v) && v.some((item) => typeof item === 'string' && aliasedValue(map, item) !== undefined)) {
      data[field] = v.map((item: unknown) => {
        const canonical = typeof item === 'string' ? aliasedValue(map, item) : undefined;
        if (canonical !== undefined && span) (record.aliased ??= []).push({ kind: 'value', field, written: item as string, canonical, span });
        return canonical ?? item;
      });
    }
  }
}
