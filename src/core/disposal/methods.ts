/**
 * Which configured method a batch's `method:` names. People write the key (`git-purge`), a label (`粉碎`,
 * `shredding`) or both labels (`粉碎 shredding`); a list names several (paper originals and the git copy).
 * Anything else — `git rm`, `deleted` — is not a method the organisation accepts as unrecoverable.
 */
import type { DestructionMethod, Schema } from '../model/schema';

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

function names(m: DestructionMethod): string[] {
  const { zh, en } = m.label;
  return [m.key, zh, en, `${zh} ${en}`, `${zh} / ${en}`, `${zh}/${en}`, `${en} ${zh}`].map(norm);
}

export interface MethodMatch {
  /** The configured methods named, in the order written. */
  methods: DestructionMethod[];
  /** What was written that names no configured method. */
  unknown: string[];
}

/** The methods a batch's `method` value names (a string, or a list of strings). */
export function matchMethods(value: unknown, schema: Schema): MethodMatch {
  const written = (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).map((v) => String(v)).filter((v) => v.trim() !== '');
  const methods: DestructionMethod[] = [];
  const unknown: string[] = [];
  for (const w of written) {
    const m = schema.disposal.methods.find((x) => names(x).includes(norm(w)));
    if (m) methods.push(m);
    else unknown.push(w);
  }
  return { methods, unknown };
}

/** Whether any of the named methods applies to files in git, which are gone only once history is purged. */
export function coversGit(match: MethodMatch): boolean {
  return match.methods.some((m) => m.key === 'git-purge' || m.category !== 'destroy');
}
