import * as fs from 'fs';
import { resolveInside } from '../io/paths';
import { tryReadFileInside } from '../io/safe-fs';

/**
 * The batch files (`*.md`) under the disposal folder, path → text, in path order. Links are not followed
 * and unreadable files are left out: a batch is only what the folder really holds.
 */
export function batchFiles(root: string, folder: string): [string, string][] {
  const out: [string, string][] = [];
  const walk = (rel: string) => {
    const r = resolveInside(root, rel);
    if (!r.ok || !r.value.stat?.isDirectory()) return;
    let names: string[];
    try {
      names = fs.readdirSync(r.value.abs).sort();
    } catch {
      return; // a folder that cannot be listed holds no batch this tool could act on
    }
    for (const name of names) {
      const child = `${rel}/${name}`;
      const c = resolveInside(root, child);
      if (!c.ok || !c.value.stat) continue;
      if (c.value.stat.isDirectory()) walk(child);
      else if (c.value.stat.isFile() && name.endsWith('.md')) {
        let bytes: Buffer | undefined;
        try {
          bytes = tryReadFileInside(root, child);
        } catch {
          bytes = undefined;
        }
        if (bytes) out.push([child, bytes.toString('utf8').replace(/^\uFEFF/, '')]);
      }
    }
  };
  walk(folder);
  return out;
}
