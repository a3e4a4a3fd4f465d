import * as fs from 'fs';
import * as path from 'path';
import { EditRefusal } from '../core/fix/field-changes';
import { langOf, type Lang } from '../core/model/lang';
import { FileRefusal, REFUSAL_TEXT } from '../core/io/paths';
import { writeOutputFile } from '../core/io/safe-fs';
import { printable } from '../core/text/terminal';
import { docLang, type DocLang } from '../core/text/bilingual';
import { isGitRepo } from '../core/git/run';
import { openFolder, type OpenFolder } from '../core/check/folder';
import type { RecordIndex } from '../core/index/record-index';
import { UsageError, type ParsedArgs } from './args';
import type { CliIo } from './command';
import { openCheckCache, saveCheckCache, type CheckCache } from './check-cache';
import { optimiseAgain } from './tiering';

export type LoadedFolder = OpenFolder;

/** The folder argument, its schema and a full index of it: what most commands start from. */
export async function loadFolder(args: ParsedArgs, io: CliIo): Promise<LoadedFolder> {
  const root = folderOf(args, io);
  const lang = cliLang(args);
  if (!args.options.has('cache')) return openFolder(root, lang, { whenLarge: optimiseAgain });
  let cache: CheckCache | undefined;
  const opened = await openFolder(root, lang, { previous: (schema) => (cache = openCheckCache(root, lang, schema)).previous, whenLarge: optimiseAgain });
  // Written again only when it would change: a run that read nothing and found the same files leaves it.
  const same = opened.scan.read === 0 && cache?.previous?.size === opened.scan.listed + opened.scan.skipped;
  const problem = cache && !same ? saveCheckCache(cache, opened.index.entries()) : undefined;
  if (problem) io.err(`records-curator: the cache was not written (${printable(problem)}); the next run reads every file\n`);
  return opened;
}

/** The folder argument (default: the current folder), which must be a folder. */
export function folderOf(args: ParsedArgs, io: CliIo): string {
  const root = path.resolve(io.cwd, args.positionals[0] ?? '.');
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new UsageError(`${root} is not a folder`);
  return root;
}

/**
 * The language of findings and messages: --lang (en or zh, or a locale such as zh-CN or en_US; `both` where a
 * command writes documents, whose messages then follow the environment), else the environment as POSIX reads
 * it — LC_ALL, then LC_MESSAGES, then LANG. `--lang fr` is refused, not quietly English.
 */
export function cliLang(args: ParsedArgs): Lang {
  const l = args.options.get('lang');
  if (typeof l === 'string' && /^(?:zh|en)(?:[-_][A-Za-z0-9]+)*$/i.test(l)) return langOf(l);
  if (l !== undefined && l !== 'both') throw new UsageError(`--lang must be en, zh or both, not ${JSON.stringify(l)}`);
  const env = process.env;
  return langOf(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

/** A document's language from --lang (zh, en, both), else `fallback`: the one choice, made by docLang. */
export function docLangOption(args: ParsedArgs, fallback: DocLang): DocLang {
  const l = args.options.get('lang');
  if (l !== undefined && l !== 'zh' && l !== 'en' && l !== 'both') throw new UsageError(`--lang must be zh, en or both, not ${JSON.stringify(l)}`);
  return docLang(l, fallback);
}

/** The git executable (--git, default `git`), once ROOT is known to be inside a repository. */
export async function gitFor(args: ParsedArgs, root: string): Promise<string> {
  const g = args.options.get('git');
  const git = typeof g === 'string' ? g : 'git';
  if (!(await isGitRepo(git, root))) throw new UsageError(`${root} is not inside a git repository`);
  return git;
}

export function format(args: ParsedArgs, allowed: readonly string[]): string {
  const f = args.options.get('format');
  const value = typeof f === 'string' ? f : allowed[0];
  if (!allowed.includes(value)) throw new UsageError(`--format must be one of ${allowed.join(', ')}`);
  return value;
}

/** The folder's records in a RecordIndex configured from its schema: cross-file findings included. */
export function recordIndexOf(folder: LoadedFolder): RecordIndex {
  return folder.index;
}

/** Writes a command's output file; an existing file is replaced only with --force. Returns the exit code. */
export function writeOutput(command: string, args: ParsedArgs, io: CliIo, out: string, text: string, count: number): number {
  const target = path.resolve(io.cwd, out);
  try {
    writeOutputFile(target, text, { overwrite: args.options.has('force') });
  } catch (err) {
    if (err instanceof FileRefusal && err.reason === 'exists') {
      io.err(`records-curator ${command}: ${printable(target)} exists; not replaced (use --force)\n`);
      return 1;
    }
    if (err instanceof FileRefusal) {
      io.err(`records-curator ${command}: ${printable(target)} ${REFUSAL_TEXT[err.reason].en}; nothing was written\n`);
      return 1;
    }
    throw err;
  }
  io.out(`wrote ${target}: ${count} records\n`);
  return 0;
}

/** An expected refusal (a file changed, a link, a path outside) as one line for the user, never a stack trace. */
export function refusalText(err: unknown, zh: boolean): string {
  if (err instanceof FileRefusal) {
    const text = REFUSAL_TEXT[err.reason][zh ? 'zh' : 'en'];
    const nothing = err.reason === 'changed' ? '' : zh ? '；未写入任何内容' : '; nothing was written';
    return `${printable(err.path)} ${text}${nothing}`;
  }
  if (err instanceof EditRefusal) {
    return zh ? `${printable(err.path)}：修改后记录无法保持原样（${printable(err.detail)}），未写入任何内容` : printable(err.message);
  }
  return printable(err instanceof Error ? err.message : String(err));
}
