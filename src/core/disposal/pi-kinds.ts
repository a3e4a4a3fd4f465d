/**
 * What personal information a record holds, by kind, and which kinds are sensitive. Sensitive is what PIPL
 * Art. 28 lists — biometrics, religious belief, specific identity, medical health, financial accounts,
 * whereabouts, and the information of a child under 14 — and nothing else: an ID number or a phone number is
 * personal information (Art. 4), not sensitive by itself (GB/T 45574-2025 no longer counts the ID number as a
 * specific identity), but an ID number whose birth date is under 14 years ago makes the record a child's.
 */
import { ownValue, scalarText } from '../model/records';
import type { Bilingual, Schema } from '../model/schema';
import { childFacts, names } from '../values/persons';

/** PIPL Art. 28's list, by the `pi_kinds` value that names each. */
export const SENSITIVE_KINDS: Readonly<Record<string, Bilingual>> = {
  biometric: { zh: '生物识别', en: 'biometrics' },
  religion: { zh: '宗教信仰', en: 'religious belief' },
  identity: { zh: '特定身份', en: 'specific identity' },
  health: { zh: '医疗健康', en: 'medical health' },
  'financial-account': { zh: '金融账户', en: 'financial account' },
  whereabouts: { zh: '行踪轨迹', en: 'whereabouts' },
  minor: { zh: '不满十四周岁未成年人的个人信息', en: 'information of a child under 14' },
};

/** The ordinary kinds this tool recognises in fields, and how they read. */
export const ORDINARY_KINDS: Readonly<Record<string, Bilingual>> = {
  name: { zh: '姓名', en: 'name' },
  contact: { zh: '联系方式', en: 'contact details' },
  address: { zh: '地址', en: 'address' },
  'id-number': { zh: '身份证件号码', en: 'ID number' },
  'birth-date': { zh: '出生日期', en: 'date of birth' },
};

export const kindLabel = (kind: string): Bilingual => SENSITIVE_KINDS[kind] ?? ORDINARY_KINDS[kind] ?? { zh: kind, en: kind };
export const isSensitive = (kind: string): boolean => kind in SENSITIVE_KINDS;

export interface KindHit {
  kind: string;
  /** Where it was seen: the record's own pi_kinds, a field, the birth date (a child), or the text. */
  source: 'declared' | 'field' | 'derived' | 'text';
  field?: string;
}

const filled = (v: unknown) => names(v).length > 0;

/**
 * The kinds a record holds on `day`: declared in `pi_kinds`, seen in its filled fields (by type: phone,
 * email, id-number; by name: address, bank_account, birth_date, the person fields), a child under 14 from the
 * birth date or ID number, and `textKinds` found in its text by the personal-information scan.
 */
export function recordKinds(
  data: Readonly<Record<string, unknown>> | undefined,
  schema: Schema,
  day: string,
  textKinds: readonly string[] = [],
  person: readonly (Readonly<Record<string, unknown>> | undefined)[] = [data],
): KindHit[] {
  const out: KindHit[] = [];
  const add = (h: KindHit) => {
    if (!out.some((x) => x.kind === h.kind && x.source === h.source && x.field === h.field)) out.push(h);
  };
  for (const k of names(data?.pi_kinds)) add({ kind: k, source: 'declared' });
  const isPerson = scalarText(data?.customer_type) === 'person';
  if (isPerson && filled(data?.customer)) add({ kind: 'name', source: 'field', field: 'customer' });
  for (const f of schema.fields.values()) {
    const v = ownValue(data, f.name);
    if (!filled(v)) continue;
    if (f.type === 'phone' || f.type === 'email') add({ kind: 'contact', source: 'field', field: f.name });
    else if (f.type === 'id-number' || f.name === 'id_number') add({ kind: 'id-number', source: 'field', field: f.name });
    else if (f.name === 'address') add({ kind: 'address', source: 'field', field: f.name });
    else if (f.name === 'bank_account') add({ kind: 'financial-account', source: 'field', field: f.name });
    else if (f.name === 'birth_date') add({ kind: 'birth-date', source: 'field', field: f.name });
    else if (schema.disposal.personFields.has(f.name) || f.name === 'guardian') add({ kind: 'name', source: 'field', field: f.name });
  }
  if (isPerson) {
    const child = childFacts(person, day);
    if (child && child.from !== 'pi_kinds') add({ kind: 'minor', source: 'derived', field: child.from });
  }
  for (const k of textKinds) add({ kind: k, source: 'text' });
  return out;
}

/** The sensitive kinds among the hits, each once. */
export function sensitiveOf(hits: readonly KindHit[]): string[] {
  return [...new Set(hits.filter((h) => isSensitive(h.kind)).map((h) => h.kind))];
}
