/**
 * Mail messages as communication records: one record per message, with its date, participants, subject,
 * a summary and the text as the body; attachments saved in a folder beside the record and listed in
 * `attachments`. A message is known by its Message-ID, so a mailbox imported again adds only new messages.
 * An attachment whose name is not one plain file name (`../../x`, a folder, a dot file) rejects its message:
 * nothing of it is written.
 */
import { createHash } from 'crypto';
import { REFUSAL_TEXT, resolveInside } from '../io/paths';
import { recordKind, type FileEntry } from '../model/records';
import type { Lang } from '../model/lang';
import type { Schema } from '../model/schema';
import { findPersonalInfo, maskValue } from '../values/pii';
import { createMatcher } from '../index/matcher';
import { indexBytes, type IndexOptions } from '../index/index-file';
import type { RecordIndex } from '../index/record-index';
import { safeAttachmentName, type MailAddress, type MailMessage } from './mail';
import { findingsBeside, idMaker, type ImportPlan } from './plan';
import { fillPattern, recordText, type ImportValue } from './record-text';
import { valueHash, type ImportState } from './state';
import type { Bilingual } from '../model/schema';
import { say } from '../text/bilingual';

export interface MailImportInput {
  root: string;
  schema: Schema;
  index: RecordIndex;
  indexOptions: IndexOptions;
  messages: readonly MailMessage[];
  pattern: string;
  /** The customer of every message; default: the sender's name. */
  customer?: string;
  /** Fixed values for every record (customer_type…). */
  defaults: ReadonlyMap<string, string>;
  state: ImportState;
  today: string;
}

export const CATEGORY = 'communication';

/** What a mail import says of a message or thread, in the index's language (--lang, the editor's display language). */
export const MAIL_MSG = {
  message: { en: 'message {n}: {reason}', zh: '第 {n} 封邮件：{reason}' },
  thread: { en: 'thread of message {n}: {reason}', zh: '第 {n} 封邮件所在的会话：{reason}' },
  again: { en: 'the same message again in this file', zh: '本文件中重复的同一封邮件' },
  before: { en: 'imported before', zh: '以前已导入' },
  badName: {
    en: 'the attachment name {name} is not one plain file name; nothing of this message is imported',
    zh: '附件名 {name} 不是单纯的文件名；这封邮件的任何内容都不导入',
  },
  badNameThread: {
    en: 'the attachment name {name} is not one plain file name; nothing of this thread is imported',
    zh: '附件名 {name} 不是单纯的文件名；这个会话的任何内容都不导入',
  },
  twoNamed: { en: 'two attachments are named {name}', zh: '有两个附件都叫 {name}' },
  pattern: { en: 'the path pattern needs {fields}, which this message has no value for', zh: '路径模式需要 {fields}，这封邮件没有其取值' },
  patternThread: { en: 'the path pattern needs {fields}, which this thread has no value for', zh: '路径模式需要 {fields}，这个会话没有其取值' },
  taken: { en: '{path} is written by an earlier message too', zh: '前面的某封邮件也写入 {path}' },
  takenThread: { en: '{path} is written by an earlier thread too', zh: '前面的某个会话也写入 {path}' },
  attachmentIsRecord: {
    en: 'the attachment {path} would be taken for a record; nothing of this message is imported',
    zh: '附件 {path} 会被当作一条记录；这封邮件的任何内容都不导入',
  },
  attachmentIsRecordThread: {
    en: 'the attachment {path} would be taken for a record; nothing of this thread is imported',
    zh: '附件 {path} 会被当作一条记录；这个会话的任何内容都不导入',
  },
  refused: { en: '{path} {why}', zh: '{path}{why}' },
  notRecord: {
    en: "{path} would not be a record (the schema's records.include/exclude leave it out)",
    zh: '{path} 不会成为记录（架构的 records.include/exclude 不包含它）',
  },
  manyRecords: { en: 'its messages are in {count} records imported before ({files})', zh: '其中的邮件已分别导入到 {count} 条记录中（{files}）' },
  gone: { en: 'imported before and no longer in the folder; not created again', zh: '以前已导入，但已不在文件夹中；不再重新创建' },
  noId: { en: '{path} has no id to keep its attachments under', zh: '{path} 没有 id，无法存放其附件' },
  unreadable: { en: '{path} cannot be read', zh: '无法读取 {path}' },
  cannotEdit: { en: '{path}: {reason}', zh: '{path}：{reason}' },
  added: { en: '{count} messages added', zh: '新增 {count} 封邮件' },
  addedOne: { en: '1 message added', zh: '新增 1 封邮件' },
} satisfies Record<string, Bilingual>;

/** Why `file` cannot be written: a refusal of the safe path, or that it exists already. */
export function refusedPath(lang: Lang, file: string, r: ReturnType<typeof resolveInside>): string | undefined {
  if (!r.ok) return say(lang, MAIL_MSG.refused, { path: file, why: REFUSAL_TEXT[r.problem][lang] });
  return r.value.stat ? say(lang, MAIL_MSG.refused, { path: file, why: REFUSAL_TEXT.exists[lang] }) : undefined;
}
const pad = (n: number) => String(n).padStart(2, '0');

/** The time in China (UTC+8), where these records are kept; the header's own offset is not kept by the parser. */
export function chinaTime(d: Date): { date: string; datetime: string } {
  const t = new Date(d.getTime() + 8 * 3600000);
  const date = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  return { date, datetime: `${date}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}+08:00` };
}

export const person = (a: MailAddress) => (a.name ? `${a.name} <${a.address}>` : a.address);

