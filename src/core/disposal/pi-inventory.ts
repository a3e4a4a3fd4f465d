/**
 * The inventory of personal information a company being wound up holds, by kind and by customer: the basis
 * of classified management (PIPL Art. 51(2)) and of every decision that follows — transfer (Art. 22), delete
 * (Art. 47), keep while a legal period runs. Sensitive kinds (Art. 28) are flagged, a child under 14 among
 * them (found from the birth date or the ID number, pi-kinds.ts); processing them, or providing any personal
 * information to another handler, needs an impact assessment first (Arts. 55–56).
 */
import { scalarText, type RecordEntry } from '../model/records';
import type { Schema } from '../model/schema';
import { bi, t, type DocLang } from '../text/bilingual';
import { childFacts, type ChildFacts } from '../values/persons';
import type { Paper } from './paper';
import { isSensitive, kindLabel, recordKinds, type KindHit } from './pi-kinds';

export interface CustomerRow {
  customer: string;
  type: string;
  records: string[];
  /** Each kind and where it was seen (declared, field, derived, text). */
  kinds: Map<string, Set<string>>;
  sensitive: string[];
  /** Sensitive kinds found that no record of the customer declares in pi_kinds. */
  undeclared: string[];
  child?: ChildFacts;
  guardian?: string;
}

export interface KindRow {
  kind: string;
  sensitive: boolean;
  customers: number;
  records: number;
}

export interface Inventory {
  day: string;
  customers: CustomerRow[];
  kinds: KindRow[];
}

/** Findings of the plain-text scan, as the kinds they reveal. */
export const TEXT_KIND: Readonly<Record<string, string>> = { 'pi-id-number': 'id-number', 'pi-bank-card': 'financial-account', 'pi-mobile': 'contact' };

/** The inventory of `records` on `day`; `textKinds` gives what the plain-text scan found in a record. */
export function piInventory(records: readonly RecordEntry[], schema: Schema, day: string, textKinds: (r: RecordEntry) => string[] = () => []): Inventory {
  const byCustomer = new Map<string, { rows: RecordEntry[]; type: string }>();
  for (const r of records) {
    if (scalarText(r.data?.status) === 'destroyed') continue;
    const name = scalarText(r.data?.customer).trim() || '—';
    const e = byCustomer.get(name) ?? { rows: [], type: scalarText(r.data?.customer_type) };
    e.rows.push(r);
    byCustomer.set(name, e);
  }
  const customers: CustomerRow[] = [];
  const kindCustomers = new Map<string, Set<string>>();
  const kindRecords = new Map<string, number>();
  for (const [customer, { rows, type }] of byCustomer) {
    const person = type === 'person' ? rows.map((r) => r.data) : [];
    const kinds = new Map<string, Set<string>>();
    const ids: string[] = [];
    for (const r of rows) {
      const hits: KindHit[] = recordKinds(r.data, schema, day, textKinds(r), person.length ? person : [r.data]);
      if (!hits.length) continue;
      ids.push(scalarText(r.data?.id) || r.file);
      const seen = new Set<string>();
      for (const h of hits) {
        kinds.set(h.kind, (kinds.get(h.kind) ?? new Set()).add(h.source));
        if (!seen.has(h.kind)) kindRecords.set(h.kind, (kindRecords.get(h.kind) ?? 0) + 1);
        seen.add(h.kind);
        kindCustomers.set(h.kind, (kindCustomers.get(h.kind) ?? new Set()).add(customer));
      }
    }
    if (!ids.length) continue;
    const sensitive = [...kinds.keys()].filter(isSensitive).sort();
    const undeclared = sensitive.filter((k) => !kinds.get(k)!.has('declared'));
    const child = person.length ? childFacts(person, day) : undefined;
    const guardian = person.map((d) => scalarText(d?.guardian).trim()).find(Boolean);
    customers.push({ customer, type, records: ids, kinds, sensitive, undeclared, ...(child ? { child } : {}), ...(guardian ? { guardian } : {}) });
  }
  customers.sort((a, b) => a.customer.localeCompare(b.customer, 'zh-CN'));
  const kinds = [...kindCustomers.keys()]
    .map((kind) => ({ kind, sensitive: isSensitive(kind), customers: kindCustomers.get(kind)!.size, records: kindRecords.get(kind) ?? 0 }))
    .sort((a, b) => Number(b.sensitive) - Number(a.sensitive) || a.kind.localeCompare(b.kind));
  return { day, customers, kinds };
}

const SOURCE: Record<string, [string, string]> = {
  declared: ['已声明', 'declared'],
  field: ['字段', 'field'],
  derived: ['出生日期推定', 'from the birth date'],
  text: ['正文明文', 'plain text'],
};

