/**
 * Where a record's scans go and what its file becomes. A scan already in the record's folder (or below it)
 * stays where it is and is only listed; any other is copied into the folder the record's attachments already
 * use, else into a folder named after the record's id beside it (as mail attachments are). The record's
 * `pages` is the pages of all its attachments, the filing stamp's 页数: set when the record has none, or
 * when this import set it before and the scans changed; a value written by hand that disagrees is a
 * conflict, reported and left. Pages that cannot all be counted leave `pages` as it is, with a note.
 */
import type { Lang } from '../model/lang';
import { say } from '../text/bilingual';
import { SCAN_MSG } from './scan-messages';
import * as path from 'path';
import { pathSyntaxProblem } from '../io/paths';
import { readFileWithStat, tryReadFileInside } from '../io/safe-fs';
import { decodeRecordBytes } from '../parse/decode';
import { field, ownValue, scalarText, type RecordEntry } from '../model/records';
import type { Schema } from '../model/schema';
import { safeAttachmentName } from './mail';
import { recordKey } from './scan-mapping';
import { scanKind, scanPages } from './scan-pages';
import { attachToRecord } from './scan-edit';
import { sha256, type PlannedScan, type ScanPlan, type ScanPlanInput } from './scan-types';

export interface RecordScans {
  record: RecordEntry;
  /** `bytes`: a copy's content, to write. */
  scans: (PlannedScan & { bytes: Buffer | undefined })[];
}

/** Fields of type path or list of paths: where attachments are named (as disposal and missing-attachment read them). */
export function attachmentFields(schema: Schema): string[] {
  return [...schema.fields.values()].filter((f) => f.type === 'path' || (f.type === 'list' && f.items === 'path')).map((f) => f.name);
}

/**
 * The attachments a record names, resolved as disposal/attachments.ts resolves them (relative to the record's
 * folder, a leading "/" from the workspace folder; URLs and paths that climb out left out).
 */
export function attachmentsOf(data: RecordEntry['data'], file: string, fields: readonly string[]): { value: string; rel: string }[] {
  const out: { value: string; rel: string }[] = [];
  const dir = path.posix.dirname(file);
  for (const f of fields) {
    const v = ownValue(data, f);
    for (const item of Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]) {
      if (typeof item !== 'string' || !item.trim() || /^[a-z][a-z0-9+.-]*:/i.test(item.trim())) continue;
      const t = item.trim();
      const rel = t.startsWith('/') ? t.slice(1) : dir === '.' ? t : `${dir}/${t}`;
      if (!pathSyntaxProblem(rel)) out.push({ value: item, rel });
    }
  }
  return out;
}

const dirOf = (p: string) => {
  const d = path.posix.dirname(p);
  return d === '.' ? '' : d;
};
const under = (dir: string, p: string) => dir === '' || p.startsWith(`${dir}/`);
const fromDir = (dir: string, p: string) => (dir ? p.slice(dir.length + 1) : p);

