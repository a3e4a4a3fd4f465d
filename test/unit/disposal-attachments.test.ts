import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { planApproval } from '../../src/core/disposal/approve';
import { readBatch } from '../../src/core/disposal/batch';
import { checkBatch } from '../../src/core/disposal/check';
import { batchContextOf } from '../../src/core/disposal/context';
import { documentCuts, planExecution } from '../../src/core/disposal/execute';
import { applyEdits } from '../../src/core/fix/fixes';
import { indexText } from '../../src/core/index/index-file';
import type { FileEntry } from '../../src/core/model/records';
import { parseRecordText } from '../../src/core/parse/record-file';
import { allRules } from '../../src/core/rules';
import { defaultSchema } from '../../src/core/schema/load';
import { offlineFingerprints, SIGNED, withOpinion } from './batch-helpers';
import { tempWorkspace } from './helpers';
import { callRecord } from './git-fixtures';

const schema = defaultSchema();
const opts = { schema, lang: 'en' as const, rules: allRules, fileExists: () => true };
const TODAY = '2026-11-26';

/** The batch check's view of a real folder: every .md/.yaml file indexed, as the editor or the CLI would. */
function ctxOf(root: string) {
  const entries = new Map<string, FileEntry>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = dir ? `${dir}/${e.name}` : e.name;
      if (e.isDirectory() && e.name !== 'disposal') walk(rel);
      else if (e.isFile() && /\.(md|ya?ml)$/.test(e.name))
        entries.set(rel, indexText(rel, fs.readFileSync(path.join(root, rel), 'utf8'), { mtimeMs: 0, size: 0 }, opts));
    }
  };
  walk('');
  return batchContextOf(
    root,
    'en',
    schema,
    (p) => entries.get(p),
    () => entries.values(),
  );
}

function draft(paths: string[]): string {
  return [
    '---',
    'kind: destruction-batch',
    'batch_id: "XH-2026-050"',
    'status: draft',
    'retention: Y',
    ...SIGNED,
    'method: git-purge',
    'place: 档案室',
    'scheduled_at: 2026-12-01T10:00+08:00',
    'records:',
    ...paths.flatMap((p) => [`  - path: "${p}"`, '    index: 0']),
    '---',
    '',
    '# batch',
    '',
  ].join('\n');
}

const codes = (text: string, root: string) => checkBatch(text, ctxOf(root)).map((f) => `${f.code}: ${f.message}`);

