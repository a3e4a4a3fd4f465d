/** A value, or several when they collide: most keys have one owner, and an array per key costs memory at 100,000 records. */
export type Many<T> = T | T[];

export function manyAdd<K, T>(m: Map<K, Many<T>>, k: K, v: T): T[] {
  const cur = m.get(k);
  if (cur === undefined) {
    m.set(k, v);
    return [v];
  }
  const list = Array.isArray(cur) ? [...cur, v] : [cur, v];
  m.set(k, list);
  return list;
}

export function manyRemove<K, T>(m: Map<K, Many<T>>, k: K, v: T): T[] {
  const cur = m.get(k);
  if (cur === undefined) return [];
  const rest = (Array.isArray(cur) ? cur : [cur]).filter((x) => x !== v);
  if (rest.length === 0) m.delete(k);
  else m.set(k, rest.length === 1 ? rest[0] : rest);
  return rest;
}

/** How many values a key has, without building a list. */
export function manyCount<K, T>(m: Map<K, Many<T>>, k: K): number {
  const cur = m.get(k);
  return cur === undefined ? 0 : Array.isArray(cur) ? cur.length : 1;
}

export function manyGet<K, T>(m: Map<K, Many<T>>, k: K): T[] {
  const cur = m.get(k);
  return cur === undefined ? [] : Array.isArray(cur) ? cur : [cur];
}
