/**
 * Synthetic, valid customer records for the benchmark: ~85% Markdown files with 12–18 front-matter fields
 * (Chinese values, flow and block lists, comments, a short body) and ~15% YAML files, some holding several
 * documents, across the six categories in nested folders. Deterministic (seeded), so runs are comparable.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Bump when the output changes, so stale folders are regenerated. */
export const GENERATOR_VERSION = 5;
const MARKER = '.bench-marker.json';
const OWNER = '.bench-owner';

export interface Generated {
  /** The folder the records are in (scan root). */
  root: string;
  /** A folder of the benchmark's own, beside the records (cache file and the like). */
  work: string;
  files: number;
  records: number;
  /** Files written in excluded places (README.md, disposal/), not counted above. */
  excluded: number;
  bytes: number;
  reused: boolean;
  ms: number;
}

/** mulberry32: tiny, fast, good enough to vary records. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = ['张', '李', '王', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林'];
const SURNAME_PY = ['zhang', 'li', 'wang', 'liu', 'chen', 'yang', 'zhao', 'huang', 'zhou', 'wu', 'xu', 'sun', 'hu', 'zhu', 'gao', 'lin'];
const GIVEN = ['伟', '娜', '芳', '敏', '静', '强', '磊', '洋', '艳', '杰', '涛', '明', '超', '霞', '平', '刚', '晨', '倩'];
const GIVEN_PY = ['wei', 'na', 'fang', 'min', 'jing', 'qiang', 'lei', 'yang', 'yan', 'jie', 'tao', 'ming', 'chao', 'xia', 'ping', 'gang', 'chen', 'qian'];
const CITIES = [
  ['上海', '310115'],
  ['深圳', '440300'],
  ['北京', '110105'],
  ['杭州', '330106'],
  ['成都', '510107'],
  ['武汉', '420106'],
  ['南京', '320102'],
  ['广州', '440106'],
];
const CITY_PY = ['shanghai', 'shenzhen', 'beijing', 'hangzhou', 'chengdu', 'wuhan', 'nanjing', 'guangzhou'];
const WORDS = ['启明', '海川', '云帆', '青禾', '星河', '远航', '华信', '博雅', '恒通', '瑞丰', '中科', '天成'];
const WORDS_PY = ['qiming', 'haichuan', 'yunfan', 'qinghe', 'xinghe', 'yuanhang', 'huaxin', 'boya', 'hengtong', 'ruifeng', 'zhongke', 'tiancheng'];
const TRADES = ['数据服务', '电子', '软件', '商贸', '科技', '物流', '医疗器械', '教育咨询'];
const EN_ORGS = ['Harbor Analytics Ltd.', 'Northwind Trading GmbH', 'Blue Peak Systems Inc.', 'Maple Leaf Logistics Ltd.'];
const STAFF = ['陈晨', '刘静', '孙倩', '王磊', '赵敏', '周杰', '吴昊', '郑丽'];
const CATEGORIES = [
  { name: 'basic', code: 'JB', retention: 'D3', weight: 0.15 },
  { name: 'contract', code: 'HT', retention: 'D10', weight: 0.15 },
  { name: 'transaction', code: 'JY', retention: 'D30', weight: 0.3 },
  { name: 'service', code: 'FW', retention: 'D3', weight: 0.15 },
  { name: 'communication', code: 'GT', retention: 'D3', weight: 0.15 },
  { name: 'other', code: 'QT', retention: 'D3', weight: 0.1 },
] as const;
type Category = (typeof CATEGORIES)[number];
const TITLES: Record<string, string[]> = {
  basic: ['客户基本信息 / Customer profile', '联系人变更登记 / Contact change', '身份核验记录 / Identity verification'],
  contract: [
    '数据平台定制开发合同 / Data platform development contract',
    '年度维护服务合同 / Annual maintenance contract',
    '软件许可协议 / Software licence agreement',
  ],
  transaction: ['合同首期款 / First installment', '维护费收款 / Maintenance fee', '许可费收款 / Licence fee', '尾款 / Final payment'],
  service: ['平台管理员培训 / Administrator training', '现场巡检 / On-site maintenance', '数据导出支持 / Data export support'],
  communication: ['订阅续约沟通 / Renewal discussion', '需求澄清会议 / Requirements meeting', '验收安排邮件 / Acceptance scheduling'],
  other: ['客户满意度反馈 / Satisfaction feedback', '关于通知过晚的投诉 / Complaint about late notice', '合作伙伴奖项 / Partner award'],
};
const BODY = [
  '数据采集、清洗与报表平台定制开发，分四期付款。',
  '客户确认验收，相关扫描件已另行归档（纸质原件存放于档案室 3 号柜）。',
  'Custom data platform; accepted after a short extension.',
  '为客户自行运维做准备：账号权限、备份恢复、报表配置。',
  'Paid in full by bank transfer; the receipt is masked.',
  '已致歉并承诺此后提前三个工作日通知。',
  'Follow-up call scheduled; see the related service ticket.',
  '本记录由客服部整理，内容经客户确认无误。',
];

interface Customer {
  name: string;
  slug: string;
  person: boolean;
  city: number;
  word: number;
}

class Gen {
  private readonly seq = new Map<string, number>();
  readonly customers: Customer[] = [];
  constructor(
    readonly r: () => number,
    customerCount: number,
  ) {
    for (let i = 0; i < customerCount; i++) {
      const person = r() < 0.35;
      const city = this.int(0, CITIES.length - 1);
      const word = this.int(0, WORDS.length - 1);
      if (person) {
        const s = this.int(0, SURNAMES.length - 1);
        const g = this.int(0, GIVEN.length - 1);
        this.customers.push({ name: SURNAMES[s] + GIVEN[g], slug: `${SURNAME_PY[s]}-${GIVEN_PY[g]}-${i}`, person, city, word });
      } else if (r() < 0.05) {
        const e = this.int(0, EN_ORGS.length - 1);
        this.customers.push({ name: EN_ORGS[e], slug: `${EN_ORGS[e].split(' ')[0].toLowerCase()}-${i}`, person, city, word });
      } else {
        const name = `${CITIES[city][0]}${WORDS[word]}${this.pick(TRADES)}有限公司`;
        this.customers.push({ name, slug: `${WORDS_PY[word]}-${CITY_PY[city]}-${i}`, person, city, word });
      }
    }
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  pick<T>(a: readonly T[]): T {
    return a[Math.floor(this.r() * a.length)];
  }
  next(key: string): number {
    const n = (this.seq.get(key) ?? 0) + 1;
    this.seq.set(key, n);
    return n;
  }
  date(year: number): string {
    const m = this.int(1, 12);
    const d = this.int(1, m === 2 ? 28 : 30);
    return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  creditCode(c: Customer): string {
    const A = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    let s = '91' + CITIES[c.city][1];
    for (let i = 0; i < 9; i++) s += A[this.int(0, 30)];
    let sum = 0;
    for (let i = 0; i < 17; i++) sum += A.indexOf(s[i]) * W[i];
    return s + A[(31 - (sum % 31)) % 31];
  }

  /** Front-matter lines of one record (without fences), 12–18 fields. */
  record(cat: Category, c: Customer, year: number, ordinal: number): { lines: string[]; rel: string } {
    const date = this.date(year);
    const id = `${cat.code}-${year}-${String(this.next(cat.code + year)).padStart(5, '0')}`;
    const must: string[] = [
      `id: ${id}`,
      `category: ${cat.name}`,
      `customer: ${c.name}`,
      `customer_type: ${c.person ? 'person' : 'organization'}`,
      this.r() < 0.8 ? `title: "${this.pick(TITLES[cat.name])}"` : `title: '${this.pick(TITLES[cat.name])}（${ordinal}）'`,
      `date: ${date}`,
    ];
    const opt: string[] = [];
    const staff = this.pick(STAFF);
    const amount = this.r() < 0.7 ? String(this.int(1, 900) * 100) : `${this.int(100, 99999)}.${this.int(10, 99)}`;
    switch (cat.name) {
      case 'basic':
        must.push(
          `contact_person: ${c.person ? c.name : this.pick(SURNAMES) + this.pick(GIVEN)}`,
          `phone: 1${this.int(3, 9)}${this.int(0, 9)}****${this.int(1000, 9999)}`,
        );
        opt.push(`email: ${WORDS_PY[c.word]}.${this.int(1, 99)}@example.com`, `address: ${CITIES[c.city][0]}市高新区科技园（门牌号略）`);
        if (c.person) opt.push(`id_number: ${CITIES[c.city][1]}********${this.int(100, 999)}X`);
        else opt.push(`company: ${c.name}`, `credit_code: ${this.creditCode(c)}   # 已核对营业执照`);
        break;
      case 'contract':
        must.push(`contract_no: XC-${year}-HT-${String(this.int(1, 999)).padStart(3, '0')}`, `signed_date: ${date}`, `amount: ${amount}`);
        opt.push(
          `parties: [星辰软件有限公司, ${c.name}]`,
          `term_start: ${date}`,
          `term_end: ${year + this.int(1, 3)}-12-31`,
          `e_signature: ${this.r() < 0.5}   # 电子合同平台签署`,
          `performance_status: ${this.pick(['performing', 'completed', 'terminated'])}`,
        );
        break;
      case 'transaction':
        must.push(
          `amount: ${amount}`,
          `currency: ${this.r() < 0.85 ? 'CNY' : this.pick(['USD', 'EUR', 'HKD'])}`,
          `payment_method: ${this.pick(['bank-transfer', 'alipay', 'wechat-pay', 'card'])}`,
        );
        opt.push(
          `invoice_no: "0${this.int(1000000, 9999999)}"`,
          `voucher_ref: 记-${year}-${String(this.int(1, 12)).padStart(2, '0')}-${String(this.int(1, 99)).padStart(3, '0')}`,
          `bank_account: "6222 **** **** ${this.int(1000, 9999)}"`,
        );
        break;
      case 'service':
        must.push(`service_type: ${this.pick(['implementation', 'support', 'training', 'maintenance', 'consulting'])}`, `staff: ${staff}`);
        opt.push(
          `ticket: XC-T-${year}-${String(this.int(1, 9999)).padStart(4, '0')}`,
          `outcome: "问题已解决，客户确认 / Resolved, confirmed by the customer"`,
          `rating: ${this.int(3, 5)}`,
        );
        break;
      case 'communication':
        must.push(
          `channel: ${this.pick(['email', 'phone', 'meeting', 'im', 'letter'])}`,
          `participants:\n  - ${staff}\n  - ${c.person ? c.name : this.pick(SURNAMES) + this.pick(GIVEN)} (customer)`,
        );
        opt.push(
          this.r() < 0.3
            ? `summary: >-\n  客户确认续约意向，要求在到期前提供报价。\n  Customer intends to renew and asked for a quote.`
            : `summary: "客户确认续约意向 / Customer intends to renew"`,
        );
        break;
      default:
        must.push(`reason: "客户反馈单独归档，便于统一答复 / Filed separately for a single reply"`);
        opt.push(`kind: ${this.pick(['feedback', 'complaint', 'award', 'other'])}`);
    }
    const target = this.int(12, 18);
    // An archived record always carries its number (numbers are allocated without gaps).
    const archived = this.r() < 0.5 && target > must.length + 3;
    must.push(`status: ${archived ? 'archived' : 'active'}`, `retention: ${cat.retention}`, `custodian: ${this.pick(STAFF)}`);
    const extra: string[] = [];
    if (archived) {
      const an = String(this.next(`${cat.code}${year}${cat.retention}`)).padStart(4, '0');
      extra.push(
        `archive_no: Z001-WS·${year}-${cat.retention}-${cat.code}-${an}`,
        `archived_by: ${this.pick(STAFF)}`,
        `archived_at: ${Math.min(year + 2, 2025)}-10-20`,
        `pages: ${this.int(1, 40)}`,
        `checked_by: ${this.pick(STAFF)}`,
        `checked_at: ${Math.min(year + 2, 2025)}-10-21`,
      );
    }
    for (let i = opt.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [opt[i], opt[j]] = [opt[j], opt[i]];
    }
    extra.push(...opt, c.person ? 'contains_pi: true' : 'contains_pi: false', 'hold: false');
    if (c.person) extra.push(this.r() < 0.5 ? 'pi_kinds: [financial-account, health]' : 'pi_kinds:\n  - financial-account');
    const lines = [...must, ...extra.slice(0, Math.max(0, target - must.length))];
    const folder =
      cat.name === 'basic' || cat.name === 'contract'
        ? `customers/${c.slug}/${cat.name === 'basic' ? 'basic' : 'contracts'}`
        : `${cat.name === 'communication' ? 'communication' : cat.name === 'other' ? 'other' : cat.name === 'service' ? 'service' : 'transactions'}/${year}/${date.slice(5, 7)}`;
    return { lines, rel: `${folder}/${c.slug.replace(/-\d+$/, '')}-${id.toLowerCase()}` };
  }
}

