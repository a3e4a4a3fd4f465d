/**
 * A file's versions in history. Paths are followed through renames and copies, but only where the other side
 * is the same record (it carries the record's id) or nearly the same file: git also pairs two different
 * customers' records made from one template, and a live file is never taken for an old version of another.
 */
import { sha256 } from '../disposal/batch';
import { decodeRecordBytes } from '../parse/decode';
import { parseRecordText } from '../parse/record-file';
import { recordKind, scalarText } from '../model/records';
import type { ParsedRecord } from '../model/parsed';
import type { Edge, History } from './history';
import { readObjects } from './objects';
import type { RepoInfo } from './repo';

/** Blob contents read once per purge check or approval. */
export class BlobCache {
  private readonly data = new Map<string, Buffer | null>();

  constructor(private readonly info: RepoInfo) {}

  async load(ids: Iterable<string>): Promise<void> {
    const want = [...ids].filter((id) => !this.data.has(id));
    if (!want.length) return;
    await readObjects(this.info.git, this.info.top, want, (o) => o.type === 'blob' && o.data && this.data.set(o.id, o.data));
    for (const id of want) if (!this.data.has(id)) this.data.set(id, null);
  }

  get(id: string): Buffer | undefined {
    return this.data.get(id) ?? undefined;
  }
}

export interface BlobDocument {
  record: ParsedRecord;
  /** SHA-256 of the document's own text. */
  hash: string;
  id: string | undefined;
}

/** The records in a blob read as the file at `path` (Markdown front matter or a YAML stream), and the text. */
export function documentsOf(bytes: Buffer | undefined, path: string): { text: string; docs: BlobDocument[] } | undefined {
  const kind = recordKind(path);
  if (!bytes || !kind) return undefined;
  const decoded = decodeRecordBytes(bytes);
  if (!decoded.ok) return undefined;
  const text = decoded.text;
  const parsed = parseRecordText(text, kind);
  return {
    text,
    docs: parsed.records.map((record) => {
      const id = record.data && record.data.id !== undefined && record.data.id !== null ? scalarText(record.data.id) : undefined;
      return { record, hash: sha256(text.slice(record.span.start, record.span.end)), id };
    }),
  };
}

/** SHA-256 of one document's text in a file's text (how approval fingerprints a document of a stream). */
export function documentHash(text: string, record: ParsedRecord): string {
  return sha256(text.slice(record.span.start, record.span.end));
}

export interface FamilyOptions {
  /** Top-relative paths of live files that are not being destroyed: never taken for versions. */
  live: ReadonlySet<string>;
  /** The record's id(s), when the paths hold records: an edge to a blob holding one is followed. */
  ids?: ReadonlySet<string>;
}

/** Every top-relative path that held a version of the files at `start`, through renames and copies. */
export async function familyOf(h: History, blobs: BlobCache, start: readonly string[], o: FamilyOptions): Promise<Set<string>> {
  const byPath = new Map<string, Edge[]>();
  for (const e of h.edges) {
    byPath.set(e.src, [...(byPath.get(e.src) ?? []), e]);
    byPath.set(e.dst, [...(byPath.get(e.dst) ?? []), e]);
  }
  const fam = new Set(start);
  const queue = [...start];
  while (queue.length) {
    const p = queue.pop()!;
    const edges = byPath.get(p) ?? [];
    await blobs.load(edges.map((e) => (e.dst === p ? e.srcBlob : e.dstBlob)));
    for (const e of edges) {
      const [other, blob] = e.dst === p ? [e.src, e.srcBlob] : [e.dst, e.dstBlob];
      if (fam.has(other) || o.live.has(other)) continue;
      if (!(e.score >= 90 || holdsId(blobs.get(blob), other, o.ids))) continue;
      fam.add(other);
      queue.push(other);
    }
  }
  return fam;
}

function holdsId(bytes: Buffer | undefined, path: string, ids: ReadonlySet<string> | undefined): boolean {
  if (!ids?.size) return false;
  return documentsOf(bytes, path)?.docs.some((d) => d.id !== undefined && ids.has(d.id)) ?? false;
}

/** Every blob the paths ever held. */
export function blobsAt(h: History, paths: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const p of paths) for (const b of h.byPath.get(p) ?? []) out.add(b);
  return out;
}

/** The (blob, top-relative path) pairs of the paths' history: a blob is read as the file it was. */
export function versionsAt(h: History, paths: Iterable<string>): [string, string][] {
  const out: [string, string][] = [];
  for (const p of paths) for (const b of h.byPath.get(p) ?? []) out.push([b, p]);
  return out;
}
