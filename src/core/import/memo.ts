/**
 * An import's columns repeat their values (a customer's name on every contract, 机构 or 个人, one contact):
 * converting, quoting, hashing and scanning each value once per column rather than once per row was a good
 * part of planning 100,000 rows. A column whose values do not repeat (contract numbers, amounts) stops being
 * remembered after a sample, so the memory stays bounded and nothing is kept that will not be asked again.
 * Only for pure functions of the value whose results are not changed by the caller.
 */

/** After this many look-ups a column keeps remembering only when at least half were answered from memory. */
const SAMPLE = 2_000;
/** Distinct values remembered per column at most. */
const MOST = 20_000;

export function memoByValue<V>(compute: (value: string) => V): (value: string) => V {
  let seen: Map<string, V> | undefined = new Map();
  let asked = 0;
  let hits = 0;
  return (value) => {
    if (!seen) return compute(value);
    asked++;
    const known = seen.get(value);
    if (known !== undefined || seen.has(value)) {
      hits++;
      return known as V;
    }
    const v = compute(value);
    if ((asked >= SAMPLE && hits * 2 < asked) || seen.size >= MOST) seen = undefined;
    else seen.set(value, v);
    return v;
  };
}

/** One memo per key (a column, a field), made when first asked. */
export function memoByKey<V>(compute: (key: string, value: string) => V): (key: string, value: string) => V {
  const memos = new Map<string, (value: string) => V>();
  return (key, value) => {
    let m = memos.get(key);
    if (!m) memos.set(key, (m = memoByValue((v) => compute(key, v))));
    return m(value);
  };
}
