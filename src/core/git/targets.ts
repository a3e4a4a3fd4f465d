/**
 * What must be gone for the executed destruction batches to be true: the blob ids recorded at approval, and —
 * for batches executed before content fingerprints existed, and as a safety net for every batch — the
 * versions found now by following each tombstoned path back through renames and copies to every blob that
 * holds the record (its id), and the attachments any of those versions named.
 */
import { attachmentFields, attachmentsOf } from '../disposal/attachments';
import type { BatchFile } from '../disposal/batch';
import type { FingerprintRole } from '../disposal/fingerprints';
import { scalarText } from '../model/records';
import type { Schema } from '../model/schema';
import type { History } from './history';
import { EMPTY_BLOB } from './objects';
import { fromTop, toTop, type RepoInfo } from './repo';
import { pacer } from './pace';
import { BlobCache, blobsAt, documentsOf, familyOf, versionsAt } from './versions';

export interface DestroyedBatch {
  /** The batch file, workspace-relative. */
  file: string;
  batch: BatchFile;
}

export interface Target {
  batch: string;
  /** The destroyed file's path (workspace-relative) as the batch names it. */
  path: string;
  role: FingerprintRole;
  /** The destroyed record's id (records and documents). */
  id?: string;
  /** Blob ids that must not exist: the file's versions (for a document: the stream versions holding it). */
  blobs: Set<string>;
  /** Text hashes of the destroyed document(s): no current file may hold one. */
  documentHashes: Set<string>;
  /** Recorded at approval, or found now by following a tombstoned path. */
  source: 'fingerprints' | 'history';
  /** Top-relative paths approval saw the file at: a recorded blob history holds only elsewhere is suspect. */
  paths?: Set<string>;
}

interface Tombstone {
  path: string;
  id?: string;
  attachmentOf?: string;
}

function tombstonesOf(b: BatchFile): Tombstone[] {
  const list = Array.isArray(b.data.tombstones) ? (b.data.tombstones as unknown[]) : [];
  const out: Tombstone[] = [];
  for (const t of list) {
    if (!t || typeof t !== 'object') continue;
    const o = t as Record<string, unknown>;
    if (typeof o.path !== 'string' || o.path === '') continue;
    const id = scalarText(o.id);
    out.push({ path: o.path, ...(id !== '' ? { id } : {}), ...(o.attachment_of !== undefined ? { attachmentOf: scalarText(o.attachment_of) } : {}) });
  }
  return out;
}

export const batchIdOf = (b: DestroyedBatch) => scalarText(b.batch.data.batch_id) || b.file;

/**
 * The targets of every batch, against the history `h` of the repository `info` (the local one, or a remote
 * fetched into a scratch repository); `live` are top-relative paths of files kept in the folder now.
 */
export async function destroyedTargets(
  info: RepoInfo,
  h: History,
  blobs: BlobCache,
  batches: readonly DestroyedBatch[],
  schema: Schema,
  live: { paths: ReadonlySet<string>; blobs: ReadonlySet<string> },
): Promise<Target[]> {
  const fields = attachmentFields(schema);
  const empty = EMPTY_BLOB[info.format];
  const out: Target[] = [];
  const pace = pacer();
  for (const b of batches) {
    const id = batchIdOf(b);
    for (const f of b.batch.fingerprints?.files ?? []) {
      out.push({
        batch: id,
        path: f.path,
        role: f.role,
        ...(f.id ? { id: f.id } : {}),
        blobs: new Set(f.blobs),
        documentHashes: new Set(f.document_sha256 ? [f.document_sha256] : []),
        source: 'fingerprints',
        paths: new Set(f.paths.map((p) => toTop(info, p))),
      });
    }
    const tombs = tombstonesOf(b.batch);
    const families = new Map<Tombstone, Set<string>>();
    for (const t of tombs) families.set(t, await familyOf(h, blobs, [toTop(info, t.path)], { live: live.paths, ids: t.id ? new Set([t.id]) : undefined }));
    // Every version read in one process, not one per tombstone.
    await blobs.load(tombs.flatMap((t) => (t.attachmentOf === undefined ? versionsAt(h, families.get(t)!).map(([v]) => v) : [])));
    for (const t of tombs) {
      await pace();
      const fam = families.get(t)!;
      // An attachment cannot be told by its content: what a live file holds now is that file's.
      const attachmentBlobs = (paths: Iterable<string>) => new Set([...blobsAt(h, paths)].filter((x) => x !== empty && !live.blobs.has(x)));
      if (t.attachmentOf !== undefined) {
        const ids = attachmentBlobs(fam);
        out.push({ batch: id, path: t.path, role: 'attachment', blobs: ids, documentHashes: new Set(), source: 'history' });
        continue;
      }
      const versions = versionsAt(h, fam);
      const held = new Set<string>();
      const hashes = new Set<string>();
      const named = new Set<string>();
      for (const [v, p] of versions) {
        await pace();
        const docs = documentsOf(blobs.get(v), p)?.docs ?? [];
        // Without an id every version the path had is the record's; with one, only those that carry it.
        const mine = t.id ? docs.filter((d) => d.id === t.id) : docs;
        if (t.id && !mine.length) continue;
        held.add(v);
        for (const d of mine) {
          hashes.add(d.hash);
          for (const a of attachmentsOf(d.record.data, fromTop(info, p), fields)) if (a.rel) named.add(a.rel);
        }
      }
      held.delete(empty);
      out.push({ batch: id, path: t.path, role: 'record', ...(t.id ? { id: t.id } : {}), blobs: held, documentHashes: hashes, source: 'history' });
      for (const rel of named) {
        const ids = attachmentBlobs(await familyOf(h, blobs, [toTop(info, rel)], { live: live.paths }));
        out.push({ batch: id, path: rel, role: 'attachment', blobs: ids, documentHashes: new Set(), source: 'history' });
      }
    }
  }
  return out;
}
