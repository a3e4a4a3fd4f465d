/**
 * What importing a folder of scans would do, worked out before anything is written: each scan is matched to
 * the one record it belongs to, checked (what its bytes are, its pages), and planned as a copy beside the
 * record plus an item in its `attachments`. A scan matching no record or several, damaged, a link, a
 * duplicate of another scan, or whose copy would land on a different file is reported and left.
 */
import { say } from '../text/bilingual';
import { SCAN_MSG } from './scan-messages';
import { REFUSAL_TEXT, FileRefusal, resolveInside } from '../io/paths';
import { readFileInside } from '../io/safe-fs';
import { field, type RecordEntry } from '../model/records';
import { createMatcher } from '../index/matcher';
export type { PlannedScan, ScanPlan, ScanPlanInput } from './scan-types';
import { safeAttachmentName } from './mail';
import { recordKey } from './scan-mapping';
import { scanKind, scanPages } from './scan-pages';
import { patternMatcher } from './scan-pattern';
import { attachmentFields, attachmentsOf, planRecords, targetFor, type RecordScans } from './scan-records';
import { sha256, type ScanPlan, type ScanPlanInput } from './scan-types';

/** A scan is read whole (hashed, its pages counted, copied): one larger than this is refused, not read. */
export const MAX_SCAN_BYTES = 512 * 2 ** 20;