function writer(root: string) {
  const made = new Set<string>();
  let bytes = 0;
  return {
    write(rel: string, text: string): void {
      const dir = path.dirname(rel);
      if (!made.has(dir)) {
        fs.mkdirSync(path.join(root, dir), { recursive: true });
        made.add(dir);
      }
      fs.writeFileSync(path.join(root, rel), text);
      bytes += Buffer.byteLength(text);
    },
    get bytes() {
      return bytes;
    },
  };
}

function generate(root: string, n: number): Omit<Generated, 'root' | 'work' | 'reused' | 'ms'> {
  const g = new Gen(rng(0xc0ffee ^ n), Math.max(40, Math.round(n / 20)));
  const w = writer(root);
  let records = 0;
  let files = 0;
  let excluded = 0;
  const pickCat = (): Category => {
    let x = g.r();
    for (const c of CATEGORIES) if ((x -= c.weight) < 0) return c;
    return CATEGORIES[CATEGORIES.length - 1];
  };
  while (records < n) {
    const cat = pickCat();
    const cust = g.pick(g.customers);
    const year = g.int(2015, 2025);
    if (g.r() < 0.85) {
      const { lines, rel } = g.record(cat, cust, year, records);
      const head = g.r() < 0.2 ? '# 已核对原件 / checked against the original\n' : '';
      const body = [g.r() < 0.4 ? `# ${cust.name} · ${TITLES[cat.name][0].split(' / ')[0]}\n` : '', g.pick(BODY), g.pick(BODY), g.pick(BODY)].join('\n');
      w.write(`${rel}.md`, `---\n${head}${lines.join('\n')}\n---\n\n${body}\n`);
      records++;
    } else {
      const docs = g.r() < 0.4 ? Math.min(n - records, g.int(2, 4)) : 1;
      const parts: string[] = [];
      let rel = '';
      for (let d = 0; d < docs; d++) {
        const rec = g.record(cat, cust, year, records + d);
        rel ||= rec.rel;
        parts.push(rec.lines.join('\n'));
      }
      const comment = `# ${cust.name} ${cat.name} records (${docs} in this file)\n# 本文件共 ${docs} 条记录\n`;
      w.write(`${rel}${g.r() < 0.2 ? '.yml' : '.yaml'}`, docs > 1 ? `${comment}---\n${parts.join('\n---\n')}\n` : `${comment}${parts[0]}\n`);
      records += docs;
    }
    files++;
  }
  // Things the schema excludes: they must cost listing time but never be indexed.
  for (const top of ['customers', 'transactions', 'service', 'communication', 'other']) {
    w.write(`${top}/README.md`, `# ${top}\n\n说明文件，不是档案记录。\n`);
    excluded++;
  }
  const disposed = new Gen(rng(n), 10); // its own numbering: excluded files must not leave gaps in the records'
  for (let i = 0; i < Math.max(5, n / 500); i++) {
    const { lines } = disposed.record(CATEGORIES[0], disposed.pick(disposed.customers), 2016, i);
    w.write(`disposal/2024/batch-${i}.md`, `---\n${lines.join('\n')}\n---\n已销毁清单。\n`);
    excluded++;
  }
  return { files, records, excluded, bytes: w.bytes };
}

