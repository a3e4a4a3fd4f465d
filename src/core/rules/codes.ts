import { allRules } from '.';

/** Every code a finding can carry: record rules, parse and file problems, the index's own, the batches'. */
export const PARSE_CODES = ['yaml-syntax', 'duplicate-key', 'yaml-alias-limit', 'not-a-mapping', 'binary', 'encoding', 'too-large', 'unreadable',
  'unreadable-folder', 'not-a-file', 'symlink', 'front-matter-not-at-start'] as const;
export const INDEX_CODES = ['duplicate-id', 'duplicate-archive-no', 'archive-no-gap'] as const;
/** Findings on destruction and transfer batches under `disposal/` (core/disposal/check.ts); errors, batch-method a warning. */
export const BATCH_CODES = ['batch-supervisors', 'batch-missing-detail', 'batch-unchecked-task', 'batch-record-changed', 'batch-record-on-hold',
  'batch-item-path', 'batch-item-not-record', 'batch-item-fingerprint', 'batch-status', 'batch-attachment', 'batch-method'] as const;

export function knownCodes(): Set<string> {
  return new Set([...allRules.map((r) => r.code), ...PARSE_CODES, ...INDEX_CODES, ...BATCH_CODES, 'schema']);
}
