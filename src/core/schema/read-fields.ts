/** The `fields:` section: each field's type, labels, aliases and allowed values (a list, or a map with labels and aliases). */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { FIELD_TYPES, type FieldDef, type FieldType, type ValueChoice } from '../model/schema';
import type { Reader } from './reader';

const FIELD_KEYS = [
  'type',
  'values',
  'items',
  'pattern',
  'min',
  'max',
  'categories',
  'label',
  'description',
  'placeholder',
  'required',
  'aliases',
  'sensitive',
];

export function readFields(r: Reader, node: unknown): Map<string, FieldDef> | undefined {
  const m = r.map(node, 'fields');
  if (!m) return undefined;
  const out = new Map<string, FieldDef>();
  for (const pair of m.items) {
    const name = r.string(pair.key, 'a field name');
    const def = r.map(pair.value, `field ${name}`);
    if (!name || !def) continue;
    r.known(def, FIELD_KEYS, `field ${name}`);
    const typeNode = def.get('type', true);
    const typeName = r.string(typeNode, `the type of field ${name}`) ?? 'string';
    let type: FieldType = 'string';
    if ((FIELD_TYPES as readonly string[]).includes(typeName)) type = typeName as FieldType;
    else r.report(typeNode, `unknown field type '${typeName}'; one of ${FIELD_TYPES.join(', ')}`);
    const choices = readChoices(r, def.get('values', true), name);
    const field: FieldDef = {
      name,
      type,
      label: r.bilingual(def.get('label', true), `the label of field ${name}`, name),
      description: r.bilingual(def.get('description', true), `the description of field ${name}`, ''),
      aliases: r.strings(def.get('aliases', true), `the aliases of field ${name}`) ?? [],
      values: choices?.map((c) => c.value),
      choices,
      categories: r.strings(def.get('categories', true), `the categories of field ${name}`),
      min: r.number(def.get('min', true), `min of field ${name}`),
      max: r.number(def.get('max', true), `max of field ${name}`),
      placeholder: (def.get('placeholder', true) as { value?: unknown } | undefined)?.value,
    };
    if (r.boolean(def.get('sensitive', true), `sensitive of field ${name}`)) field.sensitive = true;
    const items = r.string(def.get('items', true), `the items of field ${name}`);
    if (items !== undefined) {
      if ((FIELD_TYPES as readonly string[]).includes(items)) field.items = items as FieldType;
      else r.report(def.get('items', true), `unknown item type '${items}'`);
    }
    const pattern = r.string(def.get('pattern', true), `the pattern of field ${name}`);
    if (pattern !== undefined) {
      try {
        field.pattern = new RegExp(pattern, 'u');
      } catch (err) {
        r.report(def.get('pattern', true), `invalid pattern: ${(err as Error).message}`);
      }
    }
    if (type === 'enum' && !field.values?.length) r.report(pair.key as Node, `enum field ${name} needs values`);
    out.set(name, field);
  }
  return out;
}

/**
 * `values:` as a list (`[email, phone]`) or as a map giving each value its labels and aliases
 * (`phone: { zh: 电话, en: Phone, aliases: [电话, 手机, tel] }`; a plain string is a label in both languages).
 */
function readChoices(r: Reader, node: unknown, name: string): ValueChoice[] | undefined {
  if (node === undefined || node === null) return undefined;
  if (isSeq(node)) return r.strings(node, `the values of field ${name}`)?.map((value) => ({ value, aliases: [] }));
  if (!isMap(node)) {
    r.report(node as Node, `the values of field ${name} must be a list or a mapping`);
    return undefined;
  }
  const out: ValueChoice[] = [];
  for (const pair of node.items) {
    const value = r.string(pair.key, `a value of field ${name}`);
    if (value === undefined) continue;
    const v = pair.value;
    if (v === null || v === undefined || (isScalar(v) && v.value === null)) {
      out.push({ value, aliases: [] });
      continue;
    }
    const what = `value ${value} of field ${name}`;
    if (isScalar(v)) {
      out.push({ value, label: r.bilingual(v, `the label of ${what}`, value), aliases: [] });
      continue;
    }
    const m = r.map(v, what);
    if (!m) continue;
    r.known(m, ['zh', 'en', 'aliases'], what);
    const hasLabel = m.has('zh') || m.has('en');
    out.push({
      value,
      label: hasLabel ? r.bilingual(m, `the label of ${what}`, value) : undefined,
      aliases: r.strings(m.get('aliases', true), `the aliases of ${what}`) ?? [],
    });
  }
  return out;
}
