/**
 * The review summary as Markdown for a pull-request comment. Everything taken from the records is masked
 * (a PR comment must not leak an ID or card number) and escaped (a value must not break the table or
 * inject markup).
 */
import type { Lang } from '../model/lang';
import { loadSchema } from '../schema/load';
import type { Schema } from '../model/schema';
import { escapeMarkdown } from '../text/escape';
import { findPersonalInfo, maskValue } from '../values/pii';
import type { RecordChange } from './changes';
import { formatValue } from './field-diff';
import type { DiffSummary, FindingChange } from './types';

const MAX_CELL = 200;
// Digit runs the checksum-based scan lets through (a mistyped ID number is still someone's ID number).
const LONG_DIGITS = /(?<![0-9A-Za-z])\d{15,19}[Xx]?(?![0-9A-Za-z])/g;
const GROUPED_CARD = /(?<![0-9A-Za-z])\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?(?![0-9A-Za-z])/g;

/** Personal numbers in free text, masked: confirmed ones by kind, other ID- or card-shaped digit runs too. */
export function maskText(text: string): string {
  let out = text;
  for (const h of findPersonalInfo(text).sort((a, b) => b.start - a.start)) out = out.slice(0, h.start) + maskValue(h.kind, h.value) + out.slice(h.end);
  return out
    .replace(LONG_DIGITS, (m) => (m.length === 15 || m.length === 18 || /x$/i.test(m) ? maskValue('id-number', m) : maskValue('bank-card', m)))
    .replace(GROUPED_CARD, (m) => maskValue('bank-card', m));
}

/** A field's value for the table: masked by the field's type as well as by what it looks like. */
function maskField(schema: Schema, field: string, value: unknown): string {
  const text = value === undefined ? '—' : formatValue(value);
  const type = schema.fields.get(field)?.type;
  if (type === 'id-number' && typeof value !== 'object' && !text.includes('*') && /\d{6}/.test(text)) return maskValue('id-number', text.trim());
  if (type === 'phone') return maskText(text).replace(/\d{7,}/g, (m) => maskValue('mobile', m));
  return maskText(text);
}

function cell(text: string): string {
  const short = text.length > MAX_CELL ? text.slice(0, MAX_CELL - 1) + '…' : text;
  return escapeMarkdown(short);
}

/** A code span that survives backticks and table pipes in its content. */
function code(text: string): string {
  const t = maskText(text)
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ');
  return t.includes('`') ? `\`\` ${t} \`\`` : `\`${t}\``;
}

const T = {
  en: {
    title: (n: number, i: number, f: number) =>
      `## Record changes: ${n} ${n === 1 ? 'record' : 'records'}, ${i} ${i === 1 ? 'finding' : 'findings'} introduced, ${f} fixed`,
    field: 'Field',
    before: 'Before',
    after: 'After',
    body: '_Body text changed._',
    none: 'None.',
    noRecords: 'No record changed.',
    introduced: 'Findings introduced',
    fixed: 'Findings fixed',
    noCategory: 'No category',
    document: 'document',
    from: 'renamed from',
    worktree: 'working tree',
    worktreeNote: '_Findings are compared between commits only: commit the changes to see them._',
    status: { added: 'added', deleted: 'deleted', modified: 'modified', renamed: 'renamed' },
  },
  zh: {
    title: (n: number, i: number, f: number) => `## 档案变更 / Record changes：${n} 条记录 / records，新增问题 / introduced ${i}，已修复 / fixed ${f}`,
    field: '字段 / Field',
    before: '修改前 / Before',
    after: '修改后 / After',
    body: '_正文已修改 / Body text changed._',
    none: '无 / None.',
    noRecords: '没有记录变更 / No record changed.',
    introduced: '新增问题 / Findings introduced',
    fixed: '已修复问题 / Findings fixed',
    noCategory: '未分类 / No category',
    document: '文档 / document',
    from: '原路径 / renamed from',
    worktree: '工作区 / working tree',
    worktreeNote: '_问题对比仅在提交之间进行，请提交后再查看 / Findings are compared between commits only: commit the changes to see them._',
    status: { added: '新增 / added', deleted: '删除 / deleted', modified: '修改 / modified', renamed: '重命名 / renamed' },
  },
};

