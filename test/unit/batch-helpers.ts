import * as fs from 'node:fs';
import * as path from 'node:path';
import { opinionText } from '../../src/core/disposal/appraisal';
import { readBatch } from '../../src/core/disposal/batch';
import { fingerprintLines } from '../../src/core/disposal/fingerprints';
import type { BatchContext } from '../../src/core/disposal/items';
import { appraisalOf } from '../../src/core/disposal/requirements';
import { takeFingerprints } from '../../src/core/git/fingerprints';

/** The signatories and supervisors of 会计档案管理办法 Art. 18 for a batch without accounting archives, as front-matter lines. */
export const SIGNED = [
  'unit_head: 王强',
  'archives_head: 李档案',
  'archives_handler: 陈晨',
  'supervisors: [{ name: 李档案, role: archives }, { name: 赵工, role: it }]',
];

/**
 * The draft `text` appraised: a signed opinion (status final, two appraisers led by the archives office)
 * written into `root/disposal/`, and the draft naming it in appraisal_ref.
 */
export function withOpinion(root: string, text: string, ctx: BatchContext, id = 'JD-2026-900'): string {
  const named = /^appraisal_ref:.*$/m.test(text)
    ? text.replace(/^appraisal_ref:.*$/m, `appraisal_ref: "${id}"`)
    : text.replace(/^(batch_id: .*)$/m, `$1\nappraisal_ref: "${id}"`);
  const opinion = opinionText(named, ctx, id, '2026-11-20', 'en', { appraisers: ['李档案:archives', '周审计:audit'], appraised_at: '2026-11-20' })!;
  fs.mkdirSync(path.join(root, 'disposal'), { recursive: true });
  fs.writeFileSync(path.join(root, 'disposal', `${id}.md`), opinion.replace(/^status: draft/m, 'status: final'));
  return named;
}

/**
 * A batch marked approved by hand, with the content fingerprints approval would have taken outside git
 * (SHA-256 only) and the hash of its appraisal opinion: what a test of checks and execution on an approved
 * batch starts from.
 */
export async function withFingerprints(text: string, ctx: BatchContext): Promise<string> {
  const b = readBatch(text)!;
  const { fingerprints } = await takeFingerprints(undefined, b, ctx, '2026-11-26T10:00+08:00');
  const hash = b.kind === 'destruction-batch' ? appraisalOf(b, ctx).hash : undefined;
  const close = text.indexOf('\n---', 4);
  const lines = [...(hash ? [`appraisal_sha256: ${hash}`] : []), ...fingerprintLines(fingerprints)];
  return `${text.slice(0, close + 1)}${lines.join('\n')}\n${text.slice(close + 1)}`;
}

/** The fingerprints outside git, for planApproval. */
export async function offlineFingerprints(text: string, ctx: BatchContext) {
  return (await takeFingerprints(undefined, readBatch(text)!, ctx, '2026-11-26T10:00+08:00')).fingerprints;
}
