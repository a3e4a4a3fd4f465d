/**
 * Where a workspace-relative path may lead. Record paths come from places a user (or an attacker) can edit —
 * a batch file, a schema, an attachment list — so a path is taken only when it names something inside the
 * folder without passing through a symbolic link: `..`, absolute paths and links are refused, never resolved.
 */
import * as fs from 'fs';
import * as path from 'path';

export type PathProblem =
  /** Empty, NUL, a backslash, an empty or `.` segment: not how the tool writes paths. */
  | 'invalid'
  /** The path or one of its folders is a symbolic link. */
  | 'symlink'
  /** Absolute, a drive, or a `..` segment: it names something outside the folder. */
  | 'outside'
  /** It exists and is not a regular file (a folder, a FIFO, a socket, a device). */
  | 'not-a-file';

/** Why a write or delete was refused: the path, or the file not being what the caller saw. */
export type RefusalReason = PathProblem | 'exists' | 'changed';

/** A write, delete or read the safe file layer refused; nothing was changed. */
export class FileRefusal extends Error {
  constructor(
    readonly reason: RefusalReason,
    readonly path: string,
    message?: string,
  ) {
    super(message ?? `${path} ${REFUSAL_TEXT[reason].en}`);
    this.name = 'FileRefusal';
  }
}

/** Words for each reason, for findings and messages in both languages ("<path> <text>"). */
export const REFUSAL_TEXT: Record<RefusalReason, { en: string; zh: string }> = {
  exists: { en: 'exists already and is not replaced', zh: '已存在，不会覆盖' },
  changed: { en: 'changed since it was read; nothing was written', zh: '在读取后被修改；未写入任何内容' },
  invalid: {
    en: 'is not a plain relative path ("/" between folders, no empty or "." parts, no backslash)',
    zh: '不是普通的相对路径（文件夹之间用“/”，不可有空段、“.”或反斜杠）',
  },
  symlink: { en: 'is or passes through a symbolic link, which is never followed', zh: '是符号链接或经过符号链接，不会跟随' },
  outside: { en: 'leads outside the folder', zh: '指向文件夹之外' },
  'not-a-file': { en: 'is not a regular file', zh: '不是普通文件' },
};

/** Syntax alone: `a/b.md` is fine; `../x`, `/etc/x`, `C:x` lead outside; `a//b`, `a/./b`, `a\\b` are invalid. */
export function pathSyntaxProblem(rel: unknown): PathProblem | undefined {
  if (typeof rel !== 'string' || rel === '' || rel.length > 4096 || /[\0\\]/.test(rel)) return 'invalid';
  if (rel.startsWith('/') || /^[A-Za-z]:/.test(rel)) return 'outside';
  const segs = rel.split('/');
  if (segs.includes('..')) return 'outside';
  return segs.every((seg) => seg !== '' && seg !== '.') ? undefined : 'invalid';
}

export interface Resolved {
  /** Absolute path, inside the folder's real path. */
  abs: string;
  /** lstat of the target; undefined when it does not exist. */
  stat: fs.Stats | undefined;
  /** The target does not exist and every folder above it does (each checked here: a real folder, no link). */
  inFolder?: boolean;
}

/**
 * Resolves `rel` inside `root` or says why not. Every existing component is checked with lstat, so no link
 * anywhere on the way is followed; components that do not exist yet are fine (a file about to be created).
 * `base` is the folder's real path (`realFolder(root)`), for a caller resolving many paths at once.
 */
export function resolveInside(root: string, rel: string, base?: string): { ok: true; value: Resolved } | { ok: false; problem: PathProblem } {
  const syntax = pathSyntaxProblem(rel);
  if (syntax) return { ok: false, problem: syntax };
  // The folder itself may be reached through a link (macOS /tmp); what is inside it may not.
  base ??= fs.realpathSync(root);
  const segs = rel.split('/');
  // The segments are checked above (no `..`, `.` or empty ones): joined as they are, without path.join's
  // normalising, which was a good part of an import's planning time.
  let cur = base.endsWith(path.sep) ? base.slice(0, -1) : base;
  for (let i = 0; i < segs.length; i++) {
    cur = cur + path.sep + segs[i];
    let st: fs.Stats | undefined;
    try {
      // A missing name is the common case (a file about to be created): told without an exception, which
      // cost seven times the lstat itself.
      st = fs.lstatSync(cur, { throwIfNoEntry: false });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOTDIR') return { ok: false, problem: 'not-a-file' };
      throw err;
    }
    if (!st) return { ok: true, value: { abs: path.join(base, ...segs), stat: undefined, inFolder: i === segs.length - 1 } };
    if (st.isSymbolicLink()) return { ok: false, problem: 'symlink' };
    const last = i === segs.length - 1;
    if (!last && !st.isDirectory()) return { ok: false, problem: 'not-a-file' };
    if (last) return { ok: true, value: { abs: cur, stat: st } };
  }
  return { ok: false, problem: 'invalid' };
}

/** The folder's real path, as resolveInside starts from: computed once by a caller resolving many paths. */
export function realFolder(root: string): string {
  return fs.realpathSync(root);
}

/** resolveInside, throwing FileRefusal: for code paths where a bad path is a refusal of the whole action. */
export function mustResolveInside(root: string, rel: string, base?: string): Resolved {
  const r = resolveInside(root, rel, base);
  if (!r.ok) throw new FileRefusal(r.problem, rel);
  return r.value;
}

/**
 * For planning many new files (an import): why a file could not be created at `rel` — a path problem, or
 * `exists` — or undefined when it could. What `resolveInside` would say of each path, with each folder's
 * components checked once, not again for every file in it (a 100,000-row import makes a few thousand
 * folders), and nothing looked up inside a folder that does not exist yet. It tells the plan what the
 * preview shows; the write checks every path again in full just before it writes.
 */
export function newFileChecker(root: string, base = realFolder(root)): (rel: string) => RefusalReason | undefined {
  const folders = new Map<string, { problem?: PathProblem; abs?: string }>();
  return (rel) => {
    const syntax = pathSyntaxProblem(rel);
    if (syntax) return syntax;
    const slash = rel.lastIndexOf('/');
    if (slash < 0) {
      const r = resolveInside(root, rel, base);
      return !r.ok ? r.problem : r.value.stat ? 'exists' : undefined;
    }
    const dir = rel.slice(0, slash);
    let f = folders.get(dir);
    if (!f) {
      const r = resolveInside(root, dir, base);
      f = !r.ok ? { problem: r.problem } : !r.value.stat ? {} : r.value.stat.isDirectory() ? { abs: r.value.abs } : { problem: 'not-a-file' };
      folders.set(dir, f);
    }
    if (f.problem) return f.problem;
    if (f.abs === undefined) return undefined;
    let st: fs.Stats | undefined;
    try {
      st = fs.lstatSync(f.abs + path.sep + rel.slice(slash + 1), { throwIfNoEntry: false });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOTDIR') return 'not-a-file';
      throw err;
    }
    return !st ? undefined : st.isSymbolicLink() ? 'symlink' : 'exists';
  };
}
