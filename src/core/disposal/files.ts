import * as fs from 'fs';
import * as path from 'path';
import { resolveInside } from '../io/paths';
import { tryReadFileInside } from '../io/safe-fs';

/**
 * The batch files of a folder: every `.md` under its disposal folder, found without following a link (a
 * linked disposal folder or batch is not read), sorted. The editor and the command line find them here.
 */
export function findBatchFiles(root: string, disposalFolder: string): string[] {
  const out: string[] = [];
  const start = resolveInside(root, disposalFolder);
  if (!start.ok || !start.value.stat?.isDirectory()) return out;
  const stack = [disposalFolder];
  while (stack.length) {
    const rel = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      continue; // unreadable or gone: the walk of the index reports such a folder
    }
    for (const e of entries) {
      const child = `${rel}/${e.name}`;
      if (e.isDirectory()) stack.push(child);
      else if (e.isFile() && e.name.toLowerCase().endsWith('.md')) out.push(child);
    }
  }
  return out.sort();
}

/** The batch files with their text, path → text (read without a link; unreadable ones are left out). */
export function batchFiles(root: string, disposalFolder: string): [string, string][] {
  const out: [string, string][] = [];
  for (const rel of findBatchFiles(root, disposalFolder)) {
    let bytes: Buffer | undefined;
    try {
      bytes = tryReadFileInside(root, rel);
    } catch {
      bytes = undefined; // no permission: the index reports the file; a batch is only what can be read
    }
    if (bytes) out.push([rel, bytes.toString('utf8').replace(/^\uFEFF/, '')]);
  }
  return out;
}