export function targetFor(
  schema: Schema,
  r: RecordEntry,
  scan: string,
  base: string,
  lang: Lang = 'en',
): { ok: true; file: string; value: string } | { ok: false; reason: string } {
  const dir = dirOf(r.file);
  if (under(dir, scan)) return { ok: true, file: scan, value: fromDir(dir, scan) };
  const used = new Set(
    attachmentsOf(r.data, r.file, attachmentFields(schema))
      .filter((a) => under(dir, a.rel))
      .map((a) => dirOf(a.rel)),
  );
  let folder: string;
  if (used.size === 1 && [...used][0] !== dir) folder = [...used][0];
  else {
    const stem = r.file.slice(r.file.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
    const name = safeAttachmentName(field(r, 'id')) ?? safeAttachmentName(r.index ? `${stem}-${r.index + 1}` : stem);
    if (!name) return { ok: false, reason: say(lang, SCAN_MSG.noFolderName, { path: r.file }) };
    folder = dir ? `${dir}/${name}` : name;
  }
  const file = `${folder}/${base}`;
  return { ok: true, file, value: fromDir(dir, file) };
}

/** The pages of one attached file, or why they are not known. */
async function pagesOf(input: ScanPlanInput, rel: string, lang: Lang): Promise<number | string> {
  const kind = scanKind(rel);
  if (!kind) return say(lang, SCAN_MSG.notPdfOrImage, { path: rel });
  const bytes = tryReadFileInside(input.root, rel);
  if (!bytes) return say(lang, SCAN_MSG.cannotRead, { path: rel });
  const p = await scanPages(kind, bytes, input.readPdf, lang);
  return p.ok && p.pages !== undefined
    ? p.pages
    : say(lang, SCAN_MSG.pagesOf, { path: rel, why: p.ok ? (p.note ?? say(lang, SCAN_MSG.pagesUnknown)) : p.reason });
}

export async function planRecords(input: ScanPlanInput, plan: ScanPlan, groups: ReadonlyMap<string, RecordScans>): Promise<void> {
  const { root, schema } = input;
  const lang = input.lang ?? 'en';
  const fields = attachmentFields(schema);
  // Per file: the edits of each of its records, made one after the other on the file's text.
  const byFile = new Map<string, { g: RecordScans; fresh: RecordScans['scans']; items: string[]; pages: number | undefined }[]>();
  for (const [key, g] of groups) {
    const r = g.record;
    const existing = attachmentsOf(r.data, r.file, fields);
    const listed = new Set(existing.map((a) => a.rel));
    const shas = new Map<string, string>();
    const shaOf = (rel: string) => {
      if (!shas.has(rel)) {
        const b = tryReadFileInside(root, rel);
        shas.set(rel, b ? sha256(b) : '');
      }
      return shas.get(rel)!;
    };
    const fresh: RecordScans['scans'] = [];
    for (const s of g.scans) {
      const remember = () => plan.state.scans.set(s.scan, { record: r.file, index: r.index, file: s.file, sha256: s.sha256, pages: s.pages });
      const same = existing.find((a) => a.rel !== s.file && shaOf(a.rel) === s.sha256);
      if (listed.has(s.file) && !s.copy) {
        plan.skipped.push({ scan: s.scan, record: r.file, note: say(lang, SCAN_MSG.attachedBefore) });
        remember();
      } else if (same) plan.skipped.push({ scan: s.scan, record: r.file, note: say(lang, SCAN_MSG.sameScan, { value: same.value }) });
      else fresh.push(s);
    }
    // The pages of everything the record will list.
    const counted = new Map<string, number | string>(
      g.scans.map((s) => [s.file, s.pages ?? say(lang, SCAN_MSG.pagesOf, { path: s.scan, why: say(lang, SCAN_MSG.pagesUnknown) })]),
    );
    let total = 0;
    let unknown: string | undefined;
    for (const rel of new Set([...listed, ...fresh.map((s) => s.file)])) {
      const n = counted.get(rel) ?? (await pagesOf(input, rel, lang));
      if (typeof n === 'number') total += n;
      else unknown ??= n;
    }
    const cur = ownValue(r.data, 'pages');
    const now = cur === undefined || cur === null ? '' : scalarText(cur);
    let pages: number | undefined;
    if (unknown) {
      if (fresh.length) plan.notes.push({ path: r.file, note: say(lang, SCAN_MSG.pagesLeft, { now: now || say(lang, SCAN_MSG.none), why: unknown }) });
    } else if (now !== String(total)) {
      if (now === '' || String(plan.state.pages.get(key)) === now) pages = total;
      else plan.conflicts.push({ record: r.file, reason: say(lang, SCAN_MSG.pagesConflict, { now, total }) });
    }
    if (!fresh.length && pages === undefined) continue;
    // A scan listed already whose file is missing is copied, not listed twice.
    const items = fresh.filter((s) => !listed.has(s.file)).map((s) => s.value);
    byFile.set(r.file, [...(byFile.get(r.file) ?? []), { g, fresh, items, pages }]);
  }

  for (const [file, list] of byFile) {
    const refuseAll = (reason: string) => {
      for (const { fresh } of list)
        for (const s of fresh) plan.rejected.push({ scan: s.scan, reason: say(lang, SCAN_MSG.recordRefused, { path: file, reason }) });
    };
    let read;
    try {
      read = readFileWithStat(root, file);
    } catch (err) {
      refuseAll(say(lang, SCAN_MSG.unreadable, { why: err instanceof Error ? err.message : String(err) }));
      continue;
    }
    const entry = input.index.get(file);
    if (!entry || entry.size !== read.bytes.length || entry.mtimeMs !== read.stat.mtimeMs) {
      refuseAll(say(lang, SCAN_MSG.changedSinceRead));
      continue;
    }
    const decoded = decodeRecordBytes(read.bytes);
    if (!decoded.ok) {
      refuseAll(decoded.problem.message);
      continue;
    }
    let text = decoded.text;
    const done: typeof list = [];
    for (const item of list) {
      const { g, fresh, items, pages } = item;
      const edit = attachToRecord(file, text, g.record.index, items, pages, schema, lang);
      if (!edit.ok) {
        for (const s of fresh) plan.rejected.push({ scan: s.scan, reason: say(lang, SCAN_MSG.cannotEdit, { path: file, reason: edit.reason }) });
        continue;
      }
      text = edit.text;
      done.push(item);
    }
    if (!done.length) continue;
    if (text !== decoded.text) plan.changes.push({ path: file, before: read.bytes, after: Buffer.from((decoded.bom ? '\uFEFF' : '') + text, 'utf8') });
    for (const { g, fresh, pages } of done) {
      const key = recordKey(g.record.file, g.record.index);
      if (pages !== undefined) {
        const from = ownValue(g.record.data, 'pages');
        plan.pages.push({ record: file, index: g.record.index, from: from === undefined || from === null ? undefined : scalarText(from), to: pages });
        plan.state.pages.set(key, pages);
      }
      for (const s of fresh) {
        const { bytes, ...planned } = s;
        if (s.copy && bytes) plan.changes.push({ path: s.file, before: null, after: bytes });
        plan.attached.push(planned);
        plan.state.scans.set(s.scan, { record: file, index: g.record.index, file: s.file, sha256: s.sha256, pages: s.pages });
      }
    }
  }
}
