import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { planArchiveNumbers } from '../../src/core/archive/assign';
import { applyEdits, setFieldEdits } from '../../src/core/fix/fixes';
import { indexText } from '../../src/core/index/index-file';
import { allRules } from '../../src/core/rules';
import { defaultSchema } from '../../src/core/schema/load';
import { record, VALID_SERVICE } from './helpers';

const schema = defaultSchema();
const opts = { schema, lang: 'en' as const, rules: allRules, fileExists: () => true };
const rec = (path: string, fields: Record<string, string>) => indexText(path, record(fields), { mtimeMs: 0, size: 0 }, opts).records[0];

describe('planning archive numbers', () => {
  test('numbers continue after the highest in each scope, oldest first, and never renumber', () => {
    const kept = rec('k.md', { ...VALID_SERVICE, id: 'K', retention: 'D3', archive_no: 'Z001-WS·2026-D3-FW-0007' });
    const late = rec('b.md', { ...VALID_SERVICE, id: 'B', date: '2026-09-01', retention: 'D3' });
    const early = rec('a.md', { ...VALID_SERVICE, id: 'A', date: '2026-02-01', retention: 'D3' });
    const other = rec('c.md', { ...VALID_SERVICE, id: 'C', date: '2025-02-01' });
    const plan = planArchiveNumbers([late, early, other, kept], [kept, late, early, other], schema);
    assert.deepEqual(
      plan.assignments.map((a) => [a.record.file, a.archiveNo]),
      [
        ['c.md', 'Z001-WS·2025-D3-FW-0001'],
        ['a.md', 'Z001-WS·2026-D3-FW-0008'],
        ['b.md', 'Z001-WS·2026-D3-FW-0009'],
      ],
    );
    assert.equal(plan.kept, 1);
  });

  test('refuses records it cannot number, saying why; the category default retention applies when a record has none', () => {
    const noDate = rec('d.md', { ...VALID_SERVICE, id: 'D', date: '2026-02-30' });
    const unknown = rec('u.md', { ...VALID_SERVICE, id: 'U', category: 'misc' });
    const plan = planArchiveNumbers([noDate, unknown], [noDate, unknown], schema, () => 0);
    assert.deepEqual(
      plan.refused.map((r) => [r.record.file, r.reason]),
      [
        ['d.md', 'date'],
        ['u.md', 'category'],
      ],
    );
    const withErrors = planArchiveNumbers([noDate], [noDate], schema);
    assert.deepEqual(
      withErrors.refused.map((r) => r.reason),
      ['errors'],
    );
  });

  test('never produces a number already taken, even out of sequence', () => {
    const taken = rec('t.md', { ...VALID_SERVICE, id: 'T', category: 'service', date: '2026-01-01', retention: 'D3', archive_no: 'Z001-WS·2026-D3-FW-0001' });
    const oddball = rec('o.md', { ...VALID_SERVICE, id: 'O', archive_no: 'Z001-WS·2026-D3-FW-0002', date: '2026-01-01', retention: 'D3' });
    const fresh = rec('f.md', { ...VALID_SERVICE, id: 'F', retention: 'D3' });
    const plan = planArchiveNumbers([fresh], [taken, oddball, fresh], schema);
    assert.equal(plan.assignments[0].archiveNo, 'Z001-WS·2026-D3-FW-0003');
  });
});

describe('setting a field in a record file', () => {
  test('fills an empty value in place, keeping the comment after it', () => {
    const text = '---\nid: A\narchive_no:   # 待编号\ntitle: t\n---\n';
    assert.equal(
      applyEdits(text, setFieldEdits('a.md', text, [{ record: 0, field: 'archive_no', value: 'Z001-WS·2026-D3-FW-0001' }])),
      '---\nid: A\narchive_no: Z001-WS·2026-D3-FW-0001   # 待编号\ntitle: t\n---\n',
    );
  });

  test('replaces a quoted value keeping its quotes, and adds an absent field as a last line', () => {
    const text = "---\r\nid: A\r\narchive_no: ''\r\n---\r\n";
    assert.equal(
      applyEdits(
        text,
        setFieldEdits('a.md', text, [
          { record: 0, field: 'archive_no', value: 'X-1' },
          { record: 0, field: 'status', value: 'archived' },
        ]),
      ),
      "---\r\nid: A\r\narchive_no: 'X-1'\r\nstatus: archived\r\n---\r\n",
    );
  });

  test('in a YAML stream, only the named document changes', () => {
    const text = 'id: A\ntitle: a\n---\nid: B\ntitle: b\n';
    assert.equal(
      applyEdits(text, setFieldEdits('s.yaml', text, [{ record: 1, field: 'archive_no', value: 'N-2' }])),
      'id: A\ntitle: a\n---\nid: B\ntitle: b\narchive_no: N-2\n',
    );
  });
});
