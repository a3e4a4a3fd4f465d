/**
 * Git plumbing shared by the review modules: revisions checked before use, paths relative to the folder
 * being reviewed (which may sit below the repository's top level), and a revision's tree read in one pass.
 */
import * as path from 'path';
import { runGit, spawnGit } from '../git/run';

/**
 * Refuses a revision that git would read as an option (`--output=…`): revisions come from users and settings.
 * (Checked here rather than with `--end-of-options`, which git before 2.24 does not know.)
 */
export function checkRev(rev: string): string {
  if (rev === '' || rev.startsWith('-') || /[\0\n]/.test(rev)) throw new Error(`not a revision: ${JSON.stringify(rev)}`);
  return rev;
}

/** The full commit id a revision names, or undefined when it names none. */
export async function resolveCommit(git: string, root: string, rev: string): Promise<string | undefined> {
  if (rev === '' || rev.startsWith('-') || /[\0\n]/.test(rev)) return undefined;
  const r = await runGit(git, root, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  const id = r.stdout.trim();
  return r.code === 0 && /^[0-9a-f]{40,64}$/.test(id) ? id : undefined;
}

/** The folder's path below the repository's top level, `''` or ending in `/`. */
export async function repoPrefix(git: string, root: string): Promise<string> {
  const r = await runGit(git, root, ['rev-parse', '--show-prefix']);
  if (r.code !== 0) throw new Error(`not a git repository: ${root}: ${r.stderr.trim()}`);
  return r.stdout.trim();
}

/** A path git printed relative to the top level, made relative to the folder. */
export function fromTop(prefix: string, topPath: string): string {
  return prefix === '' ? topPath : path.posix.relative(prefix.replace(/\/$/, ''), topPath);
}

/** `REV:PATH` with PATH relative to the folder (git reads `./` and `../` against the working directory). */
export function revPath(rev: string, rel: string): string {
  return `${checkRev(rev)}:${rel.startsWith('../') ? rel : `./${rel}`}`;
}

export interface TreeFile {
  /** Relative to the folder, `/`-separated. */
  path: string;
  oid: string;
  size: number;
}

/** Regular files of a revision below the folder (`git ls-tree -r -l -z`, paths relative to the folder). Submodules and symbolic links are left out. */
export async function listTree(git: string, root: string, rev: string): Promise<TreeFile[]> {
  const r = await runGit(git, root, ['ls-tree', '-r', '-l', '-z', checkRev(rev)]);
  if (r.code !== 0) throw new Error(`git ls-tree ${rev} failed: ${r.stderr.trim()}`);
  const out: TreeFile[] = [];
  for (const line of r.stdout.split('\0')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, oid, size] = line.slice(0, tab).split(/ +/);
    if (type !== 'blob' || mode === '120000') continue;
    out.push({ path: line.slice(tab + 1), oid, size: Number(size) });
  }
  return out;
}

/** Object contents by id, read with one `git cat-file --batch` (no shell). Missing objects are left out. */
export function readBlobs(git: string, root: string, oids: readonly string[]): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const unique = [...new Set(oids)];
  if (unique.length === 0) return Promise.resolve(out);
  return new Promise((resolve, reject) => {
    const child = spawnGit(git, root, ['cat-file', '--batch']);
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.stdin.on('error', () => undefined); // an early exit is reported by 'close'
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`git cat-file failed (${code}): ${stderr.trim()}`));
        return;
      }
      const all = Buffer.concat(chunks);
      let p = 0;
      while (p < all.length) {
        const nl = all.indexOf(10, p);
        if (nl < 0) break;
        const header = all.toString('utf8', p, nl).split(' ');
        p = nl + 1;
        if (header[1] === 'missing' || header.length < 3) continue;
        const size = Number(header[2]);
        out.set(header[0], all.subarray(p, p + size));
        p += size + 1;
      }
      resolve(out);
    });
    child.stdin.end(unique.join('\n') + '\n');
  });
}

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** UTF-8 text without a leading BOM. */
export function decodeText(bytes: Uint8Array): string {
  const text = utf8.decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
