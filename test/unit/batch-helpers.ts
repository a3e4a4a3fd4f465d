import { readBatch } from '../../src/core/disposal/batch';
import { fingerprintLines } from '../../src/core/disposal/fingerprints';
import type { BatchContext } from '../../src/core/disposal/items';
import { takeFingerprints } from '../../src/core/git/fingerprints';

/**
 * A batch marked approved by hand, with the content fingerprints approval would have taken outside git
 * (SHA-256 only): what a test of checks and execution on an approved batch starts from.
 */
export async function withFingerprints(text: string, ctx: BatchContext): Promise<string> {
  const { fingerprints } = await takeFingerprints(undefined, readBatch(text)!, ctx, '2026-11-26T10:00+08:00');
  const close = text.indexOf('\n---', 4);
  return `${text.slice(0, close + 1)}${fingerprintLines(fingerprints).join('\n')}\n${text.slice(close + 1)}`;
}

/** The fingerprints outside git, for planApproval. */
export async function offlineFingerprints(text: string, ctx: BatchContext) {
  return (await takeFingerprints(undefined, readBatch(text)!, ctx, '2026-11-26T10:00+08:00')).fingerprints;
}
