/**
 * Who signs a destruction (会计档案管理办法 Art. 18): the register is signed, before anything is destroyed, by
 * 单位负责人, 档案管理机构负责人, 会计管理机构负责人, 档案管理机构经办人 and 会计管理机构经办人 (Art. 18(2)); the
 * archives and the accounting office each send a supervisor (监销人) who checks the items against the register
 * before and signs after (Art. 18(3)); for electronic records the information-systems office sends one too
 * (Art. 18(3), second sentence). The accounting signatures are asked for when the batch holds accounting
 * archives (`disposal.accounting_categories`); every batch destroys files, so an IT supervisor always attends.
 */
import type { Bilingual, Schema } from '../model/schema';
import { scalarText } from '../model/records';
import type { BatchItem } from './batch';

export interface Signatory {
  field: string;
  label: Bilingual;
  /** Only when the batch holds accounting archives. */
  accounting: boolean;
}

/** Art. 18(2), in the order the clause names them. */
export const SIGNATORIES: readonly Signatory[] = [
  { field: 'unit_head', label: { zh: '单位负责人', en: 'Head of the unit' }, accounting: false },
  { field: 'archives_head', label: { zh: '档案管理机构负责人', en: 'Head of the archives office' }, accounting: false },
  { field: 'accounting_head', label: { zh: '会计管理机构负责人', en: 'Head of the accounting office' }, accounting: true },
  { field: 'archives_handler', label: { zh: '档案管理机构经办人', en: 'Archives officer in charge' }, accounting: false },
  { field: 'accounting_handler', label: { zh: '会计管理机构经办人', en: 'Accounting officer in charge' }, accounting: true },
];

/** The offices a supervisor comes from (Art. 18(3)); any other role is shown as written. */
export const SUPERVISOR_ROLES: Readonly<Record<string, Bilingual>> = {
  archives: { zh: '档案管理机构', en: 'archives office' },
  accounting: { zh: '会计管理机构', en: 'accounting office' },
  it: { zh: '信息系统管理机构', en: 'information-systems office' },
};

export interface Supervisor {
  name: string;
  /** archives, accounting, it, or as written; '' when not given. */
  role: string;
}

const ROLE_WORDS: [RegExp, string][] = [
  [/^(archives?|档案(管理机构|室|部门)?)$/i, 'archives'],
  [/^(accounting|finance|会计(管理机构|机构)?|财务(部|部门)?)$/i, 'accounting'],
  [/^(it|information[- ]systems?|信息(系统)?(管理机构|部门)?|信息部)$/i, 'it'],
];

export const normaliseRole = (role: string): string => ROLE_WORDS.find(([re]) => re.test(role.trim()))?.[1] ?? role.trim();

/**
 * The supervisors a batch names: `{name, role}` mappings, `name:role` strings as `--set` writes them, or bare
 * names (an older batch: no role, which approval no longer accepts).
 */
export function supervisorsOf(value: unknown): Supervisor[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null || value === '' ? [] : [value];
  const out: Supervisor[] = [];
  for (const v of list) {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      const name = scalarText(o.name).trim();
      if (name) out.push({ name, role: normaliseRole(scalarText(o.role)) });
      continue;
    }
    const s = scalarText(v).trim();
    if (!s) continue;
    const m = /^(.*?)\s*[:：(（]\s*([^)）]*)[)）]?$/.exec(s);
    out.push(m && m[1] ? { name: m[1].trim(), role: normaliseRole(m[2]) } : { name: s, role: '' });
  }
  return out;
}

/** Whether any listed record is an accounting archive. */
export function holdsAccounting(items: readonly Pick<BatchItem, 'category'>[], schema: Schema): boolean {
  return items.some((it) => schema.disposal.accountingCategories.includes(it.category));
}

const blank = (v: unknown) => scalarText(v).trim() === '';

/** What Art. 18 still needs before a destruction batch may be approved (empty: nothing). */
export function missingSignatures(data: Readonly<Record<string, unknown>>, accounting: boolean): Bilingual[] {
  const out: Bilingual[] = [];
  for (const s of SIGNATORIES) {
    if (s.accounting && !accounting) continue;
    if (blank(data[s.field])) out.push({ zh: `${s.field}（${s.label.zh}）`, en: `${s.field} (${s.label.en.toLowerCase()})` });
  }
  const sup = supervisorsOf(data.supervisors);
  if (sup.length < 2) out.push({ zh: 'supervisors（至少两名监销人）', en: 'supervisors (2+)' });
  const wanted = ['archives', ...(accounting ? ['accounting'] : []), 'it'];
  for (const role of wanted) {
    if (sup.some((s) => s.role === role)) continue;
    const r = SUPERVISOR_ROLES[role];
    out.push({ zh: `supervisors 中来自${r.zh}的监销人（${role}）`, en: `a supervisor from the ${r.en} (role ${role})` });
  }
  return out;
}

export const roleLabel = (role: string): Bilingual => SUPERVISOR_ROLES[role] ?? { zh: role || '—', en: role || '—' };
