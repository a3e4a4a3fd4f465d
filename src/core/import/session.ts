/**
 * One import of one file into a folder, from its bytes to the plan and every file it would write: the
 * records, the mapping (`.records/imports/<name>.yaml`, written the first time so the next run repeats this
 * one) and the state of what was imported. Writing is the caller's, through io/changes: all or nothing.
 */
import type { FileChange } from '../io/changes';
import { tryReadFileInside } from '../io/safe-fs';
import type { Lang } from '../model/lang';
import type { Bilingual, Schema } from '../model/schema';
import { say } from '../text/bilingual';
import type { IndexOptions } from '../index/index-file';
import type { RecordIndex } from '../index/record-index';
import { defaultWorkerPath } from '../index/scan';
import { indexTextsInWorker } from '../index/text-pool';

/** From this many rows the new records are indexed in a worker: below, its start (~100 ms) costs more than it saves. */
const WORKER_ROWS = 2000;
import { headerGuesser } from './headers';
import {
  DEFAULT_PATTERN,
  guessMapping,
  IMPORTS_FOLDER,
  importName,
  MappingError,
  readMapping,
  validateMapping,
  writeMapping,
  type ImportMapping,
} from './mapping';
import { planImport, type ImportPlan } from './plan';
import { readState, writeState } from './state';
import type { Table } from './table';
import type { MailMessage } from './mail';
import { planMailImport } from './mail-plan';
import { planMailThreads } from './mail-thread-plan';
import { readTextTable, type ReadTable } from './read-text-table';

export type TableKind = 'csv' | 'tsv' | 'json' | 'xlsx' | 'eml' | 'mbox';

export function tableKind(file: string): TableKind | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'tsv' || ext === 'json' || ext === 'xlsx' || ext === 'eml' || ext === 'mbox') return ext;
  return ext === 'txt' ? 'tsv' : undefined;
}

export interface ImportRequest {
  root: string;
  schema: Schema;
  index: RecordIndex;
  indexOptions: IndexOptions;
  /** The file's name (for the mapping's name and messages) and bytes. */
  fileName: string;
  bytes: Uint8Array;
  /** --category. */
  category?: string;
  /** A mapping given with --map, as text. */
  mappingText?: string;
  today: string;
  /** Reads an .xlsx into a table (loaded only when one is imported). */
  readXlsx?(bytes: Uint8Array, known: (header: string) => boolean, lang?: Lang): Promise<ReadTable>;
  /** Parses .eml and .mbox files (loaded only when mail is imported). */
  readMail?(bytes: Uint8Array, kind: 'eml' | 'mbox'): Promise<MailMessage[]>;
  /** Mail: the customer of every message (default: the sender's name). */
  customer?: string;
  /** Mail: one record per message or per thread (default: the mapping's, else per message). */
  per?: 'message' | 'thread';
}

export interface ImportSession {
  table: Table;
  mapping: ImportMapping;
  mappingPath: string;
  mappingFrom: 'given' | 'saved' | 'guessed';
  plan: ImportPlan;
  /** Records, then the mapping (when new) and the state. */
  changes: FileChange[];
}

export type ImportResult = { ok: true; session: ImportSession } | { ok: false; message: string; line?: number };

