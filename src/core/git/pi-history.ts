/**
 * Personal information left in history: masking a number in a record leaves the plain number in every earlier
 * version. Every blob of the repository, reachable or not, is scanned with the detectors `check` uses; a
 * number found there that the folder no longer holds in plain text is reported — kind, commit and path, the
 * number masked — and can be replaced by its masked form throughout history. The plain value stays in memory
 * only, for the replacement; nothing prints it.
 */
import { findPersonalInfo, maskValue, type PiiKind } from '../values/pii';
import type { History, Reach } from './history';
import { everyObject } from './objects';
import { pacer } from './pace';
import type { RepoInfo } from './repo';
import { readQuietly, type WorkingTree } from './worktree';

export interface PiLeak {
  kind: PiiKind;
  masked: string;
  blob: string;
  /** Where the blob is held: a commit and path, or nothing (an unreachable object). */
  commit?: string;
  path?: string;
  reach?: Reach;
  /** The number as written (never printed; the purge replaces it). */
  value: string;
}

/** Digits (and the X of an ID) only: `139 1234 5678` and `13912345678` are the same number. */
const norm = (v: string) =>
  v
    .replace(/^(?:\+|00)86[- ]?/, '')
    .replace(/[^0-9Xx]/g, '')
    .toUpperCase();

/** Text of a blob, or undefined for binary content (a NUL in the first 8000 bytes, as git decides). */
function textOf(data: Buffer): string | undefined {
  if (data.subarray(0, 8000).includes(0)) return undefined;
  return data.toString('utf8');
}

/** The plain numbers the folder's files hold now: these are in use, not left behind. */
export async function plainNow(info: RepoInfo, tree: WorkingTree): Promise<Set<string>> {
  const out = new Set<string>();
  const pace = pacer();
  for (const p of tree.byPath.keys()) {
    await pace();
    const bytes = readQuietly(info.root, p);
    const text = bytes && textOf(bytes);
    if (text) for (const h of findPersonalInfo(text)) out.add(norm(h.value));
  }
  return out;
}

/** Every plain personal number in the repository's objects that the folder no longer holds in plain. */
export async function personalInfoInHistory(info: RepoInfo, history: History, now: ReadonlySet<string>): Promise<PiLeak[]> {
  const out: PiLeak[] = [];
  await everyObject(info.git, info.top, (o) => {
    if (o.type !== 'blob' || !o.data) return;
    const text = textOf(o.data);
    if (!text) return;
    const seen = new Set<string>();
    for (const h of findPersonalInfo(text)) {
      if (now.has(norm(h.value)) || seen.has(h.value)) continue;
      seen.add(h.value);
      const where = history.byBlob.get(o.id)?.[0];
      out.push({
        kind: h.kind,
        masked: maskValue(h.kind, h.value),
        blob: o.id,
        value: h.value,
        ...(where ? { commit: where.commit, path: where.path, reach: where.reach } : {}),
      });
    }
  });
  return out.sort((a, b) => (a.path ?? '\uffff').localeCompare(b.path ?? '\uffff') || a.masked.localeCompare(b.masked));
}

/** The text with every leaked number replaced by its masked form (longest first, so none is cut in two). */
export function maskLeaks(text: string, leaks: readonly Pick<PiLeak, 'value' | 'masked'>[]): string {
  let out = text;
  for (const l of [...leaks].sort((a, b) => b.value.length - a.value.length)) out = out.split(l.value).join(l.masked);
  return out;
}
