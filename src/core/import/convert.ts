/**
 * A cell's value as the schema's field wants it, as text: dates as YYYY-MM-DD (from Excel serial numbers,
 * 2024年3月1日, 2024/3/1, 2024.3.1), amounts without ¥ and thousands separators, enum values from their
 * labels, booleans from 是/否. A value that does not convert is kept as written, so the preview shows the
 * finding `check` would give it. A number too long for a spreadsheet to hold exactly is never written.
 */
import type { FieldDef, Schema } from '../model/schema';
import { isRealDate } from '../values/checks';
import { cellText, type Cell } from './table';
import type { Lang } from '../model/lang';
import { say } from '../text/bilingual';

const PRECISION_LOST = {
  en: 'precision lost: {cell} is stored as a number, which keeps only 15 digits, so its last digits are already gone; store it as text in the source and import again',
  zh: '精度已丢失：{cell} 以数字存储，数字只保留 15 位有效数字，末几位已经丢失；请在源文件中将其存为文本后重新导入',
};

export type Converted = { ok: true; value: string | string[] } | { ok: false; message: string } | { ok: true; value: undefined };

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** Excel's day numbers (1900 system, with its fictitious 1900-02-29) in the range of plausible record dates. */
export function excelSerialDate(n: number): string | undefined {
  if (!Number.isFinite(n) || n < 367 || n > 73051) return undefined;
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(n) * 86400000);
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

const DATE_TEXT = /^(\d{4})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;

export function dateText(s: string): string | undefined {
  const t = s.trim();
  const m = DATE_TEXT.exec(t);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isRealDate(y, mo, d) ? ymd(y, mo, d) : undefined;
  }
  if (/^\d{8}$/.test(t)) {
    const [y, mo, d] = [Number(t.slice(0, 4)), Number(t.slice(4, 6)), Number(t.slice(6))];
    return isRealDate(y, mo, d) ? ymd(y, mo, d) : undefined;
  }
  if (/^\d{3,5}(\.\d+)?$/.test(t)) return excelSerialDate(Number(t));
  return undefined;
}

/** `¥1,234.50`, `1,234.50元`, `RMB 1234.5` → `1234.50`; anything else undefined. */
export function amountText(s: string): string | undefined {
  const t = s
    .trim()
    .replace(/^(?:[¥￥]|RMB|CNY)\s*/i, '')
    .replace(/\s*(?:元|RMB|CNY)$/i, '');
  if (!/^-?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/.test(t)) return undefined;
  const plain = t.replace(/,/g, '');
  const [int, frac = ''] = plain.split('.');
  if (frac.length > 2 && /[^0]/.test(frac.slice(2))) return undefined;
  return frac ? `${int}.${frac.slice(0, 2).padEnd(2, '0')}` : int;
}

const TRUE = new Set(['是', '有', '对', 'true', 'yes', 'y', '1', '√', '✓']);
const FALSE = new Set(['否', '无', '不', 'false', 'no', 'n', '0', '×', '✗']);

/** A spreadsheet number as the digits it holds, or undefined when it cannot hold them exactly (more than 15). */
function numberDigits(n: number): string | undefined {
  if (!Number.isFinite(n)) return undefined;
  if (Number.isInteger(n)) return Math.abs(n) < 1e15 ? String(n) : undefined;
  return String(n);
}

/** An enum value given by key, by label (中文 or English) or, for categories, by the category's label. */
function enumValue(def: FieldDef, schema: Schema, s: string): string {
  const t = s.trim();
  const values = def.values ?? [];
  const lower = t.toLowerCase();
  const byKey = values.find((v) => v.toLowerCase() === lower);
  if (byKey) return byKey;
  if (def.name === 'category') {
    for (const c of schema.categories.values()) if (c.label.zh === t || c.label.en.toLowerCase() === lower || c.code === t) return c.key;
  }
  const labels = ENUM_LABELS[def.name];
  const hit = labels && Object.entries(labels).find(([, ls]) => ls.includes(t));
  return hit && values.includes(hit[0]) ? hit[0] : t;
}

/** Labels of the default schema's enum values, as spreadsheets write them. */
const ENUM_LABELS: Record<string, Record<string, readonly string[]>> = {
  customer_type: { person: ['个人', '自然人', 'Person', 'Individual'], organization: ['机构', '企业', '公司', '单位', '组织', 'Organization', 'Company'] },
  status: { active: ['在用', '有效', '进行中'], archived: ['已归档', '归档'], destroyed: ['已销毁'], transferred: ['已移交'] },
};

export function convertCell(cell: Cell, def: FieldDef | undefined, schema: Schema, lang: Lang = 'en'): Converted {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return { ok: true, value: undefined };
  const type = def?.type ?? 'string';
  if (typeof cell === 'number') {
    if (type === 'date' || type === 'datetime') {
      const d = excelSerialDate(cell);
      if (d) return { ok: true, value: d };
    }
    const digits = numberDigits(cell);
    if (digits === undefined) {
      return {
        ok: false,
        message: say(lang, PRECISION_LOST, { cell }),
      };
    }
    if (type === 'money') return { ok: true, value: amountText(digits) ?? digits };
    return { ok: true, value: digits };
  }
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return { ok: true, value: undefined };
    const day = ymd(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
    return { ok: true, value: type === 'datetime' ? `${day}T${pad(cell.getUTCHours())}:${pad(cell.getUTCMinutes())}` : day };
  }
  const text = cellText(cell).trim();
  switch (type) {
    case 'date':
      return { ok: true, value: dateText(text) ?? text };
    case 'money':
    case 'number':
      return { ok: true, value: amountText(text) ?? text };
    case 'enum':
      return { ok: true, value: def ? enumValue(def, schema, text) : text };
    case 'boolean': {
      const l = text.toLowerCase();
      return { ok: true, value: TRUE.has(l) ? 'true' : FALSE.has(l) ? 'false' : text };
    }
    case 'list':
      return {
        ok: true,
        value: text
          .split(/[,，、;；\n]/)
          .map((s) => s.trim())
          .filter(Boolean),
      };
    default:
      return { ok: true, value: text };
  }
}