export function keyOf(m: MailMessage): string {
  if (m.messageId) return m.messageId;
  const h = createHash('sha256')
    .update(JSON.stringify([m.date?.toISOString(), m.subject, m.from, m.text]))
    .digest('hex');
  return `sha256:${h.slice(0, 32)}`;
}

function valuesOf(m: MailMessage, input: MailImportInput): Map<string, ImportValue> {
  const v = new Map<string, ImportValue>();
  const has = (f: string) => input.schema.fields.has(f);
  v.set('category', CATEGORY);
  const customer = input.customer ?? m.from[0]?.name ?? m.from[0]?.address;
  if (customer) v.set('customer', customer);
  v.set('title', m.subject.trim() || '(no subject)');
  if (m.date && !Number.isNaN(m.date.getTime())) {
    const t = chinaTime(m.date);
    v.set('date', t.date);
    if (has('occurred_at')) v.set('occurred_at', t.datetime);
  }
  if (has('channel')) v.set('channel', 'email');
  const people = [...new Set([...m.from, ...m.to, ...m.cc].map(person).filter(Boolean))];
  if (has('participants') && people.length) v.set('participants', people);
  const summary = m.text.replace(/\s+/g, ' ').trim();
  if (has('summary') && summary) v.set('summary', summary.length > 200 ? `${summary.slice(0, 199)}…` : summary);
  for (const [f, d] of input.defaults) if (!v.has(f)) v.set(f, d);
  return v;
}

export function planMailImport(input: MailImportInput): ImportPlan {
  const { root, schema, index } = input;
  const lang = input.indexOptions.lang;
  const plan: ImportPlan = {
    created: [],
    updated: [],
    skipped: [],
    conflicts: [],
    rejected: [],
    personal: [],
    changes: [],
    state: { key: input.state.key, records: new Map(input.state.records) },
  };
  const isRecordPath = createMatcher(schema.include, schema.exclude);
  const makeId = idMaker(index, schema, input.today);
  const seen = new Set<string>();
  const taken = new Set<string>();
  const entries: FileEntry[] = [];
  // The preview's findings see the attachments about to be written as there.
  const opts: IndexOptions = { ...input.indexOptions, fileExists: (p) => taken.has(p) || input.indexOptions.fileExists(p) };
  for (const m of input.messages) {
    const reject = (reason: string) => plan.rejected.push({ line: m.line, reason: say(lang, MAIL_MSG.message, { n: m.index, reason }) });
    const key = keyOf(m);
    const skip = (note: string) =>
      plan.skipped.push({ line: m.line, key, path: input.state.records.get(key)?.path ?? '', findings: [], updates: [], conflicts: [], note });
    if (seen.has(key)) {
      skip(say(lang, MAIL_MSG.again));
      continue;
    }
    seen.add(key);
    if (input.state.records.has(key)) {
      skip(say(lang, MAIL_MSG.before));
      continue;
    }
    const names: string[] = [];
    let bad: string | undefined;
    m.attachments.forEach((a, i) => {
      const name = a.filename === undefined ? `attachment-${i + 1}` : safeAttachmentName(a.filename);
      if (name === undefined) bad ??= say(lang, MAIL_MSG.badName, { name: JSON.stringify(a.filename) });
      else if (names.includes(name)) bad ??= say(lang, MAIL_MSG.twoNamed, { name: JSON.stringify(name) });
      else names.push(name);
    });
    if (bad) {
      reject(bad);
      continue;
    }
    const values = valuesOf(m, input);
    values.set('id', makeId(CATEGORY, values));
    const id = values.get('id') as string;
    if (names.length)
      values.set(
        'attachments',
        names.map((n) => `${id}/${n}`),
      );
    const { path, missing } = fillPattern(input.pattern, values);
    if (missing.length) {
      reject(say(lang, MAIL_MSG.pattern, { fields: missing.map((f) => `{${f}}`).join(', ') }));
      continue;
    }
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
    const files = [path, ...names.map((n) => `${dir}${id}/${n}`)];
    const problem = files
      .map((f) => {
        if (taken.has(f)) return say(lang, MAIL_MSG.taken, { path: f });
        if (f !== path && isRecordPath(f)) return say(lang, MAIL_MSG.attachmentIsRecord, { path: f });
        return refusedPath(lang, f, resolveInside(root, f));
      })
      .find(Boolean);
    if (problem || !isRecordPath(path)) {
      reject(problem ?? say(lang, MAIL_MSG.notRecord, { path }));
      continue;
    }
    for (const f of files) taken.add(f);
    let body = recordText(schema, CATEGORY, values, recordKind(path) ?? 'markdown');
    if (recordKind(path) !== 'yaml' && m.text.trim()) body += `\n${m.text.replace(/\r\n?/g, '\n').trimEnd()}\n`;
    const bytes = Buffer.from(body, 'utf8');
    plan.changes.push({ path, before: null, after: bytes });
    m.attachments.forEach((a, i) => plan.changes.push({ path: files[i + 1], before: null, after: a.content }));
    entries.push(indexBytes(path, bytes, { mtimeMs: -1, size: bytes.length }, opts));
    plan.created.push({ line: m.line, key, path, findings: [], updates: [], conflicts: [] });
    plan.state.records.set(key, { path, fields: new Map([...values].map(([f, v]) => [f, valueHash(v)!])) });
    for (const text of [m.subject, m.text])
      for (const hit of findPersonalInfo(text))
        plan.personal.push({ line: m.line, field: text === m.subject ? 'title' : 'body', kind: hit.kind, masked: maskValue(hit.kind, hit.value) });
  }
  findingsBeside(index, entries, plan.created);
  return plan;
}
