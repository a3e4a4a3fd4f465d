/**
 * Mail as one communication record per thread (the mapping's `per: thread`): dated by its first message (and
 * its last, where the schema has a field for it), with every participant, the subject without Re:/回复:, a
 * section per message in the body in date order, and every message's attachments beside it. The import's state
 * keeps which messages each thread's record holds: a mailbox imported again with a new reply in a thread adds
 * that message to the thread's record — its section appended, its attachments added — and updates the fields the
 * import wrote that nobody changed since; a field edited by hand is a conflict, reported and left.
 */
import { resolveInside } from '../io/paths';
import { say } from '../text/bilingual';
import { recordKind, type FileEntry, type RecordEntry } from '../model/records';
import { tryReadFileInside } from '../io/safe-fs';
import { findPersonalInfo, maskValue } from '../values/pii';
import { createMatcher } from '../index/matcher';
import { indexBytes, type IndexOptions } from '../index/index-file';
import { safeAttachmentName, type MailMessage } from './mail';
import { CATEGORY, chinaTime, keyOf, MAIL_MSG, person, refusedPath, type MailImportInput } from './mail-plan';
import { updateThreadRecord } from './mail-thread-edit';
import { threadMessages, threadSubject, type MailThread } from './mail-threads';
import { currentValue, findingsBeside, idMaker, type ImportPlan, type PlannedRow } from './plan';
import { fillPattern, recordText, type ImportValue } from './record-text';
import { hashOf, valueHash } from './state';

const dated = (m: MailMessage) => (m.date && !Number.isNaN(m.date.getTime()) ? m.date : undefined);
const same = (a: ImportValue | undefined, b: ImportValue | undefined) => JSON.stringify(a) === JSON.stringify(b);
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A message's text without the quoted earlier messages, on one line. */
function gist(m: MailMessage): string {
  const own = m.text
    .split(/\r?\n/)
    .filter((l) => !l.trimStart().startsWith('>'))
    .join(' ');
  return own.replace(/\s+/g, ' ').trim();
}

/** The body's section of one message: when, from whom, what it says. */
function section(m: MailMessage): string {
  const d = dated(m);
  const when = d ? chinaTime(d).datetime.replace('T', ' ').replace('+08:00', '') : '(no date)';
  // Names where the message gives them: the addresses are in participants, and plain in the body they would be findings.
  const from = m.from.map((a) => a.name || a.address).join(', ') || '(no sender)';
  const text = cut(gist(m), 600);
  return `## ${when} ${from}`.replace(/[\r\n]+/g, ' ') + `\n\n${text || '(no text)'}\n`;
}

/** The thread's fields (not its id or attachments), as they are with all of `messages`. */
function threadValues(messages: readonly MailMessage[], input: MailImportInput): Map<string, ImportValue> {
  const has = (f: string) => input.schema.fields.has(f);
  const v = new Map<string, ImportValue>();
  const first = messages[0];
  v.set('category', CATEGORY);
  const customer = input.customer ?? first.from[0]?.name ?? first.from[0]?.address;
  if (customer) v.set('customer', customer);
  v.set('title', threadSubject(first.subject) || '(no subject)');
  const days = messages.map(dated).filter((d): d is Date => d !== undefined);
  if (days.length) {
    const t = chinaTime(days[0]);
    v.set('date', t.date);
    if (has('occurred_at')) v.set('occurred_at', t.datetime);
    const end = ['last_date', 'end_date'].find(has);
    if (end) v.set(end, chinaTime(days[days.length - 1]).date);
  }
  if (has('channel')) v.set('channel', 'email');
  const people = [
    ...new Set(
      messages
        .flatMap((m) => [...m.from, ...m.to, ...m.cc])
        .map(person)
        .filter(Boolean),
    ),
  ];
  if (has('participants') && people.length) v.set('participants', people);
  if (has('summary')) {
    const span = days.length ? `${chinaTime(days[0]).date}–${chinaTime(days[days.length - 1]).date}` : '';
    const head = messages.length === 1 ? '' : `${messages.length} messages${span ? ` ${span}` : ''}: `;
    const text = gist(first);
    if (head || text) v.set('summary', cut(head + text, 200));
  }
  for (const [f, d] of input.defaults) if (!v.has(f)) v.set(f, d);
  return v;
}

