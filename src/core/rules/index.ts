import type { RecordRule } from './rule';

/** Every record rule, one module each. */
export const allRules: readonly RecordRule[] = [];
