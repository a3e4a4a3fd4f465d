import { createHash } from 'crypto';
import type { Interner } from './record-index';
import type { FileEntry, Finding, RecordEntry } from './types';

/**
 * The index cache: one JSON line per file (field names stored once, in the last line), so a warm start
 * reads it in slices without holding the extension host, and a reader can stop at the first bad line.
 * Anything unexpected — another format, another schema, a truncated write, hand edits — makes the readers
 * return undefined, and the caller rebuilds.
 */
const FORMAT = 3;

type CachedRecord = [index: number, line: number, endLine: number, errors: number, warnings: number, data: unknown[] | null, anchors: RecordEntry['anchors'] | null];
type CachedFile = [path: string, mtimeMs: number, size: number, isRecordFile: 0 | 1, records: CachedRecord[], findings: Finding[] | 0];

/** What the cached findings depend on: the schema text, the language, rule settings, the code version. */
export function cacheKey(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

export function writeCache(key: string, files: Iterable<FileEntry>): string {
  const fieldIds = new Map<string, number>();
  const fields: string[] = [];
  const lines: string[] = [JSON.stringify({ format: FORMAT, key })];
  for (const f of files) {
    // Unsaved editor content is never cached: the file on disk is what the next start will see.
    if (f.mtimeMs < 0) continue;
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
          data.push(id, r.data[k]);
        }
      }
      return [r.index, r.line, r.endLine, r.errors, r.warnings, data, r.anchors ?? null];
    });
    const row: CachedFile = [f.path, f.mtimeMs, f.size, f.isRecordFile ? 1 : 0, records, f.findings.length ? f.findings : 0];
    lines.push(JSON.stringify(row));
  }
  lines.push(JSON.stringify({ fields, files: lines.length - 1 }));
  return lines.join('\n') + '\n';
}

const NO_FINDINGS: Finding[] = [];

function decode(line: string, fields: readonly string[]): FileEntry {
  const [path, mtimeMs, size, isRecord, records, findings] = JSON.parse(line) as CachedFile;
  if (typeof path !== 'string' || typeof mtimeMs !== 'number' || typeof size !== 'number' || !Array.isArray(records)) throw new Error('corrupt');
  const entries: RecordEntry[] = records.map(([index, line, endLine, errors, warnings, data, anchors]) => {
    let obj: Record<string, unknown> | undefined;
    if (data) {
      obj = {};
      for (let i = 0; i < data.length; i += 2) {
        const name = fields[data[i] as number];
        if (name === undefined) throw new Error('corrupt');
        obj[name] = data[i + 1];
      }
    }
    return { file: path, index, line, endLine, data: obj, anchors: anchors ?? undefined, errors, warnings };
  });
  return { path, mtimeMs, size, isRecordFile: isRecord === 1, records: entries, findings: findings || NO_FINDINGS };
}

/** The lines between header and trailer, found without splitting 40 MB at once. */
interface Opened {
  text: string;
  fields: string[];
  /** Offsets of the first and one past the last entry line. */
  from: number;
  to: number;
  count: number;
}

/** Header and trailer checked; undefined when this is not a cache of this key. */
function open(text: string, key: string): Opened | undefined {
  const firstEnd = text.indexOf('\n');
  const end = text.endsWith('\n') ? text.length - 1 : text.length;
  const lastStart = text.lastIndexOf('\n', end - 1) + 1;
  if (firstEnd < 0 || lastStart <= firstEnd) return undefined;
  try {
    const head = JSON.parse(text.slice(0, firstEnd)) as { format?: unknown; key?: unknown };
    const tail = JSON.parse(text.slice(lastStart, end)) as { fields?: unknown; files?: unknown };
    if (head.format !== FORMAT || head.key !== key || !Array.isArray(tail.fields) || typeof tail.files !== 'number') return undefined;
    return { text, fields: tail.fields as string[], from: firstEnd + 1, to: lastStart, count: tail.files };
  } catch {
    return undefined;
  }
}

/** Decodes entry lines from `pos`; calls `yieldNow` between lines to let a slice end. Throws on a bad line. */
function* lines(c: Opened): Generator<FileEntry> {
  let pos = c.from;
  let n = 0;
  while (pos < c.to) {
    const nl = c.text.indexOf('\n', pos);
    yield decode(c.text.slice(pos, nl), c.fields);
    pos = nl + 1;
    n++;
  }
  if (n !== c.count) throw new Error('truncated');
}

export function readCache(text: string, key: string): Map<string, FileEntry> | undefined {
  const c = open(text, key);
  if (!c) return undefined;
  const map = new Map<string, FileEntry>();
  try {
    for (const e of lines(c)) map.set(e.path, e);
  } catch {
    return undefined;
  }
  return map;
}

/** readCache in slices of about `sliceMs`, yielding between them; an interner takes each entry as it comes. */
export async function readCacheAsync(text: string, key: string, sliceMs = 8, interner?: Interner): Promise<Map<string, FileEntry> | undefined> {
  const c = open(text, key);
  if (!c) return undefined;
  const map = new Map<string, FileEntry>();
  let start = Date.now();
  try {
    for (const e of lines(c)) {
      map.set(e.path, e);
      interner?.entry(e, true);
      if (Date.now() - start > sliceMs) {
        await new Promise((r) => setImmediate(r));
        start = Date.now();
      }
    }
  } catch {
    return undefined;
  }
  return map;
}
