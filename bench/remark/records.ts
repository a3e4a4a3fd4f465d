/**
 * Records for the comparison with remark-cli (check-vs-remark.ts): Markdown files only (remark reads nothing else),
 * one top-level folder per category (`basic/2019/…md`) so remark-lint-frontmatter-schema can map one JSON Schema per
 * folder, valid values and masked personal data only — and ~10% of the records missing one or two required fields,
 * the one kind of problem both tools are asked to find. Deterministic (seeded); the missing fields are kept in the
 * folder's marker file so both tools can also be held against what was generated.
 */
import * as fs from 'fs';
import * as path from 'path';
import { benchFolder, rng } from '../generate';

/** Bump when the output changes, so stale folders are regenerated. */
export const GENERATOR_VERSION = 2;

/** Required fields per src/core/schema/default-schema.yaml (the JSON Schemas in this folder say the same). */
export const COMMON_REQUIRED = ['id', 'category', 'customer', 'customer_type', 'title', 'date'] as const;
export const CATEGORY_REQUIRED: Record<string, readonly string[]> = {
  basic: ['contact_person', 'phone'],
  contract: ['contract_no', 'signed_date', 'amount'],
  transaction: ['amount', 'currency', 'payment_method'],
  service: ['service_type', 'staff'],
  communication: ['channel', 'participants'],
  other: ['reason'],
};
export const CATEGORY_NAMES = Object.keys(CATEGORY_REQUIRED);

export interface RemarkRecords {
  /** The folder holding one sub-folder per category (the scan root of both tools). */
  root: string;
  /** The benchmark's own folder, parent of `root`. */
  work: string;
  records: number;
  bytes: number;
  /** `relative/path.md` → the required fields left out of it. */
  expected: Record<string, string[]>;
  reused: boolean;
  ms: number;
}

