/**
 * The renames that bring a record file to the schema's own names (客户 → customer, 电话 → phone), whether
 * or not field-alias and value-alias are turned on: aliases are read correctly either way, so those rules
 * are off by default, yet a person who wants one name per field asks for the rename on the spot.
 */
import type { Finding } from '../model/findings';
import type { SeveritySetting } from '../model/schema';
import { indexText, type IndexOptions } from '../index/index-file';

export const ALIAS_CODES: readonly string[] = ['field-alias', 'value-alias'];

/** The field-alias and value-alias findings of TEXT as if both rules were on, each with its rename. */
export function aliasRenames(path: string, text: string, opts: IndexOptions): Finding[] {
  const { keys, values } = opts.schema.aliases;
  if (!keys.size && !values.size) return [];
  const rules = new Map<string, SeveritySetting>(opts.schema.rules);
  const severities = new Map<string, SeveritySetting>(opts.severities ?? []);
  for (const code of ALIAS_CODES) {
    if ((rules.get(code) ?? 'off') === 'off') rules.set(code, 'warning');
    if (severities.get(code) === 'off') severities.delete(code);
  }
  const on = { ...opts, schema: { ...opts.schema, rules }, severities };
  return indexText(path, text, { mtimeMs: -1, size: -1 }, on).findings.filter((f) => ALIAS_CODES.includes(f.code) && f.fix !== undefined);
}
