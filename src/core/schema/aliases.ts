/**
 * The schema's aliases gathered into one lookup, checked for names that would read two ways: a key that is
 * an alias of one field and the name (or an alias) of another, a category value two categories claim, an
 * enum value's alias that is another allowed value. The first claim stands; the later one is a problem.
 */
import type { Aliases, CategoryDef, FieldDef } from '../model/schema';

export type AliasProblem = (message: string, field: string | undefined) => void;

export function buildAliases(fields: ReadonlyMap<string, FieldDef>, categories: ReadonlyMap<string, CategoryDef>, problem: AliasProblem): Aliases {
  const keys = new Map<string, string>();
  for (const f of fields.values()) {
    for (const a of f.aliases) {
      if (a === f.name) continue;
      if (fields.has(a)) problem(`alias '${a}' of field ${f.name} is itself a field; it is read as that field`, f.name);
      else if (keys.has(a) && keys.get(a) !== f.name) problem(`alias '${a}' of field ${f.name} is already an alias of field ${keys.get(a)}`, f.name);
      else keys.set(a, f.name);
    }
  }
  const values = new Map<string, Map<string, string>>();
  const categoryValues = new Map<string, string>();
  for (const c of categories.values()) {
    for (const a of c.aliases) {
      if (a === c.key) continue;
      if (categories.has(a)) problem(`alias '${a}' of category ${c.key} is itself a category`, undefined);
      else if (categoryValues.has(a) && categoryValues.get(a) !== c.key)
        problem(`alias '${a}' of category ${c.key} is already an alias of category ${categoryValues.get(a)}`, undefined);
      else categoryValues.set(a, c.key);
    }
  }
  if (categoryValues.size) values.set('category', withFoldedCase(categoryValues, new Set(categories.keys())));
  for (const f of fields.values()) {
    if (!f.choices?.some((c) => c.aliases.length) || f.name === 'category') continue;
    const allowed = new Set(f.choices.map((c) => c.value));
    const map = new Map<string, string>();
    for (const c of f.choices) {
      for (const a of c.aliases) {
        if (a === c.value) continue;
        if (allowed.has(a)) problem(`alias '${a}' of value ${c.value} of field ${f.name} is itself an allowed value`, f.name);
        else if (map.has(a) && map.get(a) !== c.value) problem(`alias '${a}' of field ${f.name} is already an alias of value ${map.get(a)}`, f.name);
        else map.set(a, c.value);
      }
    }
    if (map.size) values.set(f.name, withFoldedCase(map, allowed));
  }
  return { keys, values };
}

/** `Tel` and `TEL` read like `tel`: Latin aliases match whatever their case, unless that names something else. */
function withFoldedCase(map: Map<string, string>, allowed: ReadonlySet<string>): Map<string, string> {
  for (const [a, v] of [...map]) {
    const lower = a.toLowerCase();
    if (lower === a) continue;
    if (!map.has(lower) && !allowed.has(lower)) map.set(lower, v);
  }
  return map;
}
