import { createHash } from 'crypto';
import { yieldToEventLoop } from '../async/slices';
import { StringTable } from './strings';
import type { FileEntry, RecordEntry } from '../model/records';
import type { Finding } from '../model/findings';
import type { Schema } from '../model/schema';

/**
 * The index cache: one JSON line per file, so a warm start reads it in slices without holding the extension
 * host, and a reader can stop at the first bad line. Short values that repeat (categories, customers, dates)
 * are stored once, in a `{"s": [...]}` line before the first file that uses them, and referred to by number:
 * the reader then does not parse them 100,000 times, and the records it builds share one copy of each. Field
 * names are stored once, in the last line. Anything unexpected — another
 * format, another schema, a truncated write, hand edits — makes the readers return undefined, and the
 * caller rebuilds.
 */
// 6: long and zero-led integers are kept as their text (parse/exact-int.ts), a cache of 5 holds rounded numbers;
// entries carry rawArchiveNos and unread (numbering blockers). 7: findings carry their fix as edits.
// 8: data holds aliased keys and values under the schema's names; notes carry personal-information findings.
const FORMAT = 8;

type CachedRecord = [
  index: number,
  line: number,
  endLine: number,
  errors: number,
  warnings: number,
  data: unknown[] | null,
  anchors: RecordEntry['anchors'] | null,
];
/** The last two only when set (they are rare): archive numbers from a text scan, why the file was not read. */
type CachedFile = [
  path: string,
  mtimeMs: number,
  size: number,
  isRecordFile: 0 | 1,
  records: CachedRecord[],
  findings: Finding[] | 0,
  rawArchiveNos?: readonly string[] | 0,
  unread?: string | 0,
];

