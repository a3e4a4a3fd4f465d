/**
 * Takes a destruction batch's content fingerprints at approval: for each listed record (or document of a
 * YAML stream) and each attachment any of its versions named, the blob ids of every version in the whole
 * repository. Only ids and hashes leave here.
 */
import { attachmentFields, attachmentsOf } from '../disposal/attachments';
import { sha256, type BatchFile } from '../disposal/batch';
import { itemKey, type FileFingerprint, type Fingerprints } from '../disposal/fingerprints';
import { schemaOf, type BatchContext } from '../disposal/items';
import { walkHistory } from './history';
import { pacer } from './pace';
import { blobId, EMPTY_BLOB } from './objects';
import { fromTop, repoInfo, toTop, type RepoInfo } from './repo';
import { BlobCache, blobsAt, documentHash, documentsOf, familyOf, versionsAt } from './versions';
import { readQuietly, workingTree, type WorkingTree } from './worktree';

export interface FingerprintResult {
  fingerprints: Fingerprints;
  /** Things a person should know (a copy elsewhere, an incomplete clone), in both languages. */
  notes: { en: string; zh: string }[];
}

/**
 * `git` undefined (no git may run) or a folder outside any repository: SHA-256 only, and the fingerprints
 * say that no history was looked at.
 */
export async function takeFingerprints(
  git: string | undefined,
  batch: BatchFile,
  ctx: BatchContext,
  takenAt: string,
  progress?: (message: string) => void,
): Promise<FingerprintResult> {
  const info = git ? await repoInfo(git, ctx.root) : undefined;
  const fields = attachmentFields(schemaOf(ctx));
  const notes: FingerprintResult['notes'] = [];
  const files: FileFingerprint[] = [];
  const hashOf = (rel: string) => {
    const b = readQuietly(ctx.root, rel);
    return b ? sha256(b) : '';
  };
  if (!info) {
    for (const it of batch.items) {
      const index = it.index ?? 0;
      files.push({ path: it.path, role: 'record', index, id: it.id, sha256: hashOf(it.path), paths: [it.path], blobs: [] });
      for (const a of attachmentsOf(ctx.records(it.path)?.get(index), it.path, fields)) {
        if (a.rel) files.push({ path: a.rel, role: 'attachment', of: itemKey(it.path, index), sha256: hashOf(a.rel), paths: [a.rel], blobs: [] });
      }
    }
    return { fingerprints: { taken_at: takenAt, git: false, files }, notes };
  }
  progress?.('history');
  const history = await walkHistory(info);
  const tree = await workingTree(info);
  const blobs = new BlobCache(info);
  // Files this batch destroys are not "live": their versions are what is being fingerprinted.
  const destroyed = new Set<string>();
  for (const it of batch.items) {
    destroyed.add(it.path);
    for (const a of attachmentsOf(ctx.records(it.path)?.get(it.index ?? 0), it.path, fields)) if (a.rel) destroyed.add(a.rel);
  }
  const live = new Set([...tree.byPath.keys()].filter((p) => !destroyed.has(p)).map((p) => toTop(info, p)));
  const empty = EMPTY_BLOB[info.format];
  const pace = pacer();
  for (const it of batch.items) {
    await pace();
    progress?.(it.path);
    const index = it.index ?? 0;
    const records = ctx.records(it.path);
    const data = records?.get(index);
    const whole = !!records && [...records.keys()].every((i) => batch.items.some((x) => x.path === it.path && (x.index ?? 0) === i));
    const bytes = readQuietly(ctx.root, it.path);
    const now = bytes ? blobId(bytes, info.format) : undefined;
    const ids = new Set([it.id, data?.id].filter((x): x is string => typeof x === 'string' && x !== ''));
    const fam = await familyOf(history, blobs, [toTop(info, it.path)], { live, ids });
    const versions = versionsAt(history, fam);
    await blobs.load(versions.map(([b]) => b));
    const named = new Set<string>(attachmentsOf(data, it.path, fields).flatMap((a) => (a.rel ? [a.rel] : [])));
    const base: Omit<FileFingerprint, 'role' | 'sha256' | 'blobs'> = { path: it.path, index, id: it.id, paths: [...fam].map((p) => fromTop(info, p)) };
    if (whole) {
      const ids = new Set(versions.map(([b]) => b));
      if (now) ids.add(now);
      ids.delete(empty);
      files.push({ ...base, role: 'record', sha256: bytes ? sha256(bytes) : '', blobs: [...ids] });
      for (const [b, p] of versions) {
        await pace();
        for (const d of documentsOf(blobs.get(b), p)?.docs ?? [])
          for (const a of attachmentsOf(d.record.data, fromTop(info, p), fields)) if (a.rel) named.add(a.rel);
      }
    } else {
      // A document of a stream: the stream's versions that hold it, by its text or by its id.
      const current = bytes ? documentsOf(bytes, it.path) : undefined;
      const doc = current?.docs.find((d) => d.record.index === index);
      const hash = doc && current ? documentHash(current.text, doc.record) : '';
      const holding = new Set<string>();
      if (now) holding.add(now);
      for (const [b, p] of versions) {
        await pace();
        for (const d of documentsOf(blobs.get(b), p)?.docs ?? []) {
          if (d.hash !== hash && !(d.id !== undefined && ids.has(d.id))) continue;
          holding.add(b);
          for (const a of attachmentsOf(d.record.data, fromTop(info, p), fields)) if (a.rel) named.add(a.rel);
        }
      }
      files.push({ ...base, role: 'document', sha256: bytes ? sha256(bytes) : '', document_sha256: hash, blobs: [...holding] });
    }
    const nowNamed = new Set(attachmentsOf(data, it.path, fields).flatMap((a) => (a.rel ? [a.rel] : [])));
    // The attachments named now first: an old name of the same scan (moved with its record) joins its family.
    const mine: FileFingerprint[] = [];
    for (const rel of [...nowNamed, ...[...named].filter((r) => !nowNamed.has(r))]) {
      if (mine.some((f) => f.paths.includes(rel))) continue;
      mine.push(await attachmentPrint(info, history, tree, blobs, live, rel, itemKey(it.path, index), nowNamed.has(rel)));
    }
    files.push(...mine);
  }
  notes.push(...copiesElsewhere(files, tree, destroyed));
  if (info.incomplete) {
    notes.push(
      info.incomplete === 'shallow'
        ? {
            en: 'This is a shallow clone: versions in the history it lacks could not be fingerprinted. Approve in a full clone.',
            zh: '这是浅克隆：缺失的历史中的版本无法取指纹。请在完整克隆中批准。',
          }
        : {
            en: 'This is a partial clone: objects it has not fetched could not be fingerprinted. Approve in a full clone.',
            zh: '这是部分克隆：未获取的对象无法取指纹。请在完整克隆中批准。',
          },
    );
  }
  return {
    fingerprints: {
      taken_at: takenAt,
      git: true,
      ...(info.head ? { head: info.head } : {}),
      ...(info.incomplete ? { incomplete: info.incomplete } : {}),
      files,
    },
    notes,
  };
}

