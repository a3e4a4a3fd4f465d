import { execFile } from 'child_process';

export interface GitResult {
  stdout: string;
  stderr: string;
  code: number;
}

/**
 * Runs git without a shell, arguments as an array. Prompts are off (a repository's config must never wait
 * for input); the caller decides whether git may run at all (never in an untrusted workspace).
 */
export function runGit(git: string, cwd: string, args: readonly string[]): Promise<GitResult> {
  return new Promise((resolve) => {
    execFile(git, [...args], {
      cwd, maxBuffer: 256 * 1024 * 1024, windowsHide: true,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
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
