import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyAcceptances } from '../../src/core/index/accept';
import { openFolder } from '../../src/core/check/folder';
import { fileBaseline, readBaseline } from '../../src/core/check/baseline';
import { healthStats } from '../../src/core/health';
import type { Finding } from '../../src/core/model/findings';
import { record, REPO, tempWorkspace, VALID_SERVICE } from './helpers';

const CLI = path.join(REPO, 'dist/cli.js');
const run = (cwd: string, args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });

interface JsonOut {
  summary: { errors: number; warnings: number };
  findings: { path: string; code: string; severity: string; message: string; accepted: { severity: string; reason: string; by: string } | null }[];
}
const json = (cwd: string, ...args: string[]) => {
  const r = run(cwd, ['check', '.', '--format', 'json', ...args]);
  return { status: r.status, stderr: r.stderr, out: JSON.parse(r.stdout) as JsonOut };
};

const BAD_DATE = { ...VALID_SERVICE, id: 'FW-2', date: '2026-02-30' };

describe('accepting one finding where it stands', () => {
  test('a comment on the line accepts that finding, with its reason: information, not a failure; another code on the line still fails', () => {
    const root = tempWorkspace({
      'service/a.md': record(VALID_SERVICE).replace('date: 2026-03-01', 'date: 2026-02-30  # records-curator: accept invalid-date 原件如此，保留原样'),
    });
    const { status, out } = json(root);
    assert.equal(status, 0);
    const f = out.findings.find((x) => x.code === 'invalid-date');
    assert.ok(f, JSON.stringify(out.findings));
    assert.equal(f.severity, 'info');
    assert.deepEqual(f.accepted, { severity: 'error', reason: '原件如此，保留原样', by: 'inline' });
    assert.match(f.message, /accepted: 原件如此，保留原样/);
    assert.equal(out.summary.errors, 0);

    const other = tempWorkspace({
      'service/a.md': record(VALID_SERVICE).replace('date: 2026-03-01', 'date: 2026-02-30  # records-curator: accept invalid-datetime wrong code'),
    });
    assert.equal(json(other).status, 1, 'accepting another code accepts nothing');
  });

  test('a comment alone on the line above accepts the finding below it; one in the front matter accepts a finding on the record', () => {
    const above = record(VALID_SERVICE).replace('date: 2026-03-01', '# records-curator: accept invalid-date 合同原件日期\ndate: 2026-02-30');
    const missing = record({ ...VALID_SERVICE, id: 'FW-9', staff: '' }).replace('staff: \n', '# records-curator: accept missing-field 离职员工，未记录\n');
    const root = tempWorkspace({ 'service/a.md': above, 'service/b.md': missing });
    const { status, out } = json(root);
    assert.equal(status, 0, JSON.stringify(out.findings));
    assert.ok(out.findings.some((f) => f.path === 'service/a.md' && f.code === 'invalid-date' && f.accepted?.reason === '合同原件日期'));
    assert.ok(out.findings.some((f) => f.path === 'service/b.md' && f.code === 'missing-field' && f.accepted?.reason === '离职员工，未记录'));
  });

  test('a code whose severity is fixed cannot be accepted', () => {
    const f: Finding = { code: 'unreadable', severity: 'error', message: 'm', start: { line: 1, col: 0 }, end: { line: 1, col: 1 } };
    applyAcceptances([f], [{ line: 1, ownLine: false, code: 'unreadable', reason: 'because' }], 0, 'en');
    assert.equal(f.severity, 'error');
    assert.equal(f.data?.accepted, undefined);
  });
});