/** What stops an import of a file, in the index's language (--lang, the editor's display language). */
const MSG = {
  notReadable: {
    en: 'not a file this import reads (.csv, .tsv, .json, .xlsx, .eml, .mbox)',
    zh: '不是本导入能读取的文件（.csv、.tsv、.json、.xlsx、.eml、.mbox）',
  },
  noXlsx: { en: 'reading .xlsx is not available here', zh: '此处无法读取 .xlsx' },
  workbook: { en: 'the workbook cannot be read ({why})', zh: '无法读取此工作簿（{why}）' },
  mappingAt: { en: '{path}: {message}', zh: '{path}：{message}' },
  unmapped: { en: 'column {column} is not in the mapping; not imported', zh: '列 {column} 不在映射中；未导入' },
  badState: { en: '{path} is not the JSON this import writes; move it away to import afresh', zh: '{path} 不是本导入写入的 JSON；将其移走即可重新导入' },
  noMail: { en: 'reading mail is not available here', zh: '此处无法读取邮件' },
  mail: { en: 'the mail cannot be read ({why})', zh: '无法读取此邮件（{why}）' },
  oneMessage: { en: '{kind}, 1 message', zh: '{kind}，1 封邮件' },
  messages: { en: '{kind}, {count} messages', zh: '{kind}，{count} 封邮件' },
  per: {
    en: 'imports this mail one record per {per}; --per {asked} would import the same messages again as other records (change per: in it to change that; the records already imported stay)',
    zh: '此映射按每个 {per} 一条记录导入这些邮件；--per {asked} 会把同样的邮件再次导入为其他记录（要改变，请修改其中的 per:；已导入的记录保留）',
  },
} satisfies Record<string, Bilingual>;

export async function prepareImport(req: ImportRequest): Promise<ImportResult> {
  const lang = req.indexOptions.lang;
  const kind = tableKind(req.fileName);
  if (!kind) return { ok: false, message: say(lang, MSG.notReadable) };
  if (kind === 'eml' || kind === 'mbox') return prepareMailImport(req, kind);
  const guess = headerGuesser(req.schema);
  const known = (h: string) => guess(h) !== undefined;
  let read: ReadTable;
  if (kind === 'xlsx') {
    if (!req.readXlsx) return { ok: false, message: say(lang, MSG.noXlsx) };
    try {
      read = await req.readXlsx(req.bytes, known, lang);
    } catch (err) {
      // The reader's bundle missing or failing: said plainly, never a stack trace.
      return { ok: false, message: say(lang, MSG.workbook, { why: err instanceof Error ? err.message : String(err) }) };
    }
  } else read = readTextTable(req.bytes, kind, known, lang);
  if (!read.ok) return read;
  const table = read.table;
  const name = importName(req.fileName);
  const mappingPath = `${IMPORTS_FOLDER}/${name}.yaml`;
  const statePath = `${IMPORTS_FOLDER}/${name}.state.json`;
  const saved = tryReadFileInside(req.root, mappingPath);
  let mapping: ImportMapping;
  let mappingFrom: ImportSession['mappingFrom'];
  try {
    if (req.mappingText !== undefined) [mapping, mappingFrom] = [readMapping(req.mappingText, lang), 'given'];
    else if (saved) [mapping, mappingFrom] = [readMapping(saved.toString('utf8'), lang), 'saved'];
    else [mapping, mappingFrom] = [guessMapping(table.headers, req.schema, req.category), 'guessed'];
    if (req.category !== undefined) mapping.category = req.category;
    validateMapping(mapping, req.schema, { lang });
  } catch (err) {
    if (err instanceof MappingError) return { ok: false, message: say(lang, MSG.mappingAt, { path: mappingPath, message: err.message }) };
    throw err;
  }
  for (const h of table.headers)
    if (!mapping.columns.has(h)) table.notes.push({ line: table.headerLine, message: say(lang, MSG.unmapped, { column: JSON.stringify(h) }) });
  const stateBytes = tryReadFileInside(req.root, statePath);
  let state;
  try {
    state = readState(stateBytes?.toString('utf8'), mapping.key);
  } catch {
    return { ok: false, message: say(lang, MSG.badState, { path: statePath }) };
  }
  // A large table's new records are indexed in a worker while its rows are planned (a fifth of the time).
  const texts = table.rows.length >= WORKER_ROWS ? indexTextsInWorker(req.root, { ...req.indexOptions, detach: false }, defaultWorkerPath()) : undefined;
  const plan = await planImport({
    root: req.root,
    schema: req.schema,
    index: req.index,
    indexOptions: req.indexOptions,
    table,
    mapping,
    state,
    today: req.today,
    texts,
  });
  const changes = [...plan.changes];
  if (changes.length || mappingFrom === 'guessed') {
    if (!saved) changes.push({ path: mappingPath, before: null, after: Buffer.from(writeMapping(mapping, req.fileName), 'utf8') });
    const next = Buffer.from(writeState(plan.state), 'utf8');
    if (!stateBytes || !stateBytes.equals(next)) changes.push({ path: statePath, before: stateBytes ?? null, after: next });
  }
  return { ok: true, session: { table, mapping, mappingPath, mappingFrom, plan, changes } };
}

