/**
 * Every version of every file the repository holds, wherever it is held: one `git log --raw` over all refs,
 * every reflog entry and the commits nothing reaches any more (`git fsck --unreachable`), merges against each
 * parent, with renames and copies detected. Output is parsed as it streams in, chunk by chunk.
 */
import type { RepoInfo } from './repo';
import { runGit, spawnGit } from './run';

/** How a commit is held: by a ref (branch, tag, stash, remote-tracking), only by a reflog, or by nothing. */
export type Reach = 'ref' | 'reflog' | 'unreachable';

export interface Occurrence {
  commit: string;
  /** Top-level-relative path. */
  path: string;
  reach: Reach;
}

/** A rename or copy git detected: a version at `src` became (or was copied to) `dst`. */
export interface Edge {
  kind: 'R' | 'C';
  score: number;
  src: string;
  dst: string;
  srcBlob: string;
  dstBlob: string;
}

export interface History {
  /** Blob ids each path ever held. */
  byPath: Map<string, Set<string>>;
  /** Where each blob is held, the best-held first (a ref before a reflog before nothing). */
  byBlob: Map<string, Occurrence[]>;
  edges: Edge[];
  /** Commits walked, and the range: root commits and the tips of refs. */
  commits: number;
  roots: string[];
  /** Unreachable blobs no commit holds (a `git add` undone, a dropped stash's index): `fsck` saw them. */
  looseBlobs: Set<string>;
}

const ZERO = /^0+$/;
const REGULAR = /^100[0-7]{3}$/;
const RANK: Record<Reach, number> = { ref: 0, reflog: 1, unreachable: 2 };

async function lines(git: string, cwd: string, args: string[]): Promise<string[]> {
  const r = await runGit(git, cwd, args);
  if (r.code !== 0) throw new Error(`git ${args[0]} failed: ${r.stderr.trim()}`);
  return r.stdout
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Walks the whole history of the repository `info` describes. */
export async function walkHistory(info: RepoInfo): Promise<History> {
  const { git, top } = info;
  const h: History = { byPath: new Map(), byBlob: new Map(), edges: [], commits: 0, roots: [], looseBlobs: new Set() };
  const onRefs = new Set(await lines(git, top, ['rev-list', '--all']));
  const onReflogs = new Set(await lines(git, top, ['rev-list', '--reflog', '--not', '--all']));
  const unreachable: string[] = [];
  const fsck = await runGit(git, top, ['fsck', '--unreachable', '--connectivity-only', '--no-progress']);
  for (const line of fsck.stdout.split('\n')) {
    const m = /^unreachable (commit|blob) ([0-9a-f]+)$/.exec(line.trim());
    if (m?.[1] === 'commit') unreachable.push(m[2]);
    else if (m) h.looseBlobs.add(m[2]);
  }
  const reachOf = (c: string): Reach => (onRefs.has(c) ? 'ref' : onReflogs.has(c) ? 'reflog' : 'unreachable');
  const args = [
    // The repository's own settings must not change the output this parses.
    '-c',
    'diff.relative=false',
    '-c',
    'log.showSignature=false',
    '-c',
    'color.ui=never',
    '-c',
    'diff.renameLimit=20000',
    'log',
    '--all',
    '--reflog',
    '--stdin',
    '-m',
    '--raw',
    '-z',
    '--no-abbrev',
    '-M',
    '-C',
    '--root',
    '--no-color',
    '--format=%x01%H%x02%P',
  ];
  await new Promise<void>((resolve, reject) => {
    const child = spawnGit(git, top, args);
    const parser = new RawParser(h, reachOf);
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => parser.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.stdin.on('error', () => undefined);
    child.on('error', reject);
    child.on('close', (code) => {
      // A repository with no commit at all: log fails, and there is no history to walk.
      if (code !== 0 && onRefs.size + onReflogs.size + unreachable.length > 0)
        reject(new Error(`git log failed: ${Buffer.concat(err).toString('utf8').trim()}`));
      else resolve();
    });
    child.stdin.end(unreachable.join('\n') + (unreachable.length ? '\n' : ''));
  });
  for (const [blob, list] of h.byBlob) {
    list.sort((a, b) => RANK[a.reach] - RANK[b.reach]);
    if (list.length > 4) h.byBlob.set(blob, list.slice(0, 4));
  }
  return h;
}

/** The `-z` raw log as tokens separated by NUL: commit headers, `:meta` entries and their one or two paths. */
class RawParser {
  private rest: Buffer = Buffer.alloc(0);
  private commit = '';
  private reach: Reach = 'ref';
  private meta: string[] | undefined;
  private paths: string[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly h: History,
    private readonly reachOf: (c: string) => Reach,
  ) {}

  push(chunk: Buffer): void {
    let buf = this.rest.length ? Buffer.concat([this.rest, chunk]) : chunk;
    let nul: number;
    while ((nul = buf.indexOf(0)) >= 0) {
      this.token(buf.subarray(0, nul).toString('utf8'));
      buf = buf.subarray(nul + 1);
    }
    this.rest = Buffer.from(buf);
  }

  private token(t: string): void {
    if (this.meta) {
      // A path, taken as it is: a file may be named ":x" or start with a newline.
      this.paths.push(t);
      const status = this.meta[4];
      if (this.paths.length === (status[0] === 'R' || status[0] === 'C' ? 2 : 1)) this.entry();
      return;
    }
    const s = t.replace(/^\n+/, '');
    if (s.startsWith('\u0001')) {
      const [commit, parents] = s.slice(1).split('\u0002');
      this.commit = commit.trim();
      this.reach = this.reachOf(this.commit);
      if (!this.seen.has(this.commit)) {
        this.seen.add(this.commit);
        this.h.commits++;
        if ((parents ?? '').trim() === '') this.h.roots.push(this.commit);
      }
    } else if (s.startsWith(':')) {
      this.meta = s.slice(1).split(' ');
      this.paths = [];
    }
  }

  private entry(): void {
    const [srcMode, dstMode, srcBlob, dstBlob, status] = this.meta!;
    this.meta = undefined;
    const [src, dst] = this.paths.length === 2 ? this.paths : [this.paths[0], this.paths[0]];
    if (REGULAR.test(dstMode) && !ZERO.test(dstBlob)) this.add(dst, dstBlob, true);
    // The version before the change is held by the parent; it is added where the parent is walked, but a
    // shallow boundary's parent is not: keep the path's blob all the same.
    if (REGULAR.test(srcMode) && !ZERO.test(srcBlob)) this.add(src, srcBlob, false);
    if ((status[0] === 'R' || status[0] === 'C') && src !== dst) {
      this.h.edges.push({ kind: status[0], score: Number(status.slice(1)) || 0, src, dst, srcBlob, dstBlob });
    }
  }

  private add(p: string, blob: string, held: boolean): void {
    let set = this.h.byPath.get(p);
    if (!set) this.h.byPath.set(p, (set = new Set()));
    set.add(blob);
    if (!held) return;
    let list = this.h.byBlob.get(blob);
    if (!list) this.h.byBlob.set(blob, (list = []));
    // A few places per blob are enough to say where it lives; one per kind of holder.
    if (list.length < 8 && !list.some((o) => o.reach === this.reach && o.path === p)) list.push({ commit: this.commit, path: p, reach: this.reach });
  }
}
