/** Two records sharing one record id, or one archive number: reported on both. */
import type { Finding } from '../../model/findings';
import { anchorOf, type RecordEntry } from '../../model/records';
import { manyAdd, manyCount, manyGet, manyRemove, type Many } from './many';
import { keyValue, type WorkspaceRule } from './rule';

type Owners = Map<string, Many<RecordEntry>>;

function duplicateRule(key: 'id' | 'archive_no', code: string, title: { en: string; zh: string }): WorkspaceRule<Owners> {
  return {
    code,
    severity: 'error',
    title,
    kind: 'workspace',
    create: () => new Map(),
    track(owners, r, _path, delta, _view, touched) {
      const v = keyValue(r, key);
      if (v === undefined) return;
      const list = delta > 0 ? manyAdd(owners, v, r) : manyRemove(owners, v, r);
      // Every other owner gains or loses the finding.
      if (delta < 0 || list.length > 1) for (const o of list) touched?.add(o.file);
    },
    applies(owners, r) {
      const v = keyValue(r, key);
      return v !== undefined && manyCount(owners, v) > 1;
    },
    findings(owners, r, view, out: Finding[]) {
      const v = keyValue(r, key);
      const list = v === undefined ? undefined : manyGet(owners, v);
      const severity = view.severity(code);
      if (!list || list.length < 2 || severity === 'off') return;
      const others = list
        .filter((o) => o !== r)
        .map((o) => `${o.file}:${o.line + 1}`)
        .sort();
      const at = anchorOf(r, key) ?? [
        { line: r.line, col: 0 },
        { line: r.line, col: 3 },
      ];
      const message =
        view.lang === 'zh'
          ? `${key === 'id' ? '记录编号' : '档号'} ${v} 重复，另见 ${others.join('、')}`
          : `duplicate ${key === 'id' ? 'record id' : 'archive number'} ${v}, also in ${others.join(', ')}`;
      out.push({ code, severity, message, start: at[0], end: at[1], record: r.index, data: { field: key, others } });
    },
  };
}

export const duplicateId = duplicateRule('id', 'duplicate-id', { en: 'Two records share one record id', zh: '两条记录的记录编号相同' });
export const duplicateArchiveNo = duplicateRule('archive_no', 'duplicate-archive-no', { en: 'Two records share one archive number', zh: '两条记录的档号相同' });