/**
 * Markdown fit for a pull-request comment: a heading with counts; per record (grouped by category, with the
 * schema's labels) a table `field | before | after`; then the findings introduced and fixed.
 */
export function summaryMarkdown(summary: DiffSummary, schemaText: string | undefined, lang: Lang): string {
  const t = T[lang];
  const { schema } = loadSchema(schemaText);
  const out: string[] = [t.title(summary.records.length, summary.introduced.length, summary.fixed.length), ''];
  out.push(`${code(summary.base)} → ${summary.worktree ? t.worktree : code(summary.head)}`, '');
  if (summary.records.length === 0) out.push(t.noRecords, '');
  const perPath = new Map<string, number>();
  for (const r of summary.records) perPath.set(r.path, (perPath.get(r.path) ?? 0) + 1);
  for (const [category, records] of groups(summary.records, schema)) {
    out.push(`### ${categoryTitle(category, schema, lang)}`, '');
    for (const r of records) {
      const doc = r.index > 0 || (perPath.get(r.path) ?? 0) > 1 ? ` (${t.document} ${r.index + 1})` : '';
      const from = r.oldPath !== undefined && r.oldPath !== r.path ? ` (${t.from} ${code(r.oldPath)})` : '';
      const name = [r.id, r.title].filter((s): s is string => s !== undefined && s !== '').map((s) => escapeMarkdown(maskText(s)));
      out.push(`**${code(r.path)}**${doc}${from}${name.length ? ' · ' + name.join(' · ') : ''} — ${t.status[r.status]}`, '');
      if (r.changes.length) {
        out.push(`| ${t.field} | ${t.before} | ${t.after} |`, '| --- | --- | --- |');
        for (const c of r.changes)
          out.push(`| ${fieldName(c.field, schema, lang)} | ${cell(maskField(schema, c.field, c.before))} | ${cell(maskField(schema, c.field, c.after))} |`);
        out.push('');
      }
      if (r.bodyChanged) out.push(t.body, '');
    }
  }
  if (summary.worktree) out.push(t.worktreeNote, '');
  else {
    findingList(out, `${t.introduced} (${summary.introduced.length})`, summary.introduced, t.none);
    findingList(out, `${t.fixed} (${summary.fixed.length})`, summary.fixed, t.none);
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

function findingList(out: string[], title: string, list: readonly FindingChange[], none: string): void {
  out.push(`### ${title}`, '');
  if (list.length === 0) out.push(none);
  for (const f of list) {
    const at = f.line !== undefined ? `${f.path}:${f.line}` : f.path;
    out.push(`- **${escapeMarkdown(f.severity)}** ${code(f.code)} ${code(at)} — ${escapeMarkdown(maskText(f.message))}`);
  }
  out.push('');
}

/** Records by category: the schema's categories in its order, then unknown ones by name, then records without one. */
function groups(records: readonly RecordChange[], schema: Schema): [string | undefined, RecordChange[]][] {
  const by = new Map<string | undefined, RecordChange[]>();
  for (const r of records) {
    const list = by.get(r.category);
    if (list) list.push(r);
    else by.set(r.category, [r]);
  }
  const order = [...schema.categories.keys()];
  const rank = (c: string | undefined) => (c === undefined ? Infinity : order.includes(c) ? order.indexOf(c) : order.length);
  return [...by].sort(([a], [b]) => rank(a) - rank(b) || String(a).localeCompare(String(b)));
}

function categoryTitle(category: string | undefined, schema: Schema, lang: Lang): string {
  if (category === undefined) return T[lang].noCategory;
  const label = schema.categories.get(category)?.label;
  if (!label) return escapeMarkdown(maskText(category));
  return escapeMarkdown(lang === 'zh' && label.zh !== label.en ? `${label.zh} / ${label.en}` : label[lang]);
}

function fieldName(field: string, schema: Schema, lang: Lang): string {
  const label = schema.fields.get(field)?.label[lang];
  return label && label !== field ? `${escapeMarkdown(label)} (${code(field)})` : code(field);
}
