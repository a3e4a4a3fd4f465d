import type { ArchiveNumberConfig } from '../model/schema';

/**
 * The parts of an archive number (档号), DA/T 22-2015 §5.4: 全宗号-门类代码·年度-保管期限-机构(问题)代码-件号.
 * `{class}` is the 门类代码 (one archive class for all customer records, e.g. WS), `{subject}` the 问题 code
 * of the record's category (HT for contracts) in the 机构(问题) slot, `{org}` a fixed organisation code.
 */
export interface ArchiveParts {
  fonds: string;
  class: string;
  subject: string;
  year: string;
  retention: string;
  org: string;
  /** The item number (件号) as written, zero-padded. */
  number: string;
}

export const PART_NAMES = ['fonds', 'class', 'subject', 'year', 'retention', 'org', 'number'] as const;
type Part = (typeof PART_NAMES)[number];

const PATTERN: Record<Part, string> = {
  fonds: '[^\\s]+?',
  class: '[^\\s]+?',
  subject: '[^\\s]+?',
  year: '\\d{4}',
  retention: 'Y|D\\d{1,3}',
  org: '[^\\s]+?',
  number: '\\d+',
};

type Piece = { literal: string } | { part: Part };

function pieces(format: string): Piece[] {
  const out: Piece[] = [];
  const re = /\{(\w+)\}/g;
  let last = 0;
  for (let m = re.exec(format); m; m = re.exec(format)) {
    if (m.index > last) out.push({ literal: format.slice(last, m.index) });
    if ((PART_NAMES as readonly string[]).includes(m[1])) out.push({ part: m[1] as Part });
    else out.push({ literal: m[0] });
    last = m.index + m[0].length;
  }
  if (last < format.length) out.push({ literal: format.slice(last) });
  return out;
}

/** Parts the schema may leave empty (no 门类代码, no organisation code): dropped with the separator before them. */
const OPTIONAL: ReadonlySet<Part> = new Set(['class', 'org']);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Reads and writes archive numbers in one workspace's configured format. */
export class ArchiveFormat {
  private readonly pieces: Piece[];
  private readonly regex: RegExp;

  constructor(readonly config: ArchiveNumberConfig) {
    this.pieces = pieces(config.format);
    // An empty part is dropped together with the separator before it, so every part but the first may be absent.
    let src = '';
    let first = true;
    for (let i = 0; i < this.pieces.length; i++) {
      const p = this.pieces[i];
      if ('literal' in p) continue;
      const before = i > 0 && 'literal' in this.pieces[i - 1] ? escape((this.pieces[i - 1] as { literal: string }).literal) : '';
      const group = `(?<${p.part}>${PATTERN[p.part]})`;
      if (first) src += group;
      else src += OPTIONAL.has(p.part) ? `(?:${before}${group})?` : `${before}${group}`;
      first = false;
    }
    const last = this.pieces[this.pieces.length - 1];
    if (last && 'literal' in last) src += escape(last.literal);
    this.regex = new RegExp(`^${src}$`, 'u');
  }

  /** Whether the format writes this part at all (a number in a format without `{class}` has no class to compare). */
  has(part: Part): boolean {
    return this.pieces.some((p) => 'part' in p && p.part === part);
  }

  format(parts: Omit<ArchiveParts, 'number'> & { number: number | string }): string {
    const values: Record<Part, string> = {
      ...parts,
      number: typeof parts.number === 'number' ? String(parts.number).padStart(this.config.numberWidth, '0') : parts.number,
    };
    let out = '';
    for (let i = 0; i < this.pieces.length; i++) {
      const p = this.pieces[i];
      if ('literal' in p) {
        // A separator is written only when the part after it is.
        const next = this.pieces[i + 1];
        if (next && 'part' in next && !values[next.part]) continue;
        out += p.literal;
      } else out += values[p.part] ?? '';
    }
    return out;
  }

  parse(value: string): ArchiveParts | undefined {
    const m = this.regex.exec(value.trim());
    if (!m?.groups) return undefined;
    const g = m.groups;
    return {
      fonds: g.fonds ?? '',
      class: g.class ?? '',
      subject: g.subject ?? '',
      year: g.year ?? '',
      retention: g.retention ?? '',
      org: g.org ?? '',
      number: g.number ?? '',
    };
  }

  /** What an item number counts within: the number's scope parts, as one key. */
  scopeKey(parts: Omit<ArchiveParts, 'number'>): string {
    return this.config.numberScope.map((k) => (k in parts ? (parts as unknown as Record<string, string>)[k] : '')).join('\u0001');
  }
}
