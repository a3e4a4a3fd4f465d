import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_MAX_BYTES } from '../parse/decode';
import { indexBytes, indexTooLarge, type FileStat, type IndexOptions } from './index-file';
import type { FileEntry } from './types';

/**
 * Reads and indexes one file. A file that vanished between listing and reading (a `git checkout` in
 * progress) gives undefined; any other read error becomes a finding on the file.
 */
export function readAndIndex(root: string, rel: string, stat: FileStat | undefined, opts: IndexOptions): FileEntry | undefined {
  const abs = path.join(root, rel);
  let bytes: Buffer;
  let st = stat;
  try {
    if (!st) {
      const s = fs.statSync(abs);
      if (!s.isFile()) return undefined;
      st = { mtimeMs: s.mtimeMs, size: s.size };
    }
    // A huge file is not read at all: its size alone is the finding.
    if (st.size > (opts.maxBytes ?? DEFAULT_MAX_BYTES)) return indexTooLarge(rel, st, opts);
    bytes = fs.readFileSync(abs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    const at = { line: 0, col: 0 };
    return {
      path: rel, mtimeMs: st?.mtimeMs ?? 0, size: st?.size ?? 0, isRecordFile: true, records: [],
      findings: [{ code: 'unreadable', severity: 'error', message: `cannot read the file: ${code ?? String(err)}`, start: at, end: at }],
    };
  }
  return indexBytes(rel, bytes, st, opts);
}

export function workspaceFileExists(root: string): (rel: string) => boolean {
  return (rel) => {
    try {
      return fs.statSync(path.join(root, rel)).isFile();
    } catch {
      return false;
    }
  };
}
