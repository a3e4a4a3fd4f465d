/**
 * What a purge must do to make the purge check pass: the blobs to strip from every commit, the versions of
 * YAML streams to rewrite without the destroyed documents (and, with --pi, the personal numbers to replace by
 * their masked form), and every reason it must not run yet. Nothing here changes the repository.
 */
import { documentCuts } from '../disposal/execute';
import { applyEdits } from '../fix/fixes';
import { recordKind } from '../model/records';
import type { History } from './history';
import { maskLeaks, type PiLeak } from './pi-history';
import type { PurgeCheck, Survivor } from './purge';
import type { RepoInfo } from './repo';
import { runGit } from './run';
import type { Target } from './targets';
import { BlobCache, documentsOf } from './versions';

export interface Bilingual {
  en: string;
  zh: string;
}

export interface PurgePlan {
  /** Blob ids removed from every commit (filter-repo --strip-blobs-with-ids). */
  strip: string[];
  /** Blob id → the content it becomes in every commit that holds it. */
  rewrite: Map<string, Buffer>;
  /** Personal numbers to replace throughout history (filter-repo --replace-text). */
  replace: Pick<PiLeak, 'value' | 'masked'>[];
  /** Why the purge must not run now; empty: it may. */
  refusals: Bilingual[];
}

/** Survivors a rewrite of history cannot remove: a file in the folder still holds the content. */
export const inFolder = (s: Survivor) => s.places.some((p) => p.kind === 'working-tree');

/** The path a blob is read as (its extension says Markdown or YAML): where history held it, else the target's. */
function pathOf(h: History, t: Target, blob: string): string {
  const p = h.byBlob.get(blob)?.[0]?.path;
  return p && recordKind(p) ? p : t.path;
}

export async function planPurge(info: RepoInfo, check: PurgeCheck, history: History, leaks: readonly PiLeak[] = []): Promise<PurgePlan> {
  const refusals = [...(await refusalsOf(info, check)), ...foreignBlobs(check, history)];
  const survivors = new Set(check.survivors.flatMap((s) => (s.blob ? [s.blob] : [])));
  const destroyedIds = new Set(check.targets.flatMap((t) => (t.id ? [t.id] : [])));
  const destroyedHashes = new Set(check.targets.flatMap((t) => [...t.documentHashes]));
  const strip = new Set<string>();
  const cut = new Map<string, { path: string }>();
  for (const t of check.targets) {
    for (const b of t.blobs) {
      if (!survivors.has(b)) continue;
      // A version approval saw as the whole record file goes whole; a stream's versions lose only the
      // destroyed documents (so do versions found by a tombstone, which cannot say which they were).
      if (t.role === 'attachment' || (t.role === 'record' && t.source === 'fingerprints')) strip.add(b);
      else cut.set(b, { path: pathOf(history, t, b) });
    }
  }
  const blobs = new BlobCache(info);
  const piBlobs = new Set(leaks.map((l) => l.blob));
  await blobs.load([...cut.keys(), ...piBlobs]);
  const rewrite = new Map<string, Buffer>();
  for (const [b, { path }] of cut) {
    if (strip.has(b)) continue;
    const read = documentsOf(blobs.get(b), path);
    const gone = read?.docs.filter((d) => destroyedHashes.has(d.hash) || (d.id !== undefined && destroyedIds.has(d.id))) ?? [];
    if (!read || gone.length === read.docs.length) {
      strip.add(b);
      continue;
    }
    const parsed = { kind: 'yaml' as const, isRecordFile: true, records: read.docs.map((d) => d.record) };
    const text = applyEdits(read.text, documentCuts(read.text, parsed, new Set(gone.map((d) => d.record.index))));
    rewrite.set(b, Buffer.from(leaks.length ? maskLeaks(text, leaks) : text, 'utf8'));
  }
  // Without filter-repo's --replace-text a blob with a personal number is rewritten like a stream version.
  for (const b of piBlobs) {
    if (strip.has(b) || rewrite.has(b)) continue;
    const data = blobs.get(b);
    if (data) rewrite.set(b, Buffer.from(maskLeaks(data.toString('utf8'), leaks), 'utf8'));
  }
  const replace = [...new Map(leaks.map((l) => [l.value, { value: l.value, masked: l.masked }])).values()];
  return { strip: [...strip].sort(), rewrite, replace, refusals };
}