/** Mail: the messages, and the saved mapping's path pattern and defaults (written the first time). */
async function prepareMailImport(req: ImportRequest, kind: 'eml' | 'mbox'): Promise<ImportResult> {
  const lang = req.indexOptions.lang;
  if (!req.readMail) return { ok: false, message: say(lang, MSG.noMail) };
  let messages: MailMessage[];
  try {
    messages = await req.readMail(req.bytes, kind);
  } catch (err) {
    return { ok: false, message: say(lang, MSG.mail, { why: err instanceof Error ? err.message : String(err) }) };
  }
  const name = importName(req.fileName);
  const mappingPath = `${IMPORTS_FOLDER}/${name}.yaml`;
  const statePath = `${IMPORTS_FOLDER}/${name}.state.json`;
  const saved = tryReadFileInside(req.root, mappingPath);
  let mapping: ImportMapping;
  let mappingFrom: ImportSession['mappingFrom'];
  try {
    const text = req.mappingText ?? saved?.toString('utf8');
    mappingFrom = req.mappingText !== undefined ? 'given' : saved ? 'saved' : 'guessed';
    mapping =
      text !== undefined
        ? readMapping(text, lang)
        : { category: 'communication', key: 'message_id', pattern: DEFAULT_PATTERN, columns: new Map(), defaults: new Map() };
    mapping.category = 'communication';
    if (req.per !== undefined && mappingFrom === 'saved' && (mapping.per ?? 'message') !== req.per)
      throw new MappingError(say(lang, MSG.per, { per: mapping.per ?? 'message', asked: req.per }));
    if (req.per !== undefined) mapping.per = req.per;
    mapping.key = mapping.per === 'thread' ? 'thread' : 'message_id';
    validateMapping(mapping, req.schema, { mail: true, lang });
  } catch (err) {
    if (err instanceof MappingError) return { ok: false, message: say(lang, MSG.mappingAt, { path: mappingPath, message: err.message }) };
    throw err;
  }
  const stateBytes = tryReadFileInside(req.root, statePath);
  let state;
  try {
    state = readState(stateBytes?.toString('utf8'), mapping.key);
  } catch {
    return { ok: false, message: say(lang, MSG.badState, { path: statePath }) };
  }
  const plan = (mapping.per === 'thread' ? planMailThreads : planMailImport)({
    root: req.root,
    schema: req.schema,
    index: req.index,
    indexOptions: req.indexOptions,
    messages,
    pattern: mapping.pattern,
    customer: req.customer,
    defaults: mapping.defaults,
    state,
    today: req.today,
  });
  const table: Table = {
    headers: [],
    headerLine: 0,
    rows: [],
    encoding: say(lang, messages.length === 1 ? MSG.oneMessage : MSG.messages, { kind, count: messages.length }),
    notes: [],
  };
  const changes = [...plan.changes];
  if (changes.length) {
    if (!saved) changes.push({ path: mappingPath, before: null, after: Buffer.from(writeMapping(mapping, req.fileName), 'utf8') });
    changes.push({ path: statePath, before: stateBytes ?? null, after: Buffer.from(writeState(plan.state), 'utf8') });
  }
  return { ok: true, session: { table, mapping, mappingPath, mappingFrom, plan, changes } };
}