describe('a baseline for a repository that has findings already', () => {
  test('update-baseline, then only new findings fail; a fixed one is reported; lines moving keep a finding known', () => {
    const root = tempWorkspace({ 'service/a.md': record({ ...BAD_DATE, id: 'FW-1' }), 'service/b.md': record(BAD_DATE) });
    assert.equal(run(root, ['check', '.']).status, 1);

    const upd = run(root, ['check', '.', '--update-baseline']);
    assert.equal(upd.status, 0, upd.stderr);
    assert.match(upd.stderr, /wrote \.records\/baseline\.json: 2 known findings/);
    const written = JSON.parse(fs.readFileSync(path.join(root, '.records/baseline.json'), 'utf8')) as { findings: { path: string; code: string }[] };
    assert.deepEqual(
      written.findings.map((f) => [f.path, f.code]),
      [
        ['service/a.md', 'invalid-date'],
        ['service/b.md', 'invalid-date'],
      ],
    );

    const known = json(root);
    assert.equal(known.status, 0);
    assert.ok(known.out.findings.every((f) => f.severity === 'info' && f.accepted?.by === 'baseline'));

    // Lines move: a comment line added above the field; the finding is still the known one.
    fs.writeFileSync(path.join(root, 'service/a.md'), record({ ...BAD_DATE, id: 'FW-1' }).replace('date:', '# 备注\ndate:'));
    assert.equal(json(root).status, 0);

    // A new finding fails, and only it.
    fs.writeFileSync(path.join(root, 'service/c.md'), record({ ...BAD_DATE, id: 'FW-3' }));
    const fresh = json(root);
    assert.equal(fresh.status, 1);
    assert.deepEqual(
      fresh.out.findings.filter((f) => f.severity === 'error').map((f) => f.path),
      ['service/c.md'],
    );

    fs.rmSync(path.join(root, 'service/c.md'));

    // Fixed since: said so, and the next update drops it.
    fs.writeFileSync(path.join(root, 'service/a.md'), record({ ...VALID_SERVICE, id: 'FW-1' }));
    const fixed = run(root, ['check', '.']);
    assert.match(fixed.stderr, /1 findings of the baseline are fixed now/);
    run(root, ['check', '.', '--update-baseline']);
    const again = readBaseline(root).baseline;
    assert.ok(again && !again.findings.some((f) => f.path === 'service/a.md'));
  });

  test('a baseline file that is not one is an error said plainly, never ignored', () => {
    const root = tempWorkspace({ 'service/a.md': record(BAD_DATE), '.records/baseline.json': '{"version": 1, "findings": [{"path": 3}]}' });
    const r = run(root, ['check', '.']);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /baseline\.json is not a baseline records-curator wrote/);
    fs.writeFileSync(path.join(root, '.records/baseline.json'), '{oops');
    assert.match(run(root, ['check', '.']).stderr, /baseline\.json is not valid JSON/);
  });

  test('SARIF marks accepted findings as suppressed — in source with the reason, or by the baseline — keeping their level', () => {
    const root = tempWorkspace({
      'service/a.md': record(VALID_SERVICE).replace('date: 2026-03-01', 'date: 2026-02-30 # records-curator: accept invalid-date 原件'),
      'service/b.md': record(BAD_DATE),
    });
    run(root, ['check', '.', '--update-baseline']);
    const r = run(root, ['check', '.', '--format', 'sarif']);
    assert.equal(r.status, 0, r.stderr);
    const sarif = JSON.parse(r.stdout) as {
      runs: {
        results: {
          level: string;
          locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
          suppressions?: { kind: string; justification: string }[];
        }[];
      }[];
    };
    const byFile = new Map(sarif.runs[0].results.map((x) => [x.locations[0].physicalLocation.artifactLocation.uri, x]));
    assert.deepEqual(byFile.get('service/a.md')?.suppressions, [{ kind: 'inSource', justification: '原件' }]);
    assert.equal(byFile.get('service/a.md')?.level, 'error');
    assert.equal(byFile.get('service/b.md')?.suppressions?.[0].kind, 'external');
  });

  test('the Health Report counts as check counts and lists what was accepted, and why', async () => {
    const root = tempWorkspace({
      'service/a.md': record(VALID_SERVICE).replace('date: 2026-03-01', 'date: 2026-02-30 # records-curator: accept invalid-date 原件'),
      'service/b.md': record(BAD_DATE),
    });
    run(root, ['check', '.', '--update-baseline']);
    const f = await openFolder(root, 'en');
    const b = readBaseline(root).baseline;
    assert.ok(b);
    const s = await healthStats({ index: f.index, schema: f.schema.schema, today: '2026-12-01', soonDays: 30, baseline: fileBaseline(b) });
    assert.equal(s.errors, 0);
    assert.deepEqual(
      s.accepted.map((a) => [a.path, a.by, a.reason]),
      [
        ['service/a.md', 'inline', '原件'],
        ['service/b.md', 'baseline', ''],
      ],
    );
  });
});
