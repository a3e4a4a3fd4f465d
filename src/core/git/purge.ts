/**
 * The purge check by content: a destroyed record is gone only when none of its versions' blobs exists in the
 * object database (`cat-file --batch-check` sees refs, reflogs, the stash, packs and loose unreachable
 * objects alike) and no file in the folder holds its text. Each survivor says where it lives.
 */
import { readBatch } from '../disposal/batch';
import type { FingerprintRole } from '../disposal/fingerprints';
import type { Schema } from '../model/schema';
import { walkHistory, type History, type Reach } from './history';
import { pacer } from './pace';
import { existingObjects } from './objects';
import { toTop, type RepoInfo } from './repo';
import { runGit } from './run';
import { destroyedTargets, type DestroyedBatch, type Target } from './targets';
import { BlobCache, documentsOf } from './versions';
import { readQuietly, type WorkingTree } from './worktree';

export type Place =
  | { kind: 'commit'; commit: string; path: string; reach: Reach; refs: string[] }
  /** Staged (`git add`): the index keeps it until it is committed or reset. */
  | { kind: 'index'; path: string }
  /** A file in the folder now holds this content (or this document's text). */
  | { kind: 'working-tree'; path: string }
  /** In the object database, held by nothing: an unreachable object, pruned by gc. */
  | { kind: 'unreachable' };

export interface Survivor {
  batch: string;
  path: string;
  role: FingerprintRole;
  /** The blob that survives (absent when only a current file's document text matched). */
  blob?: string;
  places: Place[];
}

export interface PurgeCheck {
  /** When it was checked (ISO time). */
  at: string;
  repository: string;
  head?: string;
  commits: number;
  roots: string[];
  incomplete?: 'shallow' | 'partial';
  batches: string[];
  /** Every blob id checked. */
  blobs: string[];
  survivors: Survivor[];
  targets: Target[];
}

/** The executed destruction batches among these batch files (path → text). */
export function executedBatches(files: Iterable<[string, string]>): DestroyedBatch[] {
  const out: DestroyedBatch[] = [];
  for (const [file, text] of files) {
    const batch = readBatch(text);
    if (batch && batch.kind === 'destruction-batch' && batch.status === 'executed') out.push({ file, batch });
  }
  return out;
}

/** What a check of one repository (the local one or a remote's copy) found. */
export interface Found {
  history: History;
  targets: Target[];
  survivors: Survivor[];
}

/** Checks the batches against the repository of `info`; `tree` is the local folder (kept files, current text). */
export async function findSurvivors(
  info: RepoInfo,
  batches: readonly DestroyedBatch[],
  schema: Schema,
  tree: WorkingTree | undefined,
  local: RepoInfo,
): Promise<Found> {
  const history = await walkHistory(info);
  const blobs = new BlobCache(info);
  const livePaths = new Set(tree ? [...tree.byPath.keys()].map((p) => toTop(local, p)) : []);
  const liveBlobs = new Set(tree ? tree.byBlob.keys() : []);
  const targets = await destroyedTargets(info, history, blobs, batches, schema, { paths: livePaths, blobs: liveBlobs });
  const all = new Set(targets.flatMap((t) => [...t.blobs]));
  const present = await existingObjects(info.git, info.top, all);
  const survivors: Survivor[] = [];
  const refsOf = new Map<string, string[]>();
  // A blob recorded at approval is found again through the tombstone, perhaps under an old name: reported
  // once, under the name the batch recorded (recorded targets come first).
  const reported = new Set<string>();
  const pace = pacer();
  for (const t of targets) {
    await pace();
    for (const blob of t.blobs) {
      const key = `${t.batch}\0${blob}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const places: Place[] = [];
      if (present.has(blob)) {
        for (const o of history.byBlob.get(blob) ?? []) places.push({ kind: 'commit', commit: o.commit, path: o.path, reach: o.reach, refs: [] });
        for (const p of tree && info === local ? (tree.staged.get(blob) ?? []) : []) places.push({ kind: 'index', path: p });
        if (!places.length) places.push({ kind: 'unreachable' });
      }
      if (info === local) for (const p of tree?.byBlob.get(blob) ?? []) places.push({ kind: 'working-tree', path: p });
      if (places.length) survivors.push({ batch: t.batch, path: t.path, role: t.role, blob, places });
    }
  }
  // Which refs hold the commits found on refs: what a person has to rewrite or delete.
  for (const s of survivors) {
    for (const p of s.places) {
      if (p.kind !== 'commit' || p.reach !== 'ref') continue;
      // One process per commit: a few are enough to say which refs to rewrite.
      if (!refsOf.has(p.commit) && refsOf.size < 12) {
        const r = await runGit(info.git, info.top, ['for-each-ref', '--contains', p.commit, '--format=%(refname)']);
        refsOf.set(
          p.commit,
          r.stdout
            .split('\n')
            .map((x) => x.trim())
            .filter(Boolean),
        );
      }
      p.refs = refsOf.get(p.commit) ?? [];
    }
  }
  if (tree && info === local) survivors.push(...(await documentsInFolder(local, targets)));
  return { history, targets, survivors };
}

/** Files in the folder that hold a destroyed document's text (a copy pasted into another stream, say). */
async function documentsInFolder(info: RepoInfo, targets: readonly Target[]): Promise<Survivor[]> {
  const ids = [...new Set(targets.filter((t) => t.id && t.documentHashes.size).map((t) => t.id!))];
  if (!ids.length) return [];
  // Whole words: GT-1 is not GT-10.
  const r = await runGit(info.git, info.root, [
    '-c',
    'core.quotePath=false',
    'grep',
    '-l',
    '-z',
    '-F',
    '-w',
    '--untracked',
    '--no-color',
    ...ids.flatMap((id) => ['-e', id]),
    '--',
    '.',
  ]);
  const out: Survivor[] = [];
  const pace = pacer();
  for (const p of r.stdout.split('\0').filter(Boolean)) {
    await pace();
    const docs = documentsOf(readQuietly(info.root, p), p)?.docs ?? [];
    for (const t of targets) {
      if (docs.some((d) => t.documentHashes.has(d.hash))) out.push({ batch: t.batch, path: t.path, role: t.role, places: [{ kind: 'working-tree', path: p }] });
    }
  }
  return out;
}

/** Clean: nothing survives, and the repository has all of its history (a shallow clone proves nothing). */
export const isClean = (c: PurgeCheck): boolean => !c.incomplete && c.survivors.length === 0;
