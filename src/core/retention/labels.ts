/** How a retention code reads on paper: Y → 永久 / Permanent, D10 → 10年 / 10 years. */
import type { Bilingual } from '../model/schema';

/** Y → 永久 / Permanent, Dn → n年 / n years; any other code is shown as it is. */
export function retentionLabel(code: string): Bilingual {
  const c = code.trim();
  if (c === '') return { zh: '', en: '' };
  if (/^y$/i.test(c)) return { zh: '永久', en: 'Permanent' };
  const m = /^d(\d{1,3})$/i.exec(c);
  if (m) {
    const n = Number(m[1]);
    return { zh: `${n}年`, en: `${n} ${n === 1 ? 'year' : 'years'}` };
  }
  return { zh: c, en: c };
}