const names = (rs: readonly RecordEntry[]) =>
  rs
    .map((r) => `${r.file}${r.index ? `#${r.index}` : ''}`)
    .sort()
    .join(', ');

export async function planScans(input: ScanPlanInput): Promise<ScanPlan> {
  const { root, schema, index, listing } = input;
  const lang = input.lang ?? 'en';
  const plan: ScanPlan = {
    attached: [],
    skipped: [],
    conflicts: [],
    rejected: listing.refused.map((r) => ({ scan: r.path, reason: r.reason })),
    notes: [...listing.notes],
    pages: [],
    changes: [],
    state: { scans: new Map(input.state.scans), pages: new Map(input.state.pages) },
  };
  const records = [...index.records()].filter((r) => r.data && (input.category === undefined || field(r, 'category') === input.category));
  const byKey = new Map<string, RecordEntry>([...index.records()].map((r) => [recordKey(r.file, r.index), r]));
  const matcher = input.pattern && patternMatcher(input.pattern, records);
  const keyed = new Map<string, RecordEntry[]>();
  if (input.table) {
    for (const r of records) {
      const v = field(r, input.table.key)?.trim().normalize('NFC');
      if (v) keyed.set(v, [...(keyed.get(v) ?? []), r]);
    }
    for (const r of input.table.rejected) plan.rejected.push({ scan: input.table.path, line: r.line, reason: r.reason });
  }
  const isRecordPath = createMatcher(schema.include, schema.exclude);
  // Which record lists a file already (a scans folder that holds attached scans too): worked out when first needed.
  let owners: Map<string, RecordEntry> | undefined;
  const listedBy = () => {
    if (!owners) {
      owners = new Map();
      const fields = attachmentFields(schema);
      for (const r of index.records()) for (const a of attachmentsOf(r.data, r.file, fields)) owners.set(a.rel, r);
    }
    return owners;
  };
  const bySha = new Map<string, string>();
  const targets = new Map<string, string>();
  const groups = new Map<string, RecordScans>();
  const listed = new Set(listing.files.map((f) => f.name.normalize('NFC')));
  for (const [name, row] of input.table?.rows ?? [])
    if (!listed.has(name)) plan.rejected.push({ scan: input.table!.path, line: row.line, reason: say(lang, SCAN_MSG.notInFolder, { name }) });

  for (const f of listing.files) {
    const reject = (reason: string) => plan.rejected.push({ scan: f.path, reason });
    const base = f.path.slice(f.path.lastIndexOf('/') + 1);
    const kind = scanKind(base);
    if (!kind) {
      if (f.path !== input.table?.path) plan.notes.push({ path: f.path, note: say(lang, SCAN_MSG.notAScan) });
      continue;
    }
    const safe = safeAttachmentName(base);
    if (safe === undefined || safe !== base) {
      reject(say(lang, SCAN_MSG.badName));
      continue;
    }
    // Which record: by the pattern or the table.
    const before = input.state.scans.get(f.path);
    let found: RecordEntry[] = [];
    let unmatched = '';
    if (matcher) {
      const m = matcher.match(base);
      if (m.kind === 'unfit') unmatched = say(lang, SCAN_MSG.unfit, { pattern: input.pattern!.text });
      else if (m.kind === 'none')
        unmatched = say(lang, input.category ? SCAN_MSG.noneByPatternIn : SCAN_MSG.noneByPattern, {
          category: input.category,
          fields: input.pattern!.fields.join(', '),
        });
      else found = m.records;
    } else {
      const row = input.table!.rows.get(f.name.normalize('NFC'));
      if (!row) unmatched = say(lang, SCAN_MSG.notInTable, { path: input.table!.path });
      else {
        found = keyed.get(row.key.normalize('NFC')) ?? [];
        if (!found.length)
          unmatched = say(lang, input.category ? SCAN_MSG.noneByKeyIn : SCAN_MSG.noneByKey, {
            category: input.category,
            key: input.table!.key,
            value: row.key,
          });
      }
    }
    if (!found.length) {
      const owner = listedBy().get(f.path);
      if (before && !byKey.has(recordKey(before.record, before.index))) {
        plan.skipped.push({ scan: f.path, record: before.record, note: say(lang, SCAN_MSG.goneRecord) });
      } else if (owner) plan.skipped.push({ scan: f.path, record: owner.file, note: say(lang, SCAN_MSG.listedAlready) });
      else reject(say(lang, SCAN_MSG.noMatch, { why: unmatched }));
      continue;
    }
    if (found.length > 1) {
      reject(say(lang, SCAN_MSG.many, { count: found.length, files: names(found) }));
      continue;
    }
    const r = found[0];
    const at = resolveInside(root, f.path);
    if (at.ok && at.value.stat && at.value.stat.size > MAX_SCAN_BYTES) {
      reject(say(lang, SCAN_MSG.tooBig, { size: Math.round(at.value.stat.size / 2 ** 20), max: MAX_SCAN_BYTES / 2 ** 20 }));
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = readFileInside(root, f.path);
    } catch (err) {
      reject(
        err instanceof FileRefusal
          ? REFUSAL_TEXT[err.reason][lang]
          : say(lang, SCAN_MSG.unreadable, { why: (err as NodeJS.ErrnoException).code ?? String(err) }),
      );
      continue;
    }
    const sha = sha256(bytes);
    const twin = bySha.get(sha);
    if (twin) {
      reject(say(lang, SCAN_MSG.duplicate, { twin }));
      continue;
    }
    bySha.set(sha, f.path);
    const pages = await scanPages(kind, bytes, input.readPdf, lang);
    if (!pages.ok) {
      reject(say(lang, SCAN_MSG.notAttached, { reason: pages.reason }));
      continue;
    }
    if (pages.note) plan.notes.push({ path: f.path, note: pages.note });
    const t = targetFor(schema, r, f.path, base, lang);
    if (!t.ok) {
      reject(t.reason);
      continue;
    }
    const { file, value } = t;
    const where = resolveInside(root, file);
    if (!where.ok) {
      reject(say(lang, SCAN_MSG.refused, { path: file, why: REFUSAL_TEXT[where.problem][lang] }));
      continue;
    }
    if (file !== f.path && isRecordPath(file)) {
      reject(say(lang, SCAN_MSG.targetIsRecord, { path: file }));
      continue;
    }
    const other = targets.get(file);
    if (other) {
      reject(say(lang, SCAN_MSG.sameTarget, { path: file, other }));
      continue;
    }
    targets.set(file, f.path);
    let copy = file !== f.path;
    if (copy && where.value.stat) {
      let there: Buffer | undefined;
      try {
        there = readFileInside(root, file);
      } catch {
        there = undefined;
      }
      if (!there || sha256(there) !== sha) {
        const changed = before?.file === file && there && sha256(there) === before.sha256;
        plan.conflicts.push({
          scan: f.path,
          record: r.file,
          reason: changed ? say(lang, SCAN_MSG.scanChanged, { path: file }) : say(lang, SCAN_MSG.otherContent, { path: file }),
        });
        continue;
      }
      copy = false;
    }
    const rk = recordKey(r.file, r.index);
    let g = groups.get(rk);
    if (!g) groups.set(rk, (g = { record: r, scans: [] }));
    // Only a copy keeps its bytes (the write needs them); a scan already in place lets them go.
    g.scans.push({ scan: f.path, record: r.file, index: r.index, file, value, copy, sha256: sha, pages: pages.pages, bytes: copy ? bytes : undefined });
  }
  await planRecords(input, plan, groups);
  return plan;
}
