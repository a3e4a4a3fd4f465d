import { createHash } from 'crypto';
import type { FileEntry, Finding, RecordEntry } from './types';

/**
 * The index cache: a compact JSON file (field names stored once) that makes reopening a large workspace a
 * matter of listing files. Anything unexpected in it — another format, another schema, a truncated
 * write, hand edits — makes `readCache` return undefined, and the caller rebuilds.
 */
const FORMAT = 2;

type CachedRecord = [index: number, line: number, endLine: number, errors: number, warnings: number, data: unknown[] | null, anchors: RecordEntry['anchors'] | null];
type CachedFile = [path: string, mtimeMs: number, size: number, isRecordFile: 0 | 1, records: CachedRecord[], findings: Finding[] | 0];

interface CacheFile {
  format: number;
  key: string;
  fields: string[];
  files: CachedFile[];
}

/** What the cached findings depend on: the schema text, the language, rule settings, the code version. */
export function cacheKey(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

export function writeCache(key: string, files: Iterable<FileEntry>): string {
  const fieldIds = new Map<string, number>();
  const fields: string[] = [];
  const out: CachedFile[] = [];
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
    out.push([f.path, f.mtimeMs, f.size, f.isRecordFile ? 1 : 0, records, f.findings.length ? f.findings : 0]);
  }
  const file: CacheFile = { format: FORMAT, key, fields, files: out };
  return JSON.stringify(file);
}

export function readCache(text: string, key: string): Map<string, FileEntry> | undefined {
  let file: CacheFile;
  try {
    file = JSON.parse(text) as CacheFile;
  } catch {
    return undefined;
  }
  if (!file || file.format !== FORMAT || file.key !== key || !Array.isArray(file.fields) || !Array.isArray(file.files)) return undefined;
  const { fields } = file;
  const map = new Map<string, FileEntry>();
  try {
    for (const [path, mtimeMs, size, isRecord, records, findings] of file.files) {
      if (typeof path !== 'string' || typeof mtimeMs !== 'number' || typeof size !== 'number' || !Array.isArray(records)) return undefined;
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
      map.set(path, { path, mtimeMs, size, isRecordFile: isRecord === 1, records: entries, findings: findings || [] });
    }
  } catch {
    return undefined;
  }
  return map;
}
