import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'child_process';

export interface GitResult {
  stdout: string;
  stderr: string;
  code: number;
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

const gitEnv = () => ({ ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' });

/** A long-running git process with pipes (e.g. `cat-file --batch`), counted like every other. */
export function spawnGit(git: string, cwd: string, args: readonly string[]): ChildProcessWithoutNullStreams {
  calls++;
  return spawn(git, [...args], { cwd, windowsHide: true, stdio: ['pipe', 'pipe', 'pipe'], env: gitEnv() });
}

export function runGit(git: string, cwd: string, args: readonly string[]): Promise<GitResult> {
  calls++;
  return new Promise((resolve) => {
    execFile(git, [...args], {
      cwd, maxBuffer: 256 * 1024 * 1024, windowsHide: true,
      env: gitEnv(),
    }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 128) : 0;
      resolve({ stdout: String(stdout), stderr: String(stderr) || (err && !stderr ? err.message : ''), code });
    });
  });
}

/** Whether a folder is inside a git work tree. */
export async function isGitRepo(git: string, cwd: string): Promise<boolean> {
  const r = await runGit(git, cwd, ['rev-parse', '--is-inside-work-tree']);
  return r.code === 0 && r.stdout.trim() === 'true';
}
