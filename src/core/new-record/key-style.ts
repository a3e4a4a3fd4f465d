/**
 * The keys a new record writes its fields under: as the records beside it write them. In a folder whose
 * records say 编号, 分类, 客户…, a new one written as id, category, customer reads the same but looks foreign
 * to the people who keep it.
 */
import type { ParsedRecord } from '../model/parsed';
import type { Schema } from '../model/schema';

/** Field → key, for the fields the neighbour writes under an alias; all fields when it mostly writes aliases. */
export function keysLike(neighbour: ParsedRecord | undefined, schema: Schema): Map<string, string> {
  const out = new Map<string, string>();
  const written = neighbour?.aliased?.filter((a) => a.kind === 'key') ?? [];
  for (const a of written) if (!out.has(a.field)) out.set(a.field, a.written);
  if (!neighbour || written.length <= neighbour.fields.size / 2) return out;
  // A folder that writes its keys in Chinese: the fields the neighbour lacks go under their first alias too.
  for (const f of schema.fields.values()) {
    if (out.has(f.name)) continue;
    const alias = f.aliases.find((a) => a !== f.name && schema.aliases.keys.get(a) === f.name);
    if (alias) out.set(f.name, alias);
  }
  return out;
}
