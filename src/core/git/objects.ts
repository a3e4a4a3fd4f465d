/**
 * Objects by id: the id git gives bytes, and reading many objects through one `cat-file --batch` process.
 * Output is parsed as it arrives, a chunk at a time, so a long read never holds the extension host.
 */
import { createHash } from 'crypto';
import { spawnGit } from './run';

export type ObjectFormat = 'sha1' | 'sha256';

/** The id git gives a blob of these bytes (`git hash-object`), computed here: no process per file. */
export function blobId(bytes: Uint8Array, format: ObjectFormat = 'sha1'): string {
  return createHash(format).update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** The empty blob: every empty file has it, so it says nothing about any record. */
export const EMPTY_BLOB: Record<ObjectFormat, string> = {
  sha1: 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391',
  sha256: '473a0f4c3be8a93681a267e3b1e9a7dcda1185436fe141f7749120a303721813',
};

export interface GitObject {
  id: string;
  type: string;
  /** The content; absent with `--batch-check`. */
  data?: Buffer;
}

/**
 * Streams `cat-file` answers: `<id> <type> <size>\n<content>\n`, or `<id> missing\n`. Calls `onObject` for
 * each object and `onMissing` for ids git does not have.
 */
class BatchReader {
  private chunks: Buffer[] = [];
  private length = 0;
  private pending: { id: string; type: string; size: number } | undefined;

  constructor(
    private readonly withData: boolean,
    private readonly onObject: (o: GitObject) => void,
    private readonly onMissing: (id: string) => void,
  ) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
    for (;;) {
      if (!this.pending) {
        const buf = this.joined();
        const nl = buf.indexOf(10);
        if (nl < 0) return;
        const header = buf.subarray(0, nl).toString('utf8');
        this.take(nl + 1);
        const parts = header.split(' ');
        if (parts[1] === 'missing' || parts[1] === 'ambiguous') {
          this.onMissing(parts[0]);
          continue;
        }
        if (!this.withData) {
          this.onObject({ id: parts[0], type: parts[1] });
          continue;
        }
        this.pending = { id: parts[0], type: parts[1], size: Number(parts[2]) };
      }
      if (this.length < this.pending.size + 1) return;
      const buf = this.joined();
      const data = Buffer.from(buf.subarray(0, this.pending.size));
      this.take(this.pending.size + 1);
      const p = this.pending;
      this.pending = undefined;
      this.onObject({ id: p.id, type: p.type, data });
    }
  }

  private joined(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0] ?? Buffer.alloc(0);
  }

  private take(n: number): void {
    const buf = this.joined().subarray(n);
    this.chunks = buf.length ? [buf] : [];
    this.length = buf.length;
  }
}

function runBatch(
  git: string,
  cwd: string,
  args: string[],
  input: string | undefined,
  withData: boolean,
  onObject: (o: GitObject) => void,
  onMissing: (id: string) => void = () => undefined,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawnGit(git, cwd, args);
    const reader = new BatchReader(withData, onObject, onMissing);
    let failed: Error | undefined;
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => {
      try {
        reader.push(b);
      } catch (e) {
        failed = e as Error;
        child.kill();
      }
    });
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.stdin.on('error', () => undefined);
    child.on('error', reject);
    child.on('close', (code) => {
      if (failed) reject(failed);
      else if (code !== 0) reject(new Error(`git ${args.join(' ')} failed: ${Buffer.concat(err).toString('utf8').trim()}`));
      else resolve();
    });
    child.stdin.end(input ?? '');
  });
}

/** The objects of these ids, each passed to `onObject` as it is read; ids git does not have are skipped. */
export function readObjects(git: string, cwd: string, ids: Iterable<string>, onObject: (o: GitObject) => void): Promise<void> {
  const list = [...new Set(ids)];
  if (!list.length) return Promise.resolve();
  return runBatch(git, cwd, ['cat-file', '--batch'], list.join('\n') + '\n', true, onObject);
}

/** Which of these ids the object database holds, whatever holds them: refs, reflogs, stash, packs, loose objects. */
export async function existingObjects(git: string, cwd: string, ids: Iterable<string>): Promise<Set<string>> {
  const list = [...new Set(ids)];
  const out = new Set<string>();
  if (!list.length) return out;
  await runBatch(git, cwd, ['cat-file', '--batch-check'], list.join('\n') + '\n', false, (o) => out.add(o.id));
  return out;
}

/** Every object of the repository, reachable or not — packed, loose, dangling — one at a time. */
export function everyObject(git: string, cwd: string, onObject: (o: GitObject) => void): Promise<void> {
  return runBatch(git, cwd, ['cat-file', '--batch-all-objects', '--batch', '--unordered'], undefined, true, onObject);
}