/** What the cached findings depend on: the schema text, the language, rule settings, the code version. */
export function cacheKey(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

/**
 * The cache's lines, one at a time: header, one per file (after a line of the shared strings it introduces),
 * then the trailer with the field names. A record's data is pairs: field number and value, or
 * -(field number + 1) and a shared string's number.
 */
function* cacheLines(key: string, files: Iterable<FileEntry>): Generator<string> {
  const fieldIds = new Map<string, number>();
  const fields: string[] = [];
  const strings = new StringTable();
  let stringsWritten = 0;
  let count = 0;
  yield JSON.stringify({ format: FORMAT, key });
  for (const f of files) {
    // Unsaved editor content is never cached: the file on disk is what the next start will see. Nor is what
    // the walk did not read (an unlistable folder, a link): every walk reports it afresh, so a cached one could
    // only outlive its cause.
    if (f.mtimeMs < 0 || f.skipped !== undefined) continue;
    const records: CachedRecord[] = f.records.map((r) => {
      let data: unknown[] | null = null;
      if (r.data) {
        data = [];
        for (const k in r.data) {
          let id = fieldIds.get(k);
          if (id === undefined) {
            id = fields.length;
            fields.push(k);
            fieldIds.set(k, id);
          }
          const v = r.data[k];
          const shared = typeof v === 'string' ? strings.idOf(k, v) : -1;
          if (shared >= 0) data.push(-id - 1, shared);
          else data.push(id, v);
        }
      }
      return [r.index, r.line, r.endLine, r.errors, r.warnings, data, r.anchors ?? null];
    });
    const row: CachedFile = [f.path, f.mtimeMs, f.size, f.isRecordFile ? 1 : 0, records, f.findings.length ? f.findings : 0];
    if (f.rawArchiveNos !== undefined || f.unread !== undefined) row.push(f.rawArchiveNos ?? 0, f.unread ?? 0);
    if (strings.list.length > stringsWritten) {
      yield JSON.stringify({ s: strings.list.slice(stringsWritten) });
      stringsWritten = strings.list.length;
    }
    yield JSON.stringify(row);
    count++;
  }
  yield JSON.stringify({ fields, files: count });
}

export function writeCache(key: string, files: Iterable<FileEntry>): string {
  return [...cacheLines(key, files)].join('\n') + '\n';
}

/**
 * writeCache in slices of about `sliceMs`, handing `write` a chunk of text at a time (awaited), so writing the
 * cache of 100,000 records (40 MB, half a second of work) never holds the extension host.
 */
export async function writeCacheAsync(key: string, files: Iterable<FileEntry>, write: (chunk: string) => Promise<void>, sliceMs = 8): Promise<void> {
  let chunk: string[] = [];
  let start = Date.now();
  for (const line of cacheLines(key, files)) {
    chunk.push(line);
    if (Date.now() - start > sliceMs) {
      await write(chunk.join('\n') + '\n');
      chunk = [];
      await yieldToEventLoop();
      start = Date.now();
    }
  }
  if (chunk.length) await write(chunk.join('\n') + '\n');
}

const NO_FINDINGS: Finding[] = [];

function decode(line: string, fields: readonly string[], strings: readonly string[]): FileEntry {
  const [path, mtimeMs, size, isRecord, records, findings, raw, unread] = JSON.parse(line) as CachedFile;
  if (typeof path !== 'string' || typeof mtimeMs !== 'number' || typeof size !== 'number' || !Array.isArray(records)) throw new Error('corrupt');
  if ((raw !== undefined && raw !== 0 && !Array.isArray(raw)) || (unread !== undefined && unread !== 0 && typeof unread !== 'string'))
    throw new Error('corrupt');
  const entries: RecordEntry[] = records.map(([index, line, endLine, errors, warnings, data, anchors]) => {
    let obj: Record<string, unknown> | undefined;
    if (data) {
      obj = {};
      for (let i = 0; i < data.length; i += 2) {
        const f = data[i] as number;
        const name = fields[f < 0 ? -f - 1 : f];
        const value = f < 0 ? strings[data[i + 1] as number] : data[i + 1];
        if (name === undefined || value === undefined) throw new Error('corrupt');
        obj[name] = value;
      }
    }
    return { file: path, index, line, endLine, data: obj, anchors: anchors ?? undefined, errors, warnings };
  });
  const entry: FileEntry = { path, mtimeMs, size, isRecordFile: isRecord === 1, records: entries, findings: findings || NO_FINDINGS };
  if (!raw && !unread) return entry;
  return { ...entry, ...(raw ? { rawArchiveNos: raw.map(String) } : {}), ...(unread ? { unread } : {}) };
}

/** Header and trailer checked, the entry lines located; the bytes are decoded a chunk at a time. */
interface Opened {
  bytes: Uint8Array;
  fields: string[];
  strings: string[];
  /** Byte offsets of the first entry line and one past the last. */
  from: number;
  to: number;
  count: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
/** Bytes decoded at once: one chunk is a few ms of work, where 40 MB in one go held the thread ~130 ms. */
const CHUNK = 512 * 1024;

/** Header and trailer checked; undefined when this is not a cache of this key. */
function open(bytes: Uint8Array, key: string): Opened | undefined {
  const firstEnd = bytes.indexOf(10);
  const end = bytes.length > 0 && bytes[bytes.length - 1] === 10 ? bytes.length - 1 : bytes.length;
  const lastStart = bytes.lastIndexOf(10, end - 1) + 1;
  if (firstEnd < 0 || lastStart <= firstEnd) return undefined;
  try {
    const head = JSON.parse(utf8.decode(bytes.subarray(0, firstEnd))) as { format?: unknown; key?: unknown };
    const tail = JSON.parse(utf8.decode(bytes.subarray(lastStart, end))) as { fields?: unknown; files?: unknown };
    if (head.format !== FORMAT || head.key !== key || !Array.isArray(tail.fields) || typeof tail.files !== 'number') return undefined;
    return { bytes, fields: tail.fields as string[], strings: [], from: firstEnd + 1, to: lastStart, count: tail.files };
  } catch {
    return undefined;
  }
}

/** Decodes the entry lines, a chunk of whole lines at a time. Throws on a bad line or a wrong count. */
function* lines(c: Opened): Generator<FileEntry> {
  let pos = c.from;
  let n = 0;
  while (pos < c.to) {
    let cut = pos + CHUNK >= c.to ? c.to : c.bytes.indexOf(10, pos + CHUNK) + 1;
    if (cut <= 0 || cut > c.to) cut = c.to;
    const text = utf8.decode(c.bytes.subarray(pos, cut));
    for (let p = 0; p < text.length;) {
      const nl = text.indexOf('\n', p);
      if (nl < 0) throw new Error('corrupt');
      if (text.charCodeAt(p) === 123 /* { */) {
        const more = (JSON.parse(text.slice(p, nl)) as { s?: unknown }).s;
        if (!Array.isArray(more)) throw new Error('corrupt');
        for (const x of more) c.strings.push(String(x));
      } else {
        yield decode(text.slice(p, nl), c.fields, c.strings);
        n++;
      }
      p = nl + 1;
    }
    pos = cut;
  }
  if (n !== c.count) throw new Error('truncated');
}

function bytesOf(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
}

export function readCache(data: string | Uint8Array, key: string): Map<string, FileEntry> | undefined {
  const c = open(bytesOf(data), key);
  if (!c) return undefined;
  const map = new Map<string, FileEntry>();
  try {
    for (const e of lines(c)) map.set(e.path, e);
  } catch {
    return undefined;
  }
  return map;
}

/** readCache in slices of about `sliceMs`, yielding between them. */
export async function readCacheAsync(data: string | Uint8Array, key: string, sliceMs = 8): Promise<Map<string, FileEntry> | undefined> {
  const c = open(bytesOf(data), key);
  if (!c) return undefined;
  const map = new Map<string, FileEntry>();
  let start = Date.now();
  try {
    for (const e of lines(c)) {
      map.set(e.path, e);
      if (Date.now() - start > sliceMs) {
        await yieldToEventLoop();
        start = Date.now();
      }
    }
  } catch {
    return undefined;
  }
  return map;
}

/**
 * Whether a cached entry's findings depend on files other than its own: a record naming an attachment
 * (missing-attachment looked the path up when it was read; the file may have come or gone since). Such an
 * entry is read again rather than reused, whatever its own file's stats say.
 */
export function readsOtherFiles(entry: FileEntry, schema: Schema): boolean {
  for (const record of entry.records) {
    const data = record.data;
    if (!data) continue;
    for (const name in data) {
      const def = schema.fields.get(name);
      if (!def || !(def.type === 'path' || (def.type === 'list' && def.items === 'path'))) continue;
      const v = data[name];
      if (typeof v === 'string' ? v.trim() !== '' : Array.isArray(v) ? v.length > 0 : v != null) return true;
    }
  }
  return false;
}