/** The inventory as a printable document. */
export function inventoryPaper(inv: Inventory, lang: DocLang, folder: string): Paper {
  const kind = (k: string) => bi(lang, kindLabel(k));
  const sources = (s: Set<string>) => [...s].map((x) => t(lang, ...(SOURCE[x] ?? [x, x]))).join(lang === 'en' ? ', ' : '、');
  const sensitiveCustomers = inv.customers.filter((c) => c.sensitive.length).length;
  return {
    title: t(lang, '个人信息清单', 'Inventory of Personal Information'),
    basis: t(
      lang,
      '个人信息保护法第五十一条第二项（分类管理）、第二十八条（敏感个人信息）',
      'PIPL Art. 51(2) (classified management), Art. 28 (sensitive personal information)',
    ),
    meta: [
      [t(lang, '文件夹', 'Folder'), folder],
      [t(lang, '日期', 'As of'), inv.day],
      [t(lang, '含个人信息的客户', 'Customers with personal information'), String(inv.customers.length)],
      [t(lang, '含敏感个人信息的客户', 'Customers with sensitive personal information'), String(sensitiveCustomers)],
    ],
    sections: [
      {
        heading: t(lang, '按类别', 'By kind'),
        table: {
          head: [t(lang, '类别', 'Kind'), t(lang, '敏感（第二十八条）', 'Sensitive (Art. 28)'), t(lang, '客户数', 'Customers'), t(lang, '记录数', 'Records')],
          rows: inv.kinds.map((k) => [kind(k.kind), k.sensitive ? t(lang, '是', 'yes') : t(lang, '否', 'no'), String(k.customers), String(k.records)]),
        },
      },
      {
        heading: t(lang, '按客户', 'By customer'),
        basis: t(
          lang,
          '机构客户本身不是个人信息主体（第四条），其联系人、参与人、签约人是。',
          'An organisation is not a subject of personal information (Art. 4); its contact persons, participants and signatories are.',
        ),
        table: {
          head: [
            t(lang, '客户', 'Customer'),
            t(lang, '类型', 'Type'),
            t(lang, '记录', 'Records'),
            t(lang, '个人信息类别（来源）', 'Kinds (where seen)'),
            t(lang, '敏感个人信息', 'Sensitive'),
            t(lang, '备注', 'Note'),
          ],
          rows: inv.customers.map((c) => [
            c.customer,
            c.type === 'person' ? t(lang, '个人', 'person') : c.type === 'organization' ? t(lang, '机构', 'organisation') : c.type,
            c.records.join(', '),
            [...c.kinds].map(([k, s]) => `${kind(k)} (${sources(s)})`).join(lang === 'en' ? '; ' : '；'),
            c.sensitive.map(kind).join(lang === 'en' ? '; ' : '；') || '—',
            [
              c.child
                ? t(
                    lang,
                    `未满十四周岁${c.child.birth ? `（${c.child.birth} 出生）` : ''}：监护人 ${c.guardian ?? '未登记'}（第三十一条）`,
                    `under 14${c.child.birth ? ` (born ${c.child.birth})` : ''}: guardian ${c.guardian ?? 'not recorded'} (Art. 31)`,
                  )
                : '',
              c.undeclared.length
                ? t(lang, `pi_kinds 未声明：${c.undeclared.map(kind).join('、')}`, `not declared in pi_kinds: ${c.undeclared.map(kind).join(', ')}`)
                : '',
            ]
              .filter(Boolean)
              .join(lang === 'en' ? '; ' : '；'),
          ]),
        },
      },
      {
        heading: t(lang, '影响评估', 'Impact assessment'),
        paragraphs: [
          t(
            lang,
            '处理敏感个人信息、向其他个人信息处理者提供个人信息（如移交）前，须进行个人信息保护影响评估；评估报告和处理情况记录至少保存三年（第五十五、五十六条）。本工具在批准含敏感个人信息的销毁批次和任何移交批次前要求填写 impact_assessment_ref。',
            'Before processing sensitive personal information, or providing personal information to another handler (a transfer), an impact assessment is made; its report and the processing record are kept at least three years (Arts. 55–56). This tool asks for impact_assessment_ref before it approves a destruction batch holding sensitive information and any transfer batch.',
          ),
        ],
      },
    ],
    landscape: true,
  };
}

/** The inventory as JSON: kinds with their counts, customers with their kinds and sources. */
export function inventoryJson(inv: Inventory): string {
  return (
    JSON.stringify(
      {
        day: inv.day,
        kinds: inv.kinds,
        customers: inv.customers.map((c) => ({
          customer: c.customer,
          type: c.type,
          records: c.records,
          kinds: Object.fromEntries([...c.kinds].map(([k, s]) => [k, [...s].sort()])),
          sensitive: c.sensitive,
          undeclared: c.undeclared,
          ...(c.child ? { under_14: { birth: c.child.birth ?? null, from: c.child.from, guardian: c.guardian ?? null } } : {}),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}