const CATEGORIES = [
  { name: 'basic', code: 'JB', retention: 'D3', weight: 0.15 },
  { name: 'contract', code: 'HT', retention: 'D10', weight: 0.15 },
  { name: 'transaction', code: 'JY', retention: 'D30', weight: 0.3 },
  { name: 'service', code: 'FW', retention: 'D3', weight: 0.15 },
  { name: 'communication', code: 'GT', retention: 'D3', weight: 0.15 },
  { name: 'other', code: 'QT', retention: 'D3', weight: 0.1 },
] as const;
const SURNAMES = ['张', '李', '王', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙'];
const GIVEN = ['伟', '娜', '芳', '敏', '静', '强', '磊', '洋', '艳', '杰', '涛', '明'];
const CITIES = ['上海', '深圳', '北京', '杭州', '成都', '武汉', '南京', '广州'];
const WORDS = ['启明', '海川', '云帆', '青禾', '星河', '远航', '华信', '博雅'];
const WORDS_PY = ['qiming', 'haichuan', 'yunfan', 'qinghe', 'xinghe', 'yuanhang', 'huaxin', 'boya'];
const TRADES = ['数据服务', '电子', '软件', '商贸', '科技', '物流'];
const STAFF = ['陈晨', '刘静', '孙倩', '王磊', '赵敏', '周杰', '吴昊', '郑丽'];
const TITLES: Record<string, string[]> = {
  basic: ['客户基本信息 / Customer profile', '联系人变更登记 / Contact change'],
  contract: ['数据平台定制开发合同 / Data platform development contract', '年度维护服务合同 / Annual maintenance contract'],
  transaction: ['合同首期款 / First installment', '维护费收款 / Maintenance fee', '尾款 / Final payment'],
  service: ['平台管理员培训 / Administrator training', '现场巡检 / On-site maintenance'],
  communication: ['订阅续约沟通 / Renewal discussion', '需求澄清会议 / Requirements meeting'],
  other: ['客户满意度反馈 / Satisfaction feedback', '合作伙伴奖项 / Partner award'],
};
const BODY = [
  '数据采集、清洗与报表平台定制开发，分四期付款。',
  '客户确认验收，相关扫描件已另行归档（纸质原件存放于档案室 3 号柜）。',
  'Custom data platform; accepted after a short extension.',
  'Paid in full by bank transfer; the receipt is masked.',
  'Follow-up call scheduled; see the related service ticket.',
  '本记录由客服部整理，内容经客户确认无误。',
];

function generate(root: string, n: number): { bytes: number; expected: Record<string, string[]> } {
  const r = rng(0x5eed ^ n);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
  const seq = new Map<string, number>();
  const made = new Set<string>();
  const expected: Record<string, string[]> = {};
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    let x = r();
    const cat = CATEGORIES.find((c) => (x -= c.weight) < 0) ?? CATEGORIES[CATEGORIES.length - 1];
    const year = int(2015, 2025);
    const m = int(1, 12);
    const date = `${year}-${String(m).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
    const key = cat.code + year;
    const no = (seq.get(key) ?? 0) + 1;
    seq.set(key, no);
    const id = `${cat.code}-${year}-${String(no).padStart(5, '0')}`;
    const person = r() < 0.35;
    const w = int(0, WORDS.length - 1);
    const customer = person ? pick(SURNAMES) + pick(GIVEN) : `${pick(CITIES)}${WORDS[w]}${pick(TRADES)}有限公司`;
    const staff = pick(STAFF);
    const amount = r() < 0.7 ? String(int(1, 900) * 100) : `${int(100, 99999)}.${int(10, 99)}`;
    const fields = new Map<string, string>([
      ['id', id],
      ['category', cat.name],
      ['customer', customer],
      ['customer_type', person ? 'person' : 'organization'],
      ['title', `"${pick(TITLES[cat.name])}"`],
      ['date', date],
    ]);
    switch (cat.name) {
      case 'basic':
        fields.set('contact_person', person ? customer : pick(SURNAMES) + pick(GIVEN));
        fields.set('phone', `1${int(3, 9)}${int(0, 9)}****${int(1000, 9999)}`);
        fields.set('email', `${WORDS_PY[w]}.${int(1, 99)}@example.com`);
        fields.set('address', `${pick(CITIES)}市高新区科技园（门牌号略）`);
        break;
      case 'contract':
        fields.set('contract_no', `XC-${year}-HT-${String(int(1, 999)).padStart(3, '0')}`);
        fields.set('signed_date', date);
        fields.set('amount', amount);
        fields.set('parties', `[星辰软件有限公司, ${customer}]`);
        fields.set('term_end', `${year + int(1, 3)}-12-31`);
        fields.set('performance_status', pick(['performing', 'completed', 'terminated']));
        break;
      case 'transaction':
        fields.set('amount', amount);
        fields.set('currency', r() < 0.85 ? 'CNY' : pick(['USD', 'EUR', 'HKD']));
        fields.set('payment_method', pick(['bank-transfer', 'alipay', 'wechat-pay', 'card']));
        fields.set('invoice_no', `"0${int(1000000, 9999999)}"`);
        fields.set('bank_account', `"6222 **** **** ${int(1000, 9999)}"`);
        break;
      case 'service':
        fields.set('service_type', pick(['implementation', 'support', 'training', 'maintenance', 'consulting']));
        fields.set('staff', staff);
        fields.set('ticket', `XC-T-${year}-${String(int(1, 9999)).padStart(4, '0')}`);
        fields.set('rating', String(int(3, 5)));
        break;
      case 'communication':
        fields.set('channel', pick(['email', 'phone', 'meeting', 'im', 'letter']));
        fields.set('participants', `\n  - ${staff}\n  - ${person ? customer : pick(SURNAMES) + pick(GIVEN)} (customer)`);
        fields.set('summary', '"客户确认续约意向 / Customer intends to renew"');
        break;
      default:
        fields.set('reason', '"客户反馈单独归档，便于统一答复 / Filed separately for a single reply"');
        fields.set('kind', pick(['feedback', 'complaint', 'award', 'other']));
    }
    fields.set('status', 'active');
    fields.set('retention', cat.retention);
    fields.set('custodian', pick(STAFF));
    fields.set('contains_pi', String(person));
    fields.set('hold', 'false');
    // ~10%: one or two required fields left out. Never `category`: without it neither tool knows the category's
    // fields (records-curator reports missing-category instead; remark would still apply the folder's schema).
    if (r() < 0.1) {
      const candidates = [...COMMON_REQUIRED, ...CATEGORY_REQUIRED[cat.name]].filter((f) => f !== 'category');
      const drop = new Set<string>();
      const count = r() < 0.3 ? 2 : 1;
      while (drop.size < count) drop.add(pick(candidates));
      for (const f of drop) fields.delete(f);
      expected[`${cat.name}/${year}/${WORDS_PY[w]}-${id.toLowerCase()}.md`] = [...drop].sort();
    }
    const lines = [...fields].map(([k, v]) => (v.startsWith('\n') ? `${k}:${v}` : `${k}: ${v}`));
    const body = [`# ${customer}`, '', pick(BODY), pick(BODY), ''].join('\n');
    const rel = `${cat.name}/${year}/${WORDS_PY[w]}-${id.toLowerCase()}.md`;
    const text = `---\n${lines.join('\n')}\n---\n\n${body}`;
    const dir = path.join(root, cat.name, String(year));
    if (!made.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    fs.writeFileSync(path.join(root, rel), text);
    bytes += Buffer.byteLength(text);
  }
  return { bytes, expected };
}

/** N records under os.tmpdir(), or the folder an earlier run made (same N and generator version). */
export function ensureRemarkRecords(n: number): RemarkRecords {
  const made = benchFolder(`records-curator-vs-remark-${n}`, GENERATOR_VERSION, n, 'bench/check-vs-remark', (root) => generate(root, n));
  return { ...made, records: n };
}
