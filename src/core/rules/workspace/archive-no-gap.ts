/** Item numbers missing just before a record's within its numbering class: information, for the archivist. */
import { anchorOf } from '../../model/records';
import { manyAdd, manyGet, manyRemove, type Many } from './many';
import { keyValue, type WorkspaceRule } from './rule';

/** Item numbers per numbering scope, each with the files holding it. */
type Groups = Map<string, Map<number, Many<string>>>;

function range(a: number, b: number, width: number): string {
  const f = (n: number) => String(n).padStart(width, '0');
  return a === b ? f(a) : `${f(a)}–${f(b)}`;
}

export const archiveNoGap: WorkspaceRule<Groups> = {
  code: 'archive-no-gap',
  severity: 'info',
  title: { en: 'Item numbers missing before an archive number in its class', zh: '同类档号中本件之前有件号缺失' },
  kind: 'workspace',
  create: () => new Map(),
  track(groups, r, path, delta, view, touched) {
    const v = view.archiveKey && keyValue(r, 'archive_no');
    const k = v ? view.archiveKey(v) : undefined;
    if (!k) return;
    let group = groups.get(k.scope);
    if (!group) groups.set(k.scope, (group = new Map<number, Many<string>>()));
    if (delta > 0) manyAdd(group, k.n, path);
    else {
      manyRemove(group, k.n, path);
      if (!group.size) groups.delete(k.scope);
    }
    // The record after a changed number may gain or lose a gap.
    if (touched) {
      let next: number | undefined;
      for (const n of group.keys()) if (n > k.n && (next === undefined || n < next)) next = n;
      if (next !== undefined) for (const p of manyGet(group, next)) touched.add(p);
    }
  },
  applies: () => false, // information only: not counted as a problem of the record
  findings(groups, r, view, out) {
    const v = view.archiveKey && keyValue(r, 'archive_no');
    const k = v ? view.archiveKey(v) : undefined;
    const severity = view.severity('archive-no-gap');
    if (!k || k.n <= 1 || severity === 'off') return;
    const group = groups.get(k.scope);
    if (!group || group.has(k.n - 1)) return;
    let prev = 0;
    for (const n of group.keys()) if (n < k.n && n > prev) prev = n;
    const missing = range(prev + 1, k.n - 1, k.width);
    const at = anchorOf(r, 'archive_no') ?? [
      { line: r.line, col: 0 },
      { line: r.line, col: 3 },
    ];
    const message =
      view.lang === 'zh' ? `件号 ${missing} 缺失（在 ${v} 之前）` : `item number${prev + 1 === k.n - 1 ? '' : 's'} ${missing} missing before ${v}`;
    out.push({ code: 'archive-no-gap', severity, message, start: at[0], end: at[1], record: r.index, data: { field: 'archive_no' } });
  },
};
