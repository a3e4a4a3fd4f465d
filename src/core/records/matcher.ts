import picomatch from 'picomatch';

/** Which files are record files: in `include`, not in `exclude`, with a record extension. */
export type RecordMatcher = (relPath: string) => boolean;

const opts = { dot: true } as const;

export function createMatcher(include: readonly string[], exclude: readonly string[]): RecordMatcher {
  const inc = picomatch(include.length ? [...include] : ['**/*.md'], opts);
  const exc = exclude.length ? picomatch([...exclude], opts) : () => false;
  return (rel) => recordKind(rel) !== undefined && inc(rel) && !exc(rel);
}

export function recordKind(relPath: string): 'markdown' | 'yaml' | undefined {
  const dot = relPath.lastIndexOf('.');
  if (dot < 0) return undefined;
  const ext = relPath.slice(dot + 1).toLowerCase();
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  return undefined;
}