async function refusalsOf(info: RepoInfo, check: PurgeCheck): Promise<Bilingual[]> {
  const out: Bilingual[] = [];
  if (info.incomplete === 'shallow')
    out.push({
      en: 'this is a shallow clone: a rewrite here cannot reach the history it does not have; purge a full clone',
      zh: '这是浅克隆，无法改写其没有的历史；请在完整克隆中清除',
    });
  if (info.incomplete === 'partial')
    out.push({
      en: 'this is a partial clone: objects it has not fetched cannot be rewritten; purge a full clone',
      zh: '这是部分克隆，未获取的对象无法改写；请在完整克隆中清除',
    });
  const status = await runGit(info.git, info.top, ['status', '--porcelain=v1', '-z', '--untracked-files=no']);
  const dirty = status.stdout
    .split('\0')
    .filter(Boolean)
    .map((l) => l.slice(3));
  if (dirty.length) {
    const list = dirty.slice(0, 5).join(', ') + (dirty.length > 5 ? ', …' : '');
    out.push({
      en: `the working tree has changes not committed (${list}): commit the destruction (git add -A && git commit) or discard them first — a rewrite of history resets the working tree`,
      zh: `工作区有未提交的修改（${list}）：请先提交销毁结果（git add -A && git commit）或放弃这些修改——改写历史会重置工作区`,
    });
  }
  const trees = await runGit(info.git, info.top, ['worktree', 'list', '--porcelain']);
  if (trees.stdout.split('\n').filter((l) => l.startsWith('worktree ')).length > 1) {
    out.push({
      en: 'the repository has other worktrees, which keep the old commits checked out: remove them first (git worktree remove)',
      zh: '仓库还有其他工作树，其检出的旧提交会保留旧内容：请先移除（git worktree remove）',
    });
  }
  const held = check.survivors.filter(inFolder);
  for (const s of held.slice(0, 10)) {
    const where = s.places
      .filter((p) => p.kind === 'working-tree')
      .map((p) => (p as { path: string }).path)
      .join(', ');
    out.push({
      en: `${where} in the folder still holds the content of destroyed ${s.path}: destroy it through a batch (or delete it) and commit first`,
      zh: `文件夹中的 ${where} 仍含已销毁的 ${s.path} 的内容：请先通过批次销毁（或删除）并提交`,
    });
  }
  return out;
}

/**
 * A batch is a file anyone can edit: a blob id written into its fingerprints by hand could name another file's
 * old version. A recorded blob that history holds only at paths approval never saw the file at is not purged.
 */
function foreignBlobs(check: PurgeCheck, history: History): Bilingual[] {
  const out: Bilingual[] = [];
  for (const t of check.targets) {
    if (t.source !== 'fingerprints' || !t.paths) continue;
    for (const b of t.blobs) {
      const held = history.byBlob.get(b) ?? [];
      if (!held.length || held.some((o) => t.paths!.has(o.path))) continue;
      const where = [...new Set(held.map((o) => o.path))].join(', ');
      out.push({
        en: `batch ${t.batch} lists blob ${b.slice(0, 12)} as a version of ${t.path}, but history holds it only at ${where}: is the batch edited by hand? Nothing is purged while it does`,
        zh: `批次 ${t.batch} 把 blob ${b.slice(0, 12)} 列为 ${t.path} 的版本，但历史中它只出现在 ${where}：批次是否被手工改动？在此之前不清除任何内容`,
      });
    }
  }
  return out;
}
