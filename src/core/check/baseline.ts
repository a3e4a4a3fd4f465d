/**
 * A baseline for a repository that has findings already: `check --update-baseline` writes the findings of
 * today to `.records/baseline.json` (reviewed in git); afterwards each finding in it is reported as known —
 * information, not a failure — and only new ones fail. A finding fixed since drops out of the next update.
 * A finding is known by its file, code and message (line numbers in a message, the other copies of a
 * duplicate, are left out, so a record whose lines moved keeps its finding known). A code whose severity is
 * fixed (the schema file's mistakes, an unreadable file) is never known: it must be mended.
 */
import { markAccepted } from '../index/accept';
import { tryReadFileInside, writeFileInside } from '../io/safe-fs';
import type { Finding } from '../model/findings';
import type { Lang } from '../model/lang';
import type { ReportItem } from '../report/types';
import { CATALOGUE } from '../rules/catalogue';

export const BASELINE_PATH = '.records/baseline.json';

export interface BaselineEntry {
  path: string;
  code: string;
  message: string;
  /** How many findings of this file share the code and message. */
  count: number;
}

export interface Baseline {
  version: 1;
  findings: BaselineEntry[];
}

/** The message as it identifies a finding: `b.md:12` references to other places dropped. */
function messageKey(f: Pick<Finding, 'code' | 'message'>): string {
  return f.code.startsWith('duplicate-') ? f.message.replace(/:\d+(?=[,、\s]|$)/g, '') : f.message;
}

const key = (path: string, code: string, message: string) => `${path}\0${code}\0${message}`;

/** The baseline of these findings (those accepted inline are accepted already, and left out). */
export function makeBaseline(items: readonly ReportItem[]): Baseline {
  const counts = new Map<string, BaselineEntry>();
  for (const { path, finding: f } of items) {
    if (f.data?.accepted || CATALOGUE.get(f.code)?.fixed) continue;
    const message = messageKey(f);
    const k = key(path, f.code, message);
    const e = counts.get(k);
    if (e) e.count++;
    else counts.set(k, { path, code: f.code, message, count: 1 });
  }
  return {
    version: 1,
    findings: [...counts.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
  };
}

/** The folder's baseline, or undefined when it has none; a file that is not one is an error the caller reports. */
export function readBaseline(root: string): { baseline?: Baseline; problem?: string } {
  const bytes = tryReadFileInside(root, BASELINE_PATH);
  if (!bytes) return {};
  try {
    const data = JSON.parse(Buffer.from(bytes).toString('utf8')) as Partial<Baseline>;
    const ok =
      data.version === 1 &&
      Array.isArray(data.findings) &&
      data.findings.every(
        (e) => typeof e.path === 'string' && typeof e.code === 'string' && typeof e.message === 'string' && Number.isInteger(e.count) && e.count > 0,
      );
    return ok
      ? { baseline: data as Baseline }
      : { problem: `${BASELINE_PATH} is not a baseline records-curator wrote (version 1, findings with path, code, message, count)` };
  } catch (err) {
    return { problem: `${BASELINE_PATH} is not valid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** Written through the one write path (never through a link); replacing the old baseline is what was asked. */
export function writeBaseline(root: string, baseline: Baseline): void {
  writeFileInside(root, BASELINE_PATH, JSON.stringify(baseline, null, 2) + '\n', { overwrite: true });
}

/** What the baseline counts, file by file: how many findings of each code and message it knows. */
export type FileBaseline = ReadonlyMap<string, ReadonlyMap<string, number>>;

export function fileBaseline(baseline: Baseline): FileBaseline {
  const out = new Map<string, Map<string, number>>();
  for (const e of baseline.findings) {
    let m = out.get(e.path);
    if (!m) out.set(e.path, (m = new Map<string, number>()));
    const k = `${e.code}\0${e.message}`;
    m.set(k, (m.get(k) ?? 0) + e.count);
  }
  return out;
}

/**
 * One file's findings with those the baseline knows (as many of each as it counted) marked known, as new
 * objects — the index keeps its own — and how many of each key were left unmatched (fixed since).
 */
export function withBaseline(
  path: string,
  findings: readonly Finding[],
  fb: FileBaseline,
  lang: Lang,
): { findings: Finding[]; unmatched: Map<string, number> } {
  const known = fb.get(path);
  const left = new Map(known ?? []);
  if (!known) return { findings: [...findings], unmatched: left };
  const out = findings.map((f) => {
    if (f.data?.accepted || CATALOGUE.get(f.code)?.fixed) return f;
    const k = `${f.code}\0${messageKey(f)}`;
    const n = left.get(k) ?? 0;
    if (n === 0) return f;
    left.set(k, n - 1);
    const copy: Finding = { ...f, data: f.data ? { ...f.data } : undefined };
    markAccepted(copy, '', 'baseline', lang);
    return copy;
  });
  return { findings: out, unmatched: left };
}

/** All of a folder's findings with the baseline applied, and the baseline's entries no finding matches any more. */
export function applyBaseline(items: readonly ReportItem[], baseline: Baseline | FileBaseline, lang: Lang): { items: ReportItem[]; fixed: BaselineEntry[] } {
  const fb: FileBaseline = 'findings' in baseline ? fileBaseline(baseline) : baseline;
  const byPath = new Map<string, ReportItem[]>();
  for (const i of items) {
    const list = byPath.get(i.path);
    if (list) list.push(i);
    else byPath.set(i.path, [i]);
  }
  const marked = new Map<ReportItem, Finding>();
  const fixed: BaselineEntry[] = [];
  for (const [path, list] of byPath) {
    const r = withBaseline(
      path,
      list.map((i) => i.finding),
      fb,
      lang,
    );
    list.forEach((item, n) => marked.set(item, r.findings[n]));
    for (const [k, count] of r.unmatched) if (count > 0) fixed.push(entryOf(path, k, count));
  }
  for (const [path, m] of fb) {
    if (byPath.has(path)) continue;
    for (const [k, count] of m) fixed.push(entryOf(path, k, count));
  }
  return { items: items.map((i) => ({ path: i.path, finding: marked.get(i) ?? i.finding })), fixed };
}

function entryOf(path: string, k: string, count: number): BaselineEntry {
  const [code, message] = k.split('\0');
  return { path, code, message, count };
}
