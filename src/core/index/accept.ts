/**
 * Accepting one finding where it stands, with a reason, reviewed like any other change: a YAML comment on
 * the finding's line (or alone on the line above it, or anywhere in the front matter for a finding on the
 * record as a whole) — `# records-curator: accept pi-mobile 客户同意公开`. The finding stays, as information,
 * saying it was accepted and why; it no longer fails a check. A code whose severity is fixed cannot be.
 */
import type { Accepted, Finding } from '../model/findings';
import type { Lang } from '../model/lang';
import type { Span } from '../model/parsed';
import type { LineIndex } from '../parse/lines';
import { CATALOGUE } from '../rules/catalogue';

export interface Acceptance {
  /** 0-based line of the comment. */
  line: number;
  /** The comment is the whole line (it may then accept the finding on the next line, or the record's). */
  ownLine: boolean;
  code: string;
  reason: string;
}

const DIRECTIVE = /#\s*records-curator:\s*accept\s+([a-z][a-z0-9-]*)[ \t]+(\S[^\r\n]*?)\s*$/;

/** The acceptances written in a span of the text (a record's front matter or document). */
export function acceptancesIn(text: string, lines: LineIndex, span: Span): Acceptance[] {
  const slice = text.slice(span.start, span.end);
  if (!slice.includes('records-curator:')) return [];
  const out: Acceptance[] = [];
  const first = lines.positionAt(span.start).line;
  const last = lines.positionAt(span.end).line;
  for (let line = first; line <= last; line++) {
    const start = lines.offsetAt(line, 0);
    const content = text.slice(start, lines.lineContentEnd(line));
    const m = DIRECTIVE.exec(content);
    if (m) out.push({ line, ownLine: /^\s*#/.test(content), code: m[1], reason: m[2] });
  }
  return out;
}

/** Marks a finding accepted: information, with the reason in its message. */
export function markAccepted(f: Finding, reason: string, by: Accepted['by'], lang: Lang): void {
  f.data = { ...f.data, accepted: { severity: f.severity, reason, by } };
  f.severity = 'info';
  const what = by === 'baseline' ? (lang === 'zh' ? '已知（基线）' : 'known (baseline)') : lang === 'zh' ? `已接受：${reason}` : `accepted: ${reason}`;
  f.message = lang === 'zh' ? `${f.message}（${what}）` : `${f.message} (${what})`;
}

/** Applies a record's acceptances to its findings; `fenceLine` is where findings on the record as a whole sit. */
export function applyAcceptances(findings: Finding[], accepts: readonly Acceptance[], fenceLine: number, lang: Lang): void {
  if (!accepts.length) return;
  for (const f of findings) {
    if (CATALOGUE.get(f.code)?.fixed || f.data?.accepted) continue;
    const line = f.start.line;
    const a = accepts.find((x) => x.code === f.code && (x.line === line || (x.ownLine && (x.line === line - 1 || line === fenceLine))));
    if (a) markAccepted(f, a.reason, 'inline', lang);
  }
}
