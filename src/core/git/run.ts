import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'child_process';

export interface GitResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** What a git process may be given beyond its arguments. */
export interface GitOptions {
  /** Extra environment (FILTER_BRANCH_SQUELCH_WARNING, …). */
  env?: Readonly<Record<string, string>>;
  /** Written to the process's stdin, which is then closed. */
  input?: string | Uint8Array;
}

/**
 * Runs git without a shell, arguments as an array. Prompts are off (a repository's config must never wait
 * for input); the caller decides whether git may run at all (never in an untrusted workspace).
 */
let calls = 0;

/** How many git processes this process has started (the Restricted Mode test counts on none). */
export function gitProcessCount(): number {
  return calls;
}

/**
 * Replace refs (filter-repo leaves one per rewritten commit) are ignored so an object id means that object,
 * and a partial clone never fetches a missing object behind the user's back: asking whether an object
 * exists must not bring it over the network.
 */
const gitEnv = (extra?: Readonly<Record<string, string>>) => ({
  ...process.env,
  GIT_TERMINAL_PROMPT: '0',
  GIT_OPTIONAL_LOCKS: '0',
  LC_ALL: 'C',
  GIT_NO_REPLACE_OBJECTS: '1',
  GIT_NO_LAZY_FETCH: '1',
  ...extra,
});

/** A long-running git process with pipes (e.g. `cat-file --batch`), counted like every other. */
export function spawnGit(git: string, cwd: string, args: readonly string[], o: Pick<GitOptions, 'env'> = {}): ChildProcessWithoutNullStreams {
  calls++;
  return spawn(git, [...args], { cwd, windowsHide: true, stdio: ['pipe', 'pipe', 'pipe'], env: gitEnv(o.env) });
}

export function runGit(git: string, cwd: string, args: readonly string[], o: GitOptions = {}): Promise<GitResult> {
  if (o.input !== undefined) return runWithInput(git, cwd, args, o);
  calls++;
  return new Promise((resolve) => {
    execFile(
      git,
      [...args],
      {
        cwd,
        maxBuffer: 256 * 1024 * 1024,
        windowsHide: true,
        env: gitEnv(o.env),
      },
      (err, stdout, stderr) => {
        const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 128) : 0;
        resolve({ stdout, stderr: stderr || (err && !stderr ? err.message : ''), code });
      },
    );
  });
}

function runWithInput(git: string, cwd: string, args: readonly string[], o: GitOptions): Promise<GitResult> {
  return new Promise((resolve) => {
    const child = spawnGit(git, cwd, args, o);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    // A git that is missing or exits before reading its input must not crash the caller with EPIPE.
    child.stdin.on('error', () => undefined);
    child.on('error', (e) => resolve({ stdout: '', stderr: e.message, code: 127 }));
    child.on('close', (code) => resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), code: code ?? 128 }));
    child.stdin.end(o.input);
  });
}

/** Whether a folder is inside a git work tree. */
export async function isGitRepo(git: string, cwd: string): Promise<boolean> {
  const r = await runGit(git, cwd, ['rev-parse', '--is-inside-work-tree']);
  return r.code === 0 && r.stdout.trim() === 'true';
}