describe('attachments go with their record, and only those', () => {
  const refused: [string, string, Record<string, string>, RegExp][] = [
    ['a path through a symbolic link', 'link/scan.pdf', {}, /symbolic link/],
    ['a path that climbs out and back', 'scans/../scans/scan.pdf', {}, /not a plain relative path|outside/],
    ['another record', '/calls/b.md', {}, /is a record, a batch or the schema/],
    ['a batch', '/disposal/XH-2026-001.md', { 'disposal/XH-2026-001.md': '---\nkind: destruction-batch\n---\n' }, /is a record, a batch or the schema/],
  ];
  for (const [what, value, extra, message] of refused) {
    test(`an attachment that is ${what} is a finding on the entry, and the batch cannot be approved`, async () => {
      const root = tempWorkspace({
        'calls/a.md': callRecord('GT-1', [`attachments: [${JSON.stringify(value)}]`]),
        'calls/b.md': callRecord('GT-2'),
        'calls/scans/scan.pdf': 'x',
        ...extra,
      });
      fs.symlinkSync(path.join(root, 'calls/scans'), path.join(root, 'calls/link'));
      const text = draft(['calls/a.md']);
      const found = codes(text, root);
      assert.equal(found.length, 1, found.join('\n'));
      assert.match(found[0], /^batch-attachment: /);
      assert.match(found[0], message);
      const plan = planApproval(text, ctxOf(root), TODAY, await offlineFingerprints(text, ctxOf(root)));
      assert.equal(plan.ok, false);
    });
  }

  test('a scan shared with a record the batch does not destroy is refused; listing both records is fine', () => {
    const root = tempWorkspace({
      'calls/a.md': callRecord('GT-1', ['attachments: [scans/shared.pdf]']),
      'calls/b.md': callRecord('GT-2', ['attachments: [scans/shared.pdf]']),
      'calls/scans/shared.pdf': 'x',
    });
    assert.match(codes(draft(['calls/a.md']), root).join(), /also the attachment of calls\/b\.md#0/);
    assert.deepEqual(codes(draft(['calls/a.md', 'calls/b.md']), root), []);
  });

  test('execution deletes the scan with its record and tombstones it; a scan named but missing is tombstoned, not invented', async () => {
    const root = tempWorkspace({ 'calls/a.md': callRecord('GT-1', ['attachments: [scans/a.pdf, scans/gone.pdf]']), 'calls/scans/a.pdf': 'SCAN' });
    const text = withOpinion(root, draft(['calls/a.md']), ctxOf(root));
    const ctx = ctxOf(root);
    const plan = planApproval(text, ctx, TODAY, await offlineFingerprints(text, ctx));
    assert.ok(plan.ok);
    const approved = applyEdits(text, plan.edits);
    assert.deepEqual(readBatch(approved)!.items[0].attachments, ['calls/scans/a.pdf', 'calls/scans/gone.pdf']);
    const run = planExecution(approved, ctxOf(root), TODAY, 'now');
    assert.ok(run.ok, JSON.stringify(run));
    assert.deepEqual(run.plan.deleteFiles, ['calls/a.md', 'calls/scans/a.pdf']);
    const tombs = readBatch(applyEdits(approved, run.plan.batchEdits))!.data.tombstones as Record<string, string>[];
    assert.deepEqual(
      tombs.map((t) => [t.path, t.attachment_of ?? t.id]),
      [
        ['calls/a.md', 'GT-1'],
        ['calls/scans/a.pdf', 'GT-1'],
        ['calls/scans/gone.pdf', 'GT-1'],
      ],
    );
  });

  test('approved attachments edited by hand to name another file: refused, and the file survives', async () => {
    const root = tempWorkspace({ 'calls/a.md': callRecord('GT-1', ['attachments: [scans/a.pdf]']), 'calls/scans/a.pdf': 'SCAN', 'calls/keep.pdf': 'KEEP' });
    const text = withOpinion(root, draft(['calls/a.md']), ctxOf(root));
    const plan = planApproval(text, ctxOf(root), TODAY, await offlineFingerprints(text, ctxOf(root)));
    assert.ok(plan.ok);
    const forged = applyEdits(text, plan.edits).replace('attachments: ["calls/scans/a.pdf"]', 'attachments: ["calls/keep.pdf"]');
    assert.match(codes(forged, root).join(), /attachments listed \(calls\/keep\.pdf\) are not the ones the record names \(calls\/scans\/a\.pdf\)/);
    assert.equal(planExecution(forged, ctxOf(root), TODAY, 'now').ok, false);
    assert.ok(fs.existsSync(path.join(root, 'calls/keep.pdf')));
  });

  test('an attachment changed after approval stops the execution', async () => {
    const root = tempWorkspace({ 'calls/a.md': callRecord('GT-1', ['attachments: [scans/a.pdf]']), 'calls/scans/a.pdf': 'SCAN' });
    const text = withOpinion(root, draft(['calls/a.md']), ctxOf(root));
    const plan = planApproval(text, ctxOf(root), TODAY, await offlineFingerprints(text, ctxOf(root)));
    assert.ok(plan.ok);
    fs.writeFileSync(path.join(root, 'calls/scans/a.pdf'), 'REPLACED');
    assert.match(
      codes(applyEdits(text, plan.edits), root).join(),
      /batch-record-changed: calls\/a\.md: attachment calls\/scans\/a\.pdf changed after the batch was approved/,
    );
  });
});

test('neighbouring documents of a YAML stream are cut in one piece, not in two overlapping ones', () => {
  const text = 'id: Y1\ntitle: one\n---\nid: Y2\ntitle: two\n---\nid: Y3\ntitle: three\n';
  const parsed = parseRecordText(text, 'yaml');
  assert.equal(applyEdits(text, documentCuts(text, parsed, new Set([0, 1]))), 'id: Y3\ntitle: three\n');
  assert.equal(applyEdits(text, documentCuts(text, parsed, new Set([1, 2]))), 'id: Y1\ntitle: one\n');
});
