import { allRules } from '.';

/** Every code a finding can carry: record rules, parse and file problems, the index's own. */
export const PARSE_CODES = ['yaml-syntax', 'duplicate-key', 'yaml-alias-limit', 'not-a-mapping', 'binary', 'encoding', 'too-large', 'unreadable'] as const;
export const INDEX_CODES = ['duplicate-id', 'duplicate-archive-no', 'archive-no-gap'] as const;

export function knownCodes(): Set<string> {
  return new Set([...allRules.map((r) => r.code), ...PARSE_CODES, ...INDEX_CODES, 'schema']);
}
