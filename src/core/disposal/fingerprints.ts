/**
 * Content fingerprints taken when a batch is approved: for every listed file and attachment, its SHA-256 now
 * and the git blob ids of every version it ever had — following renames across all refs, reflogs, the stash
 * and unreachable commits — so that "destroyed" can later be checked by content, not by a last path. For a
 * document cut out of a YAML stream, the document's own text hash and the ids of the stream's versions that
 * hold it. Only hashes are kept: the batch must not become a copy of what it destroys.
 */
import { scalarText } from '../model/records';

export type FingerprintRole = 'record' | 'document' | 'attachment';

export interface FileFingerprint {
  /** Workspace-relative path now. */
  path: string;
  role: FingerprintRole;
  /** A document's number in its stream. */
  index?: number;
  /** The record's id (record and document), used to tell its versions from other files that held the path. */
  id?: string;
  /** For an attachment: the record it belongs to (`path#index`). */
  of?: string;
  /** SHA-256 of the file's bytes at approval; '' when the file did not exist (an attachment named but missing). */
  sha256: string;
  /** SHA-256 of the document's own text (documents only). */
  document_sha256?: string;
  /** Every path it had in history, oldest first where known. */
  paths: string[];
  /** Blob ids of every version; for a document, of the stream file's versions that hold it. */
  blobs: string[];
}

export interface Fingerprints {
  taken_at: string;
  /** Whether the folder is in a git repository (no repository: SHA-256 only, nothing to purge). */
  git: boolean;
  /** The commit HEAD named when they were taken. */
  head?: string;
  /** A shallow or partial clone cannot see all of history: the blob lists may be incomplete. */
  incomplete?: string;
  files: FileFingerprint[];
}

const q = (s: string) => JSON.stringify(s);
const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** The `fingerprints:` block as YAML lines (block style, JSON-quoted strings, one blob list per line). */
export function fingerprintLines(f: Fingerprints): string[] {
  const out = [
    'fingerprints:              # 批准时的内容指纹 / content fingerprints at approval (git blob ids of every version)',
    `  taken_at: ${q(f.taken_at)}`,
    `  git: ${f.git}`,
  ];
  if (f.head) out.push(`  head: ${q(f.head)}`);
  if (f.incomplete) out.push(`  incomplete: ${q(f.incomplete)}`);
  out.push(f.files.length ? '  files:' : '  files: []');
  for (const x of f.files) {
    out.push(`    - path: ${q(x.path)}`, `      role: ${x.role}`);
    if (x.index !== undefined) out.push(`      index: ${x.index}`);
    if (x.id !== undefined) out.push(`      id: ${q(x.id)}`);
    if (x.of !== undefined) out.push(`      of: ${q(x.of)}`);
    out.push(`      sha256: ${q(x.sha256)}`);
    if (x.document_sha256 !== undefined) out.push(`      document_sha256: ${q(x.document_sha256)}`);
    out.push(`      paths: [${x.paths.map(q).join(', ')}]`, `      blobs: [${x.blobs.map(q).join(', ')}]`);
  }
  return out;
}

const strings = (v: unknown): string[] | undefined => (Array.isArray(v) && v.every((s): s is string => typeof s === 'string') ? v : undefined);

/**
 * The fingerprints of a batch's front matter, or undefined when there are none or they are not in the
 * shape approval writes (a hand edit): what cannot be read is not trusted.
 */
export function readFingerprints(v: unknown): Fingerprints | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.git !== 'boolean' || !Array.isArray(o.files)) return undefined;
  const files: FileFingerprint[] = [];
  for (const e of o.files as unknown[]) {
    if (!e || typeof e !== 'object') return undefined;
    const x = e as Record<string, unknown>;
    const paths = strings(x.paths);
    const blobs = strings(x.blobs);
    if (
      typeof x.path !== 'string' ||
      (x.role !== 'record' && x.role !== 'document' && x.role !== 'attachment') ||
      typeof x.sha256 !== 'string' ||
      !paths ||
      !blobs
    )
      return undefined;
    if (blobs.some((b) => !SHA.test(b))) return undefined;
    files.push({
      path: x.path,
      role: x.role,
      sha256: x.sha256,
      paths,
      blobs,
      ...(typeof x.index === 'number' ? { index: x.index } : {}),
      ...(typeof x.id === 'string' ? { id: x.id } : {}),
      ...(typeof x.of === 'string' ? { of: x.of } : {}),
      ...(typeof x.document_sha256 === 'string' ? { document_sha256: x.document_sha256 } : {}),
    });
  }
  return {
    taken_at: scalarText(o.taken_at),
    git: o.git,
    files,
    ...(typeof o.head === 'string' ? { head: o.head } : {}),
    ...(typeof o.incomplete === 'string' ? { incomplete: o.incomplete } : {}),
  };
}

/** The key an attachment's `of` names its record by. */
export const itemKey = (p: string, index: number) => `${p}#${index}`;

/** The fingerprint of a listed item (record or document), if taken. */
export function itemFingerprint(f: Fingerprints | undefined, p: string, index: number): FileFingerprint | undefined {
  return f?.files.find((x) => x.role !== 'attachment' && x.path === p && (x.index ?? 0) === index);
}

/** The fingerprints of an item's attachments. */
export function attachmentFingerprints(f: Fingerprints | undefined, p: string, index: number): FileFingerprint[] {
  const key = itemKey(p, index);
  return f?.files.filter((x) => x.role === 'attachment' && x.of === key) ?? [];
}
