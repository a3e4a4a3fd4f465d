/**
 * `personal_info:` — kinds of personal information a workspace adds to the built-in detectors: an employee
 * number, a member card, a licence plate. Each has a name, a regular expression, an optional check the
 * match must pass, and how much of it a mask keeps; matches are reported as pi-pattern.
 */
import { isSeq, type Node } from 'yaml';
import type { PiPatternDef } from '../model/schema';
import type { Reader } from './reader';

const CHECKS = ['luhn', 'id-number', 'credit-code'] as const;

export function readPiPatterns(r: Reader, node: unknown): PiPatternDef[] {
  if (node === undefined || node === null) return [];
  if (!isSeq(node)) {
    r.report(node as Node, 'personal_info must be a list');
    return [];
  }
  const out: PiPatternDef[] = [];
  node.items.forEach((item, i) => {
    const m = r.map(item, `personal_info item ${i + 1}`);
    if (!m) return;
    r.known(m, ['name', 'label', 'pattern', 'check', 'mask', 'fields'], `personal_info item ${i + 1}`);
    const name = r.string(m.get('name', true), `the name of personal_info item ${i + 1}`);
    const source = r.string(m.get('pattern', true), `the pattern of personal_info ${name ?? i + 1}`);
    if (!name || !source) {
      r.report(m, `personal_info item ${i + 1} needs a name and a pattern`);
      return;
    }
    let regex: RegExp;
    try {
      regex = new RegExp(source, 'gu');
    } catch (err) {
      r.report(m.get('pattern', true), `invalid pattern: ${(err as Error).message}`);
      return;
    }
    // A pattern that matches nothing at all would report every position of every file.
    if (regex.test('')) {
      r.report(m.get('pattern', true), `the pattern of personal_info ${name} matches empty text`);
      return;
    }
    const checkNode = m.get('check', true);
    const check = r.string(checkNode, `the check of personal_info ${name}`);
    if (check !== undefined && !(CHECKS as readonly string[]).includes(check)) r.report(checkNode, `unknown check '${check}'; one of ${CHECKS.join(', ')}`);
    const mask = r.map(m.get('mask', true), `the mask of personal_info ${name}`);
    if (mask) r.known(mask, ['keep_start', 'keep_end'], `the mask of personal_info ${name}`);
    const keep = (k: string, d: number) => Math.max(0, Math.trunc(r.number(mask?.get(k, true), `mask.${k} of personal_info ${name}`) ?? d));
    out.push({
      name,
      label: r.bilingual(m.get('label', true), `the label of personal_info ${name}`, name),
      regex,
      check: (CHECKS as readonly string[]).includes(check ?? '') ? (check as PiPatternDef['check']) : undefined,
      keep: [keep('keep_start', 2), keep('keep_end', 2)],
      allowedIn: r.strings(m.get('fields', true), `the fields of personal_info ${name}`) ?? [],
    });
  });
  return out;
}
