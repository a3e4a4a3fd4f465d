/**
 * What the import view shows, as plain data for its script: the mapping being edited, the sample values,
 * and the plan — rows created, updated, skipped, in conflict, rejected, with the findings `check` will give
 * them and the personal numbers found in plain text. The script writes every value as text (never as HTML).
 */
import * as vscode from 'vscode';
import type { ImportMapping } from '../../../core/import/mapping';
import type { FieldConflict, PlannedRow } from '../../../core/import/plan';
import type { ImportValue } from '../../../core/import/record-text';
import type { ImportSession } from '../../../core/import/session';
import { columnSamples } from '../../../core/import/samples';
import { REFUSAL_TEXT } from '../../../core/io/paths';
import type { Schema } from '../../../core/model/schema';
import type { Lang } from '../../../core/model/lang';
import { plural } from '../../plural';

/** Rows of each list shown; the counts say how many there are in all. */
export const SHOWN = 50;

export interface RowView {
  line: number;
  key: string;
  path: string;
  findings: { severity: string; code: string; message: string }[];
  updates: string[];
}

export interface ImportModel {
  file: string;
  shape: string;
  mappingPath: string;
  mappingFrom: string;
  error?: string;
  busy: boolean;
  done?: string;
  isMail: boolean;
  category: string;
  categoryFromColumn: boolean;
  categories: { value: string; label: string }[];
  key: string;
  keys: string[];
  pattern: string;
  fields: { value: string; label: string }[];
  columns: { header: string; field: string; samples: string[] }[];
  defaults: { field: string; value: string }[];
  counts: { created: number; updated: number; skipped: number; conflicts: number; rejected: number };
  summary: string;
  created: RowView[];
  updated: RowView[];
  conflicts: { line: number; path: string; text: string }[];
  skipped: { line: number; path: string; text: string }[];
  rejected: { line: number; reason: string; taken: boolean }[];
  personal: { line: number; field: string; kind: string; masked: string }[];
  notes: { line: number; message: string }[];
  /** Files the import writes: records, the mapping, the state. */
  writes: number;
}

const show = (v: ImportValue | undefined) => (v === undefined ? vscode.l10n.t('(none)') : Array.isArray(v) ? `[${v.join(', ')}]` : v);

function conflictText(c: FieldConflict): string {
  const was = c.importedBefore ? vscode.l10n.t('edited by hand since the last import') : vscode.l10n.t('not written by an earlier run of this import');
  return vscode.l10n.t('{0}: now {1} ({2}), the file says {3}; left as it is', c.field, show(c.current), was, show(c.incoming));
}

function rowView(r: PlannedRow): RowView {
  return {
    line: r.line,
    key: r.key,
    path: r.path,
    findings: r.findings.map((f) => ({ severity: f.severity, code: f.code, message: f.message })),
    updates: r.updates.map((u) => `${u.field}: ${show(u.from)} → ${show(u.to)}`),
  };
}

/** The counts in one sentence, as the notification after the import says them too. */
export function summaryOf(c: ImportModel['counts']): string {
  return vscode.l10n.t(
    '{0} to create, {1} to update, {2} unchanged, {3} with conflicts, {4} rejected',
    c.created,
    c.updated,
    c.skipped,
    c.conflicts,
    c.rejected,
  );
}

export interface ModelInput {
  file: string;
  schema: Schema;
  lang: Lang;
  isMail: boolean;
  /** The mapping as edited (the session's when it planned). */
  mapping: ImportMapping;
  mappingFrom: 'saved' | 'guessed' | 'edited';
  mappingPath: string;
  session?: ImportSession;
  error?: string;
  busy: boolean;
  /** Headers and samples of the table read (kept when a plan fails). */
  headers: string[];
  samples: string[][];
}

export function importModel(i: ModelInput): ImportModel {
  const label = (b: { zh: string; en: string }) => (i.lang === 'zh' ? b.zh : b.en);
  const s = i.session;
  const plan = s?.plan;
  const counts = {
    created: plan?.created.length ?? 0,
    updated: plan?.updated.length ?? 0,
    skipped: plan?.skipped.length ?? 0,
    conflicts: plan?.conflicts.length ?? 0,
    rejected: plan?.rejected.length ?? 0,
  };
  const table = s?.table;
  const shape = i.isMail
    ? (table?.encoding ?? '')
    : table
      ? plural(
          table.rows.length,
          vscode.l10n.t('{0}, header on line {1}, {2} row', table.encoding, table.headerLine, table.rows.length),
          vscode.l10n.t('{0}, header on line {1}, {2} rows', table.encoding, table.headerLine, table.rows.length),
        )
      : '';
  const mapped = [...new Set([...i.mapping.columns.values(), ...i.mapping.defaults.keys()].filter((f): f is string => !!f))];
  const from = { saved: vscode.l10n.t('saved'), guessed: vscode.l10n.t('guessed from the headers'), edited: vscode.l10n.t('edited here') }[i.mappingFrom];
  // A path the import would have to write over or through: said as such, never replaced.
  const taken = (reason: string) => (['exists', 'symlink', 'not-a-file'] as const).some((k) => reason.endsWith(REFUSAL_TEXT[k].en));
  return {
    file: i.file,
    shape,
    mappingPath: i.mappingPath,
    mappingFrom: from,
    error: i.error,
    busy: i.busy,
    isMail: i.isMail,
    category: i.mapping.category ?? '',
    categoryFromColumn: [...i.mapping.columns.values()].includes('category'),
    categories: [...i.schema.categories.values()].map((c) => ({ value: c.key, label: `${label(c.label)} (${c.key})` })),
    key: i.mapping.key,
    keys: mapped.includes(i.mapping.key) ? mapped : [i.mapping.key, ...mapped],
    pattern: i.mapping.pattern,
    fields: [...i.schema.fields.values()].map((f) => ({ value: f.name, label: `${label(f.label)} (${f.name})` })),
    columns: i.headers.map((h, n) => ({ header: h, field: i.mapping.columns.get(h) ?? '', samples: i.samples[n] ?? [] })),
    defaults: [...i.mapping.defaults].map(([field, value]) => ({ field, value })),
    counts,
    summary: summaryOf(counts),
    created: (plan?.created ?? []).slice(0, SHOWN).map(rowView),
    updated: (plan?.updated ?? []).slice(0, SHOWN).map(rowView),
    conflicts: (plan?.conflicts ?? []).slice(0, SHOWN).flatMap((r) => r.conflicts.map((c) => ({ line: r.line, path: r.path, text: conflictText(c) }))),
    skipped: (plan?.skipped ?? [])
      .filter((r) => r.note)
      .slice(0, SHOWN)
      .map((r) => ({ line: r.line, path: r.path, text: `${r.key}: ${r.note ?? ''}` })),
    rejected: (plan?.rejected ?? []).slice(0, SHOWN).map((r) => ({ line: r.line, reason: r.reason, taken: taken(r.reason) })),
    personal: (plan?.personal ?? []).slice(0, SHOWN),
    notes: table?.notes ?? [],
    writes: s?.changes.length ?? 0,
  };
}

export { columnSamples };