/**
 * A benchmark's folder under os.tmpdir(): reused when its marker says the same N and generator version,
 * else made again by `make` (which writes the records under `root` and returns what the marker keeps).
 * Only ever deletes a folder a benchmark created (it holds the owner file).
 */
export function benchFolder<T extends object>(
  name: string,
  version: number,
  n: number,
  note: string,
  make: (root: string) => T,
): T & { root: string; work: string; reused: boolean; ms: number } {
  const start = performance.now();
  const work = path.join(os.tmpdir(), name);
  const root = path.join(work, 'records');
  const marker = path.join(work, MARKER);
  try {
    const { version: v, n: m, ...info } = JSON.parse(fs.readFileSync(marker, 'utf8'));
    if (v === version && m === n) return { ...(info as T), root, work, reused: true, ms: performance.now() - start };
  } catch {
    // no usable marker: generate
  }
  if (fs.existsSync(work)) {
    if (!fs.existsSync(path.join(work, OWNER))) throw new Error(`${work} exists and is not the benchmark's; move it away`);
    fs.rmSync(work, { recursive: true, force: true });
  }
  fs.mkdirSync(root, { recursive: true });
  fs.writeFileSync(path.join(work, OWNER), `created by records-curator ${note}; safe to delete\n`);
  const info = make(root);
  fs.writeFileSync(marker, JSON.stringify({ version, n, ...info }));
  return { ...info, root, work, reused: false, ms: performance.now() - start };
}

/** Generates N records under os.tmpdir(), or reuses an earlier run's folder (same N and generator version). */
export function ensureRecords(n: number): Generated {
  return benchFolder(`records-curator-bench-${n}`, GENERATOR_VERSION, n, 'npm run bench', (root) => generate(root, n));
}
