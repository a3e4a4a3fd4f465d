/** What the batch commands share: finding the folder a batch file belongs to, and reading it safely. */
import * as fs from 'fs';
import * as path from 'path';
import { readBatch, type BatchFile } from '../../core/disposal/batch';
import { LIST_DETAILS } from '../../core/disposal/document';
import { indexBatchContext } from '../../core/check/folder';
import type { BatchContext } from '../../core/disposal/items';
import { FileRefusal } from '../../core/io/paths';
import { readFileInside } from '../../core/io/safe-fs';
import { isGitRepo } from '../../core/git/run';
import type { RecordIndex } from '../../core/index/record-index';
import type { Lang } from '../../core/model/lang';
import { printable } from '../../core/text/terminal';
import { UsageError, type ParsedArgs } from '../args';
import type { CliIo } from '../command';
import { loadFolder, recordIndexOf, refusalText, type LoadedFolder } from '../load';

/** The language's half of a message. */
export const say = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);

/** The arguments of a sub-command (`batch create …`): its own positionals. */
export const subArgs = (args: ParsedArgs): ParsedArgs => ({ ...args, positionals: args.positionals.slice(1) });

export function contextOf(folder: LoadedFolder, index: RecordIndex): BatchContext {
  return indexBatchContext(folder.root, index, folder.lang, folder.schema.schema);
}

/** The git executable when the folder is in a repository (`--git`, default `git`); undefined otherwise. */
export async function gitOf(args: ParsedArgs, root: string): Promise<string | undefined> {
  const g = args.options.get('git');
  const git = typeof g === 'string' ? g : 'git';
  return (await isGitRepo(git, root)) ? git : undefined;
}

/** The workspace folder of a batch file: --folder, else the nearest folder above it with a `.records` folder, else above `disposal/`. */
function folderOfBatch(args: ParsedArgs, io: CliIo, abs: string): string {
  const given = args.options.get('folder');
  if (typeof given === 'string') return path.resolve(io.cwd, given);
  for (let dir = path.dirname(abs); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.records'))) return dir;
    if (path.dirname(dir) === dir) break;
  }
  return path.dirname(path.dirname(abs));
}

export interface LoadedBatch {
  folder: LoadedFolder;
  index: RecordIndex;
  ctx: BatchContext;
  /** Workspace-relative path of the batch file. */
  rel: string;
  bytes: Buffer;
  text: string;
  bom: boolean;
  batch: BatchFile;
}

/** A document of the disposal folder (a batch, an appraisal opinion…), read as loadBatch reads a batch. */
export type LoadedDocument = Omit<LoadedBatch, 'batch'> & { batch: BatchFile | undefined };

/** FILE (the sub-command's first positional): inside its folder's disposal folder, read without a link. */
export async function loadBatch(args: ParsedArgs, io: CliIo): Promise<LoadedBatch> {
  const d = await loadDocument(args, io);
  if (!d.batch) throw new UsageError(`${printable(d.rel)} is not a destruction or transfer batch (kind: destruction-batch | transfer-batch)`);
  return { ...d, batch: d.batch };
}

/** Any document of the disposal folder: the same checks as a batch, its kind left to the caller. */
export async function loadDocument(args: ParsedArgs, io: CliIo): Promise<LoadedDocument> {
  const file = args.positionals[0];
  if (!file) throw new UsageError('the batch FILE is required');
  const abs = path.resolve(io.cwd, file);
  const root = folderOfBatch(args, io, abs);
  const folder = await loadFolder({ ...args, positionals: [root] }, io);
  const rel = path.relative(folder.root, abs).split(path.sep).join('/');
  const dir = folder.schema.schema.disposal.folder;
  if (rel.startsWith('../') || path.isAbsolute(rel) || !rel.startsWith(`${dir}/`)) {
    throw new UsageError(`${printable(file)} is not a batch in ${printable(path.join(folder.root, dir))}`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileInside(folder.root, rel);
  } catch (err) {
    // A link or a folder where the batch should be: refused with the reason, never followed.
    if (err instanceof FileRefusal || (err as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(refusalText(err, folder.lang === 'zh'));
    throw err;
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const batch = readBatch(text);
  const index = recordIndexOf(folder);
  return { folder, index, ctx: contextOf(folder, index), rel, bytes, text, bom, batch };
}

/** Text back to the bytes of a file that had (or had not) a byte-order mark. */
export const bytesOf = (text: string, bom: boolean) => Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8');

/** Findings on one line each: `path:line:col code message`. */
export function findingLines(rel: string, findings: readonly { code: string; message: string; start: { line: number; col: number } }[]): string {
  return findings.map((f) => `${printable(rel)}:${f.start.line + 1}:${f.start.col + 1}\t${f.code}\t${printable(f.message)}\n`).join('');
}

/** `--set FIELD=VALUE` (repeatable; lists comma-separated), checked against the fields `what` takes. */
export function detailsOf(args: ParsedArgs, allowed: readonly string[], what: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const s of args.values.get('set') ?? []) {
    const eq = s.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set takes FIELD=VALUE, not ${JSON.stringify(s)}`);
    const key = s.slice(0, eq).trim();
    const value = s.slice(eq + 1).trim();
    if (!allowed.includes(key)) throw new UsageError(`--set ${key}: ${what} takes ${allowed.join(', ')}`);
    out[key] = LIST_DETAILS.has(key)
      ? value
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean)
      : value;
  }
  return out;
}
