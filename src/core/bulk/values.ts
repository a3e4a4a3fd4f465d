/**
 * A value typed by a person (`date=2024年3月1日`, `customer_type=个人`, `amount=¥1,200`) as the schema's field
 * wants it written: dates as YYYY-MM-DD, enum values by their value, label or alias, amounts without ¥ and
 * thousands separators, booleans from 是/否, lists from `a,b`. Whether the result is valid is not decided here:
 * the record is checked with the rules `check` uses after the edit, and a finding on the field refuses it.
 */
import { amountText, dateText } from '../import/convert';
import { quoteStyle, yamlScalar } from '../fix/scalars';
import type { FieldDef, Schema } from '../model/schema';
import { parseRecordText } from '../parse/record-file';

/** How a value is written into one record: from the text its current value has there (quotes kept), in a block or flow mapping. */
export type Render = (original: string, flow: boolean) => string;

/** The field a name stands for: the schema's name, or the field an alias (`客户`, `档号`) is read as. */
export function fieldOf(name: string, schema: Schema): string {
  return schema.fields.has(name) ? name : (schema.aliases.keys.get(name) ?? name);
}

const TRUE = new Set(['true', 'yes', 'y', '是', '对', '有', '1', '√']);
const FALSE = new Set(['false', 'no', 'n', '否', '不', '无', '0', '×']);

/** An allowed value given by its value (any case), its label in either language, or an alias; as typed otherwise. */
export function choiceValue(def: FieldDef, input: string): string {
  const t = input.trim();
  const lower = t.toLowerCase();
  for (const c of def.choices ?? []) if (c.value.toLowerCase() === lower) return c.value;
  for (const v of def.values ?? []) if (v.toLowerCase() === lower) return v;
  for (const c of def.choices ?? []) {
    if (c.label && (c.label.zh === t || c.label.en.toLowerCase() === lower)) return c.value;
    if (c.aliases.some((a) => a === t || a.toLowerCase() === lower)) return c.value;
  }
  return t;
}

/** A category by its key, its label in either language, its archive code or an alias; undefined when none is. */
export function categoryOf(schema: Schema, input: string): string | undefined {
  const t = input.trim();
  const lower = t.toLowerCase();
  for (const c of schema.categories.values()) if (c.key.toLowerCase() === lower) return c.key;
  for (const c of schema.categories.values()) {
    if (c.label.zh === t || c.label.en.toLowerCase() === lower || c.code === t || c.aliases.some((a) => a === t || a.toLowerCase() === lower)) return c.key;
  }
  return undefined;
}

/** A number as plain YAML reads it exactly: no leading zero, at most 15 digits before the point. */
const EXACT_NUMBER = /^-?(0|[1-9]\d{0,14})(\.\d+)?$/;

/** `1,234.5` → `1234.5`; undefined when it is not a number. */
function numberText(s: string): string | undefined {
  const t = s.trim().replace(/^\+/, '');
  if (!/^-?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/.test(t)) return undefined;
  return t.replace(/,/g, '');
}

/** A string written the way the field's current value is (same quotes), plain where plain reads back as the string. */
const asString =
  (value: string): Render =>
  (original, flow) =>
    yamlScalar(quoteStyle(original), value, flow);

/** A number (or amount) plain, so it reads as a number, unless the record writes the field quoted, as text. */
const asNumber =
  (value: string): Render =>
  (original, flow) =>
    quoteStyle(original) || !EXACT_NUMBER.test(value) ? yamlScalar(quoteStyle(original) || '"', value, flow) : value;

/**
 * How to write `input` into field `def` (undefined: a field the schema does not know, written as a string).
 * `shown` is the value as the preview names it (`person` for 个人).
 */
export function typedValue(def: FieldDef | undefined, input: string, schema: Schema): { render: Render; shown: string } {
  const t = input.trim();
  switch (def?.type) {
    case 'date': {
      const v = dateText(t) ?? t;
      return { render: asString(v), shown: v };
    }
    case 'number': {
      const v = numberText(t);
      return v === undefined ? { render: asString(t), shown: t } : { render: asNumber(v), shown: v };
    }
    case 'money': {
      const v = amountText(t);
      return v === undefined ? { render: asString(t), shown: t } : { render: asNumber(v), shown: v };
    }
    case 'boolean': {
      const l = t.toLowerCase();
      const v = TRUE.has(l) ? 'true' : FALSE.has(l) ? 'false' : undefined;
      return v === undefined ? { render: asString(t), shown: t } : { render: () => v, shown: v };
    }
    case 'enum': {
      const v = def.name === 'category' ? (categoryOf(schema, t) ?? t) : choiceValue(def, t);
      return { render: asString(v), shown: v };
    }
    case 'list': {
      const items = t
        .split(/[,，、;；]/)
        .map((s) => s.trim())
        .filter(Boolean)
        .map((s) => (def.values?.length ? choiceValue(def, s) : s));
      return { render: () => `[${items.map((i) => yamlScalar('', i, true)).join(', ')}]`, shown: `[${items.join(', ')}]` };
    }
    default:
      // Text of every other type, as typed: an 18-digit ID number or a number with leading zeros is quoted, never read as a number.
      return { render: asString(input), shown: input };
  }
}

/** What a value written as `yaml` reads back as, by the reader every record goes through. */
export function readsAs(yaml: string): unknown {
  return parseRecordText(`v: ${yaml}\n`, 'yaml').records[0]?.data?.v;
}