export function planMailThreads(input: MailImportInput): ImportPlan {
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
  const records = new Map<string, RecordEntry>();
  for (const r of index.records()) if (!records.has(r.file)) records.set(r.file, r);
  const taken = new Set<string>();
  const entries: FileEntry[] = [];
  const opts: IndexOptions = { ...input.indexOptions, fileExists: (p) => taken.has(p) || input.indexOptions.fileExists(p) };

  const plannedThread = (thread: MailThread) => {
    const seen = new Set<string>();
    const messages = thread.messages.filter((m) => !seen.has(keyOf(m)) && seen.add(keyOf(m)));
    const line = messages[0].line;
    const reject = (reason: string) => plan.rejected.push({ line, reason: say(lang, MAIL_MSG.thread, { n: messages[0].index, reason }) });
    const known = [...input.state.records].filter(([k, r]) => thread.ids.has(k) || r.messages?.some((id) => seen.has(id) || thread.ids.has(id)));
    if (known.length > 1) return reject(say(lang, MAIL_MSG.manyRecords, { count: known.length, files: known.map(([, r]) => r.path).join(', ') }));
    const key = known[0]?.[0] ?? keyOf(messages[0]);
    const prior = known[0]?.[1];
    const fresh = messages.filter((m) => !prior?.messages?.includes(keyOf(m)));
    const skip = (note?: string) =>
      plan.skipped.push({ line, key, path: prior?.path ?? '', findings: [], updates: [], conflicts: [], ...(note ? { note } : {}) });
    const record = prior && records.get(prior.path);
    if (prior && !record) return skip(say(lang, MAIL_MSG.gone));
    if (!fresh.length) return skip();
    // Attachment names: plain file names, one per name in the thread (a second `报价.pdf` gets its message's number).
    const names: { m: MailMessage; content: Uint8Array; name: string }[] = [];
    const used = new Set(record ? [currentValue(record, 'attachments') ?? []].flat().map((a) => a.split('/').pop()!) : []);
    for (const m of fresh)
      for (const [i, a] of m.attachments.entries()) {
        const name = a.filename === undefined ? `attachment-${m.index}-${i + 1}` : safeAttachmentName(a.filename);
        if (name === undefined) return reject(say(lang, MAIL_MSG.badNameThread, { name: JSON.stringify(a.filename) }));
        const unique = used.has(name) ? `${m.index}-${name}` : name;
        if (used.has(unique)) return reject(say(lang, MAIL_MSG.twoNamed, { name: JSON.stringify(name) }));
        used.add(unique);
        names.push({ m, content: a.content, name: unique });
      }
    const values = threadValues(messages, input);
    const id = record ? String(currentValue(record, 'id') ?? '') : makeId(CATEGORY, values);
    if (!id) return reject(say(lang, MAIL_MSG.noId, { path: prior.path }));
    values.set('id', id);
    const path = record ? record.file : fillPattern(input.pattern, values).path;
    const missing = record ? [] : fillPattern(input.pattern, values).missing;
    if (missing.length) return reject(say(lang, MAIL_MSG.patternThread, { fields: missing.map((f) => `{${f}}`).join(', ') }));
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
    const attached = names.map((n) => `${id}/${n.name}`);
    const files = names.map((n) => `${dir}${id}/${n.name}`);
    const problem = [...(record ? [] : [path]), ...files]
      .map((f) => {
        if (taken.has(f)) return say(lang, MAIL_MSG.takenThread, { path: f });
        if (f !== path && isRecordPath(f)) return say(lang, MAIL_MSG.attachmentIsRecordThread, { path: f });
        return refusedPath(lang, f, resolveInside(root, f));
      })
      .find(Boolean);
    if (problem || !isRecordPath(path)) return reject(problem ?? say(lang, MAIL_MSG.notRecord, { path }));
    const row: PlannedRow = { line, key, path, findings: [], updates: [], conflicts: [] };
    let bytes: Buffer;
    const kept = new Map<string, string>(prior?.fields ?? []);
    if (record) {
      const set = new Map<string, ImportValue>();
      for (const [f, v] of values) {
        if (f === 'id') continue;
        const cur = currentValue(record, f);
        const was = prior.fields.get(f);
        if (same(cur, v)) kept.set(f, valueHash(v)!);
        else if ((was !== undefined && hashOf(was, cur)) || (cur === undefined && was === undefined)) {
          row.updates.push({ field: f, from: cur, to: v });
          set.set(f, v);
          kept.set(f, valueHash(v)!);
        } else row.conflicts.push({ field: f, current: cur, importedBefore: was !== undefined, incoming: v });
      }
      const before = tryReadFileInside(root, path);
      if (!before) return reject(say(lang, MAIL_MSG.unreadable, { path }));
      const text = before.toString('utf8');
      const edit = updateThreadRecord(path, text, record.index, { attachments: attached, values: set, sections: fresh.map(section).join('\n') }, schema, lang);
      if (!edit.ok) return reject(say(lang, MAIL_MSG.cannotEdit, { path, reason: edit.reason }));
      bytes = Buffer.from(edit.text, 'utf8');
      plan.changes.push({ path, before, after: bytes });
      row.note = fresh.length === 1 ? say(lang, MAIL_MSG.addedOne) : say(lang, MAIL_MSG.added, { count: fresh.length });
      plan.updated.push(row);
      if (row.conflicts.length) plan.conflicts.push(row);
    } else {
      if (attached.length) values.set('attachments', attached);
      let body = recordText(schema, CATEGORY, values, recordKind(path) ?? 'markdown');
      if (recordKind(path) !== 'yaml') body += `\n${messages.map(section).join('\n')}`;
      bytes = Buffer.from(body, 'utf8');
      plan.changes.push({ path, before: null, after: bytes });
      plan.created.push(row);
      for (const [f, v] of values) kept.set(f, valueHash(v)!);
    }
    for (const f of [path, ...files]) taken.add(f);
    names.forEach((n, i) => plan.changes.push({ path: files[i], before: null, after: n.content }));
    entries.push(indexBytes(path, bytes, { mtimeMs: -1, size: bytes.length }, opts));
    plan.state.records.set(key, { path, fields: kept, messages: [...(prior?.messages ?? []), ...fresh.map(keyOf)] });
    for (const m of fresh)
      for (const [field, text] of [
        ['title', m.subject],
        ['body', m.text],
      ])
        for (const hit of findPersonalInfo(text)) plan.personal.push({ line: m.line, field, kind: hit.kind, masked: maskValue(hit.kind, hit.value) });
  };
  for (const t of threadMessages(input.messages)) plannedThread(t);
  findingsBeside(index, entries, [...plan.created, ...plan.updated]);
  return plan;
}
