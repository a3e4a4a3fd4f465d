import * as vscode from 'vscode';
import { langOf, type Lang } from '../../../core/model/lang';
import type { CategoryDef, FieldDef, Schema } from '../../../core/model/schema';
import { retentionOf } from '../../../core/retention/retention';
import type { Services } from '../../services';
import { bilingual, keyOfLine, ownerKey, pick, recordYamlAt } from './context';

/** What a field of the schema means, shown on its key or value in a record's YAML. */
export class FieldHoverProvider implements vscode.HoverProvider {
  constructor(private readonly services: Services) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const lineText = doc.lineAt(pos.line).text;
    if (!lineText.trim()) return undefined;
    const ctx = recordYamlAt(this.services, doc, pos);
    const owner = ctx && ownerKey(doc, ctx, pos.line);
    const def = owner && ctx.schema.fields.get(owner.key);
    if (!ctx || !owner || !def) return undefined;
    const lang = langOf(vscode.env.language);
    const md = fieldMarkdown(def, ctx.schema, lang, ctx.category);
    // On the fields that decide it, the period that governs this record: what its number and labels must carry.
    if (RETENTION_FIELDS.has(def.name)) paragraph(md, governingFacts(ctx.record.data, ctx.schema, lang));
    const key = owner.line === pos.line ? keyOfLine(lineText) : undefined;
    const range = key && pos.character <= key.key.length ? new vscode.Range(pos.line, 0, pos.line, key.key.length) : doc.lineAt(pos.line).range;
    return new vscode.Hover(md, range);
  }
}

/** Everything here comes from the workspace (schema and record), so it is added as text, never as Markdown. */
export function fieldMarkdown(def: FieldDef, schema: Schema, lang: Lang, category: string | undefined): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendMarkdown('**');
  md.appendText(bilingual(def.label, lang));
  md.appendMarkdown('** · ');
  md.appendText(def.name);
  const description = pick(def.description, lang);
  if (description) {
    md.appendMarkdown('\n\n');
    md.appendText(description);
  }
  paragraph(md, fieldFacts(def, schema, lang, category));
  if (def.name === 'category' && category !== undefined) {
    const cat = schema.categories.get(category);
    paragraph(md, cat ? categoryFacts(cat, schema, lang) : [vscode.l10n.t('Unknown category: {0}', category)]);
  }
  return md;
}

function fieldFacts(def: FieldDef, schema: Schema, lang: Lang, category: string | undefined): string[] {
  const out = [vscode.l10n.t('Type: {0}', def.type === 'list' && def.items ? vscode.l10n.t('list of {0}', def.items) : def.type)];
  if (def.values?.length && (def.type === 'enum' || def.type === 'list')) out.push(vscode.l10n.t('Allowed values: {0}', def.values.join(', ')));
  if (def.min !== undefined) out.push(vscode.l10n.t('Minimum: {0}', def.min));
  if (def.max !== undefined) out.push(vscode.l10n.t('Maximum: {0}', def.max));
  const catLabel = (key: string) => {
    const c = schema.categories.get(key);
    return c ? pick(c.label, lang) || key : key;
  };
  if (def.categories) out.push(vscode.l10n.t('Only for: {0}', def.categories.map(catLabel).join(', ')));
  if (schema.required.includes(def.name)) {
    out.push(vscode.l10n.t('Required in every category'));
  } else {
    const requiring = [...schema.categories.values()].filter((c) => c.required.includes(def.name)).map((c) => catLabel(c.key));
    if (requiring.length) out.push(vscode.l10n.t('Required in: {0}', requiring.join(', ')));
  }
  if (category !== undefined && def.categories && !def.categories.includes(category)) {
    out.push(vscode.l10n.t('Not a field of the category {0}.', catLabel(category)));
  }
  return out;
}

export function categoryFacts(cat: CategoryDef, schema: Schema, lang: Lang): string[] {
  const out = [
    vscode.l10n.t('Category {0}: {1}', cat.key, bilingual(cat.label, lang)),
    vscode.l10n.t('Code in archive numbers: {0}', cat.code),
    vscode.l10n.t('Required fields: {0}', [...new Set([...schema.required, ...cat.required])].join(', ')),
  ];
  const r = cat.retention;
  if (r) {
    out.push(vscode.l10n.t('Default retention: {0}', retentionText(r.code)));
    out.push(vscode.l10n.t('Counted from {0}', r.fiscalYear ? vscode.l10n.t('the end of the fiscal year of {0}', r.from) : r.from));
    if (r.afterEvent) out.push(vscode.l10n.t('When {0} is set, the period runs from it instead.', r.afterEvent));
    const basis = pick(r.basis, lang);
    if (basis) out.push(vscode.l10n.t('Basis: {0}', basis));
  }
  // The most specific rule wins, even when shorter: the default is not the whole answer for these records.
  const rules = schema.retentionRules.filter((rule) => rule.category === cat.key && rule.match.size);
  if (rules.length) {
    const each = rules.map((rule) => `${[...rule.match].map(([k, v]) => `${k}=${v}`).join(' ')} → ${rule.code}`);
    out.push(vscode.l10n.t('Retention rules decide for: {0}', each.join('; ')));
  }
  return out;
}

const RETENTION_FIELDS = new Set(['retention', 'retention_start', 'retention_basis', 'doc_kind', 'date', 'contract_completed', 'hold']);

export function governingFacts(data: Readonly<Record<string, unknown>> | undefined, schema: Schema, lang: Lang): string[] {
  const r = retentionOf(data, schema);
  const g = r.governing;
  if (!g) return [];
  const out = [vscode.l10n.t('Governing retention of this record: {0}', retentionText(g.code))];
  if (g.waitingFor) out.push(vscode.l10n.t('Not counting yet: waiting for {0}', g.waitingFor));
  else if (g.start && g.until) out.push(vscode.l10n.t('Kept from {0} (first day counted) to {1} (last day)', g.start, g.until));
  const basis = pick(g.basis, lang);
  if (basis) out.push(vscode.l10n.t('Basis: {0}', basis));
  if (r.shortened) out.push(vscode.l10n.t('Its own code {0} is shorter and does not apply: the periods are minimums.', r.shortened.code));
  return out;
}

function retentionText(code: string): string {
  if (code === 'Y') return `Y (${vscode.l10n.t('permanent')})`;
  const years = /^D(\d+)$/.exec(code)?.[1];
  return years ? `${code} (${vscode.l10n.t('{0} years', Number(years))})` : code;
}

/** Lines of plain text as one paragraph with hard line breaks. */
function paragraph(md: vscode.MarkdownString, lines: string[]): void {
  if (!lines.length) return;
  md.appendMarkdown('\n\n');
  lines.forEach((line, i) => {
    if (i) md.appendMarkdown('  \n');
    md.appendText(line);
  });
}
