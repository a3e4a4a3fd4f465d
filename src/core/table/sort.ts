/**
 * Sorting 100,000 rows without holding the extension host: a bottom-up merge sort (stable) that yields to
 * the event loop every few milliseconds, over numeric keys. Text is ranked first — its distinct values
 * sorted once with the Chinese collator (pinyin: 北京 < 上海 < 武汉) — so the rows compare as numbers.
 */
import { yieldToEventLoop } from '../async/slices';

export interface SortSlices {
  sliceMs?: number;
  /** Checked between slices: a sort that a newer one replaced stops (and answers undefined). */
  isCurrent?: () => boolean;
}

/** The collator every text column sorts with: Chinese by pinyin, numbers in text by value (第2 < 第10). */
export const collator = new Intl.Collator('zh', { numeric: true, sensitivity: 'base' });

/** `items` sorted by `compare` (stable), in slices; undefined when the sort was cancelled. */
export async function sortInSlices<T>(items: readonly T[], compare: (a: T, b: T) => number, o: SortSlices = {}): Promise<T[] | undefined> {
  const sliceMs = o.sliceMs ?? 8;
  let src = items.slice();
  let dst = new Array<T>(src.length);
  const n = src.length;
  let start = Date.now();
  // Called every thousand or so comparisons: reading the clock costs more than one.
  const pause = async (): Promise<boolean> => {
    if (Date.now() - start <= sliceMs) return true;
    await yieldToEventLoop();
    start = Date.now();
    return !o.isCurrent || o.isCurrent();
  };
  // Runs of 32 by insertion sort, then merges of doubling width.
  const RUN = 32;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(lo + RUN, n);
    for (let i = lo + 1; i < hi; i++) {
      const x = src[i];
      let j = i - 1;
      while (j >= lo && compare(src[j], x) > 0) {
        src[j + 1] = src[j];
        j--;
      }
      src[j + 1] = x;
    }
    if ((lo & 1023) === 0 && !(await pause())) return undefined;
  }
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        dst[k++] = compare(src[j], src[i]) < 0 ? src[j++] : src[i++];
        if ((k & 1023) === 0 && !(await pause())) return undefined;
      }
      while (i < mid) dst[k++] = src[i++];
      while (j < hi) dst[k++] = src[j++];
      if (!(await pause())) return undefined;
    }
    [src, dst] = [dst, src];
  }
  if (o.isCurrent && !o.isCurrent()) return undefined;
  return src;
}

/**
 * Each distinct text's rank in collation order; undefined when cancelled. Texts the collator holds equal
 * (case, width) get neighbouring ranks, in the order the sort left them: a tie broken, not merged.
 */
export async function rankTexts(texts: readonly string[], o: SortSlices = {}): Promise<Map<string, number> | undefined> {
  const ranks = new Map<string, number>();
  const distinct: string[] = [];
  const seen = await mapInSlices(
    texts,
    (t) => {
      if (!ranks.has(t)) {
        ranks.set(t, 0);
        distinct.push(t);
      }
    },
    o,
  );
  if (!seen) return undefined;
  const sorted = await sortInSlices(distinct, (a, b) => collator.compare(a, b), o);
  if (!sorted) return undefined;
  sorted.forEach((t, i) => ranks.set(t, i));
  return ranks;
}

/** `items.map(fn)` in slices, so a pass over 100,000 rows never holds the event loop; undefined when cancelled. */
export async function mapInSlices<T, U>(items: readonly T[], fn: (item: T, i: number) => U, o: SortSlices = {}): Promise<U[] | undefined> {
  const sliceMs = o.sliceMs ?? 8;
  const out = new Array<U>(items.length);
  let start = Date.now();
  for (let i = 0; i < items.length; i++) {
    out[i] = fn(items[i], i);
    if ((i & 255) === 255 && Date.now() - start > sliceMs) {
      await yieldToEventLoop();
      if (o.isCurrent && !o.isCurrent()) return undefined;
      start = Date.now();
    }
  }
  return out;
}

/** A date or date-time as a number that sorts it (YYYY-MM-DD, with an optional time); NaN when it is none. */
export function dateKey(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(s.trim());
  if (!m) return NaN;
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
}

/** A number or amount (`1,200.50`, `¥300`) as a number; NaN when it is none. */
export function numberKey(s: string): number {
  const t = s
    .trim()
    .replace(/^[¥￥$]/, '')
    .replace(/,/g, '');
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : NaN;
}
