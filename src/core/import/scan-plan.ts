/**
 * What importing a folder of scans would do, worked out before anything is written: each scan is matched to
 * the one record it belongs to, checked (what its bytes are, its pages), and planned as a copy beside the
 * record plus an item in its `attachments`. A scan matching no record or several, damaged, a link, a
 * duplicate of another scan, or whose copy would land on a different file is reported and left.
 */
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
    if (!listed.has(name)) plan.rejected.push({ scan: input.table!.path, line: row.line, reason: `${name}: no such scan in the folder` });

  for (const f of listing.files) {
    const reject = (reason: string) => plan.rejected.push({ scan: f.path, reason });
    const base = f.path.slice(f.path.lastIndexOf('/') + 1);
    const kind = scanKind(base);
    if (!kind) {
      if (f.path !== input.table?.path) plan.notes.push({ path: f.path, note: 'not a PDF, JPEG, PNG or TIFF scan; left' });
      continue;
    }
    const safe = safeAttachmentName(base);
    if (safe === undefined || safe !== base) {
      reject('the name is not one plain file name (control characters, a reserved character, over 120 characters); rename it');
      continue;
    }
    // Which record: by the pattern or the table.
    const before = input.state.scans.get(f.path);
    let found: RecordEntry[] = [];
    let unmatched = '';
    if (matcher) {
      const m = matcher.match(base);
      if (m.kind === 'unfit') unmatched = `the name does not fit ${input.pattern!.text}`;
      else if (m.kind === 'none')
        unmatched = `no record${input.category ? ` of category ${input.category}` : ''} has the ${input.pattern!.fields.join(', ')} the name gives`;
      else found = m.records;
    } else {
      const row = input.table!.rows.get(f.name.normalize('NFC'));
      if (!row) unmatched = `not in the table ${input.table!.path}`;
      else {
        found = keyed.get(row.key.normalize('NFC')) ?? [];
        if (!found.length) unmatched = `no record${input.category ? ` of category ${input.category}` : ''} has ${input.table!.key} ${row.key}`;
      }
    }
    if (!found.length) {
      const owner = listedBy().get(f.path);
      if (before && !byKey.has(recordKey(before.record, before.index))) {
        plan.skipped.push({ scan: f.path, record: before.record, note: 'attached before to a record no longer in the folder; not attached again' });
      } else if (owner) plan.skipped.push({ scan: f.path, record: owner.file, note: 'the record lists it already' });
      else reject(`matches no record: ${unmatched}`);
      continue;
    }
    if (found.length > 1) {
      reject(
        `matches ${found.length} records (${names(found)}); attached to none — make the pattern or the table tell them apart, or give the category (--category)`,
      );
      continue;
    }
    const r = found[0];
    const at = resolveInside(root, f.path);
    if (at.ok && at.value.stat && at.value.stat.size > MAX_SCAN_BYTES) {
      reject(`${Math.round(at.value.stat.size / 2 ** 20)} MB: over the ${MAX_SCAN_BYTES / 2 ** 20} MB a scan may have here; split it`);
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = readFileInside(root, f.path);
    } catch (err) {
      reject(err instanceof FileRefusal ? REFUSAL_TEXT[err.reason].en : `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
      continue;
    }
    const sha = sha256(bytes);
    const twin = bySha.get(sha);
    if (twin) {
      reject(`the same bytes as ${twin}: a duplicate scan; only that one is attached`);
      continue;
    }
    bySha.set(sha, f.path);
    const pages = await scanPages(kind, bytes, input.readPdf);
    if (!pages.ok) {
      reject(`${pages.reason}; not attached`);
      continue;
    }
    if (pages.note) plan.notes.push({ path: f.path, note: pages.note });
    const t = targetFor(schema, r, f.path, base);
    if (!t.ok) {
      reject(t.reason);
      continue;
    }
    const { file, value } = t;
    const where = resolveInside(root, file);
    if (!where.ok) {
      reject(`${file} ${REFUSAL_TEXT[where.problem].en}`);
      continue;
    }
    if (file !== f.path && isRecordPath(file)) {
      reject(`${file} would be taken for a record; rename the scan`);
      continue;
    }
    const other = targets.get(file);
    if (other) {
      reject(`${file} is where ${other} goes too; rename one of them`);
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
          reason: changed
            ? `the scan changed since it was attached as ${file}; the attached copy is left as it is`
            : `${file} exists already with other content; left as it is`,
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
