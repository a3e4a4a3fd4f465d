import picomatch from 'picomatch';
import { recordKind } from '../model/records';

/** Which files are record files: in `include`, not in `exclude`, with a record extension. */
export type RecordMatcher = (relPath: string) => boolean;

const opts = { dot: true } as const;

export function createMatcher(include: readonly string[], exclude: readonly string[]): RecordMatcher {
  const inc = picomatch(include.length ? [...include] : ['**/*.md'], opts);
  const exc = exclude.length ? picomatch([...exclude], opts) : () => false;
  return (rel) => recordKind(rel) !== undefined && inc(rel) && !exc(rel);
}
