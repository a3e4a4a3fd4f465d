/** The workspace's schema (`.records/schema.yaml`), read into plain, checked values. */

export const FIELD_TYPES = [
  'string',
  'text',
  'date',
  'datetime',
  'number',
  'money',
  'enum',
  'boolean',
  'list',
  'email',
  'phone',
  'id-number',
  'credit-code',
  'path',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'] as const;
export type Severity = Exclude<(typeof SEVERITIES)[number], 'off'>;
export type SeveritySetting = (typeof SEVERITIES)[number];

export interface Bilingual {
  zh: string;
  en: string;
}

/** One allowed value of an enum (or fixed list) field, as the schema's map form of `values:` declares it. */
export interface ValueChoice {
  value: string;
  /** How the value reads for people; absent in the list form. */
  label?: Bilingual;
  /** Other ways the workspace writes it (电话, 手机, tel): read as the value. */
  aliases: string[];
}

export interface FieldDef {
  name: string;
  type: FieldType;
  label: Bilingual;
  description: Bilingual;
  /** Other keys the workspace writes the field under (客户, 客户名称): read as this field. */
  aliases: string[];
  /** enum: the allowed values; list: the allowed items, when fixed. */
  values?: string[];
  /** The allowed values with their labels and aliases, in the order of `values`. */
  choices?: ValueChoice[];
  /** list: the type of each item. */
  items?: FieldType;
  pattern?: RegExp;
  min?: number;
  max?: number;
  /** Categories the field belongs to; undefined = every category. */
  categories?: string[];
  placeholder?: unknown;
  /** Personal information kept sealed (encrypted to the customer's key, src/core/seal); plain is a finding. */
  sensitive?: boolean;
}

export interface RetentionDefault {
  /** Y (permanent) or D + years. */
  code: string;
  /** The date field the period runs from. */
  from: string;
  /** An event date field; when present the period runs from it instead (e.g. contract_completed). */
  afterEvent?: string;
  /** Accounting rule: the period starts the day after the fiscal year of the date ends. */
  fiscalYear: boolean;
  basis: Bilingual;
}

/** A retention rule for records that match (a record type within categories), DOMAIN.md §3. */
export interface RetentionRuleDef extends RetentionDefault {
  category?: string;
  /** Field values a record must have for the rule to apply (all of them). */
  match: Map<string, string>;
}

export interface DisposalConfig {
  /** Folder (workspace-relative) where destruction and transfer batches are written. */
  folder: string;
  /** Whether the batch checklist asks for the customer's consent and for informing the customer afterwards. */
  consentStep: boolean;
  feedbackStep: boolean;
  /** The methods a certificate of destruction accepts as unrecoverable, by key. */
  methods: DestructionMethod[];
  /**
   * Categories that hold accounting archives (会计档案): their destruction needs the accounting signatures
   * and an accounting supervisor (会计档案管理办法 Art. 18), and their custody after 注销 a plan (Art. 20).
   */
  accountingCategories: string[];
  /**
   * Fields that name natural persons besides the customer, with their role (contact, participant,
   * signatory): each person is told of a transfer (PIPL Art. 22).
   */
  personFields: Map<string, string>;
}

/** The accounting categories and person fields when a schema names none (DOMAIN.md §8). */
export const DEFAULT_ACCOUNTING_CATEGORIES: readonly string[] = ['transaction'];
export const DEFAULT_PERSON_FIELDS: ReadonlyMap<string, string> = new Map([
  ['contact_person', 'contact'],
  ['participants', 'participant'],
  ['signatories', 'signatory'],
]);

/** NIST SP 800-88: Clear (logical overwrite), Purge (infeasible to recover, incl. cryptographic erase), Destroy. */
export const SANITIZATION_CATEGORIES = ['clear', 'purge', 'destroy'] as const;
export type SanitizationCategory = (typeof SANITIZATION_CATEGORIES)[number];

/** A destruction method the organisation accepts as unrecoverable, with what it applies to and the tool used. */
export interface DestructionMethod {
  key: string;
  label: Bilingual;
  category: SanitizationCategory;
  media: Bilingual;
  tool: string;
}

export interface CategoryDef {
  key: string;
  label: Bilingual;
  /** Other values the workspace writes for this category (合同, 合同信息): read as this category. */
  aliases: string[];
  /** Subject code used in archive numbers (JB, HT, …). */
  code: string;
  required: string[];
  retention?: RetentionDefault;
  /** The severity of unknown-field for this category's records, over the rule's own (undefined: the rule's). */
  unknownFields: SeveritySetting | undefined;
}

export interface ArchiveNumberConfig {
  /** 全宗号 (DA/T 22-2015 §5.4): the fonds code the archive gave the company. */
  fonds: string;
  /** 全宗名称: the company's name, for the catalogue's cover (DA/T 22-2015 §5.5). */
  fondsName: Bilingual;
  /** 门类代码: the archive class all customer records belong to (WS 文书 by default; DA/T 13-2022 §3.5). */
  classCode: string;
  /** A fixed organisation (机构) code for formats that name one; the categories' codes are the 问题 codes. */
  org: string;
  format: string;
  numberWidth: number;
  numberScope: string[];
}

/**
 * How the workspace's own names read as the schema's, worked out once when the schema loads: keys as fields,
 * and values (of `category` and of enum and list fields) as categories and allowed values.
 */
export interface Aliases {
  /** A key as written → the field it is read as. */
  keys: Map<string, string>;
  /** A field → (a value as written → the value it is read as). */
  values: Map<string, Map<string, string>>;
}

export interface Schema {
  version: number;
  include: string[];
  exclude: string[];
  required: string[];
  categories: Map<string, CategoryDef>;
  fields: Map<string, FieldDef>;
  archiveNumber: ArchiveNumberConfig;
  /** Retention rules beyond the categories' defaults; the longest applicable period wins. */
  retentionRules: RetentionRuleDef[];
  disposal: DisposalConfig;
  /** Severity overrides per rule code. */
  rules: Map<string, SeveritySetting>;
  aliases: Aliases;
  /** Personal-information patterns the workspace adds (`personal_info:`), reported as pi-pattern. */
  piPatterns: PiPatternDef[];
  /** The text it was read from (workers rebuild the schema from it). */
  source: string;
}

/** A kind of personal information the workspace adds to the built-in detectors. */
export interface PiPatternDef {
  name: string;
  label: Bilingual;
  /** Global, so one scan finds every match. */
  regex: RegExp;
  /** A check the match must pass (a checksum), beyond the pattern. */
  check?: 'luhn' | 'id-number' | 'credit-code';
  /** How many characters to keep at the start and the end when masking. */
  keep: [number, number];
  /** Fields (by name) where the value is expected and not reported. */
  allowedIn: string[];
}