/** An attachment's versions; an old name that is now another record's live file keeps that file's content out. */
async function attachmentPrint(
  info: RepoInfo,
  history: Awaited<ReturnType<typeof walkHistory>>,
  tree: WorkingTree,
  blobs: BlobCache,
  live: ReadonlySet<string>,
  rel: string,
  of: string,
  current: boolean,
): Promise<FileFingerprint> {
  const fam = await familyOf(history, blobs, [toTop(info, rel)], { live });
  const ids = blobsAt(history, fam);
  const bytes = current ? readQuietly(info.root, rel) : undefined;
  if (bytes) ids.add(blobId(bytes, info.format));
  // Content a live file holds now is that file's, not this record's (a path reused by another record).
  if (!current) for (const b of [...ids]) if ((tree.byBlob.get(b) ?? []).length) ids.delete(b);
  ids.delete(EMPTY_BLOB[info.format]);
  return { path: rel, role: 'attachment', of, sha256: bytes ? sha256(bytes) : '', paths: [...fam].map((p) => fromTop(info, p)), blobs: [...ids] };
}

/** A note for each file not in the batch that holds a version of a destroyed one now: it will stay. */
function copiesElsewhere(files: readonly FileFingerprint[], tree: WorkingTree, destroyed: ReadonlySet<string>): FingerprintResult['notes'] {
  const seen = new Set<string>();
  const out: FingerprintResult['notes'] = [];
  for (const f of files) {
    for (const p of f.blobs.flatMap((b) => tree.byBlob.get(b) ?? [])) {
      if (destroyed.has(p) || seen.has(`${p}\0${f.path}`)) continue;
      seen.add(`${p}\0${f.path}`);
      out.push({
        en: `${p} holds the same content as ${f.path} and is not in the batch: it will remain`,
        zh: `${p} 与 ${f.path} 内容相同，但不在批次中，执行后仍将保留`,
      });
    }
  }
  return out;
}
