import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { folderUri, formatText, relativeUri, sarifLog, sortItems, summaryLine, type ReportSummary } from '../../src/core/report';
import { CATALOGUE } from '../../src/core/rules/catalogue';
import { record, REPO, tempWorkspace, VALID_SERVICE } from './helpers';

const CLI = path.join(REPO, 'dist/cli.js');
const BROKEN = path.join(REPO, 'test/fixtures/broken');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, LANG: 'C' } });

const valid = (id: string, extra: Record<string, string> = {}) => record({ ...VALID_SERVICE, id, ...extra });
/** 张伟 in GBK: not UTF-8. */
const GBK_NAME = Uint8Array.from([0xd5, 0xc5, 0xce, 0xb0]);
const HUGE_BYTES = 5 * 1024 * 1024 + 1;
const hugeRecord = () => Buffer.concat([Buffer.from(valid('HUGE-001')), Buffer.alloc(HUGE_BYTES, 'x')]);

interface JsonOut {
  version: number;
  folder: string;
  summary: { records: number; files: number; errors: number; warnings: number; info: number; hints: number };
  findings: {
    path: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: string;
    code: string;
    message: string;
    record: number | null;
  }[];
}

/** Three defects whose positions are worked out by hand below. */
function defectsWorkspace(): string {
  return tempWorkspace({
    // Line 3 opens a flow sequence that is never closed; the parser notices at the start of line 4 (`title:`).
    'notes/broken.md': '---\nid: BRK-001\ntags: [a, b\ntitle: Broken\n---\nBody.\n',
    // `customer: ` is 10 characters, so the first GBK byte is at line 3, column 11.
    'legacy/gbk.md': Buffer.concat([Buffer.from('---\nid: GBK-001\ncustomer: '), GBK_NAME, Buffer.from('\n---\n')]),
    // `id: ` is 4 characters: both duplicates point at the value, line 2, column 5.
    'service/a.md': valid('SAME-001'),
    'service/b.md': valid('SAME-001'),
  });
}

const EXPECTED = [
  'legacy/gbk.md:3:11 error encoding',
  'notes/broken.md:4:1 error yaml-syntax',
  'service/a.md:2:5 error duplicate-id',
  'service/b.md:2:5 error duplicate-id',
];
const DEFECT_CODES = new Set(['encoding', 'yaml-syntax', 'duplicate-id']);
const LINE = /^(\S+):(\d+):(\d+) (error|warning|info|hint) (\S+) (.+)$/;

function parseSummary(line: string): { problems: number; errors: number; warnings: number; info: number; records: number; files: number } {
  const m = /^✖ (\d+) problems? \((\d+) errors?, (\d+) warnings?, (\d+) info\) in (\d+) records?, (\d+) files?$/.exec(line);
  assert.ok(m, `summary line: ${line}`);
  const [problems, errors, warnings, info, records, files] = m.slice(1).map(Number);
  return { problems, errors, warnings, info, records, files };
}

describe('records-curator check', () => {
  test('text: one `path:line:col severity code message` line per finding, sorted, then the summary; exit 1 on errors', () => {
    const root = defectsWorkspace();
    const res = run('check', root);
    assert.equal(res.status, 1, res.stderr);
    assert.doesNotMatch(res.stdout, /\x1b\[/, 'no colour when stdout is not a terminal');
    const lines = res.stdout.trimEnd().split('\n');
    const summary = lines.pop() as string;
    for (const l of lines) assert.match(l, LINE);
    const ours = lines.filter((l) => DEFECT_CODES.has((LINE.exec(l) as RegExpExecArray)[5]));
    assert.deepEqual(
      ours.map((l) => l.split(' ').slice(0, 3).join(' ')),
      EXPECTED,
    );
    assert.match(ours[0], /not valid UTF-8 .*GBK/);
    assert.match(ours[2], /duplicate record id SAME-001, also in service\/b\.md:1/);
    // Sorted by path, then line and column.
    const keys = lines.map((l) => LINE.exec(l) as RegExpExecArray).map((m) => [m[1], Number(m[2]), Number(m[3])] as const);
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]));
    assert.deepEqual(keys, sorted);
    const s = parseSummary(summary);
    assert.equal(s.records, 3, 'broken.md, a.md and b.md hold a record each; gbk.md cannot be read');
    assert.equal(s.files, 4);
    assert.equal(s.problems, lines.length);
    assert.equal(s.errors, lines.filter((l) => / error /.test(l)).length);
    assert.ok(s.errors >= 4);
    assert.equal(s.warnings, lines.filter((l) => / warning /.test(l)).length);
  });

  test('--format json gives the same findings with 1-based ranges and the totals', () => {
    const root = defectsWorkspace();
    const text = run('check', root).stdout.trimEnd().split('\n').slice(0, -1);
    const res = run('check', root, '--format', 'json');
    assert.equal(res.status, 1, res.stderr);
    const out = JSON.parse(res.stdout) as JsonOut;
    assert.equal(out.version, 1);
    assert.equal(out.folder, root);
    assert.deepEqual(
      out.findings.map((f) => `${f.path}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message.replace(/\s+/g, ' ').trim()}`),
      text,
    );
    const ours = out.findings.filter((f) => DEFECT_CODES.has(f.code));
    assert.deepEqual(
      ours.map((f) => `${f.path}:${f.line}:${f.column} ${f.severity} ${f.code}`),
      EXPECTED,
    );
    const dup = ours[2];
    assert.deepEqual([dup.endLine, dup.endColumn, dup.record], [2, 13, 0], '`SAME-001` spans columns 5–12, the end is exclusive');
    assert.equal(ours[0].record, null, 'an unreadable file has no record');
    const count = (sev: string) => out.findings.filter((f) => f.severity === sev).length;
    assert.deepEqual(out.summary, { records: 3, files: 4, errors: count('error'), warnings: count('warning'), info: count('info'), hints: count('hint') });
  });

  test('--format sarif is a SARIF 2.1.0 log GitHub code scanning accepts', () => {
    const root = defectsWorkspace();
    const res = run('check', root, '--format', 'sarif');
    assert.equal(res.status, 1, res.stderr);
    const log = JSON.parse(res.stdout);
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const [run0] = log.runs;
    const driver = run0.tool.driver;
    assert.equal(driver.name, 'records-curator');
    assert.equal(driver.version, JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
    assert.match(driver.informationUri, /^https:\/\//);
    const ids = driver.rules.map((r: { id: string }) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'one reportingDescriptor per code');
    for (const r of driver.rules) {
      assert.ok(r.shortDescription.text.length > 0);
      assert.ok(r.fullDescription.text.length > 0, 'GitHub code scanning wants fullDescription');
      assert.ok(r.help.text.includes(`docs/rules/${r.id}.md`));
      assert.equal(r.helpUri, undefined);
    }
    const folderUri = pathToFileURL(root).href + '/';
    assert.equal(run0.originalUriBaseIds.SRCROOT.uri, folderUri);
    assert.ok(run0.originalUriBaseIds.SRCROOT.uri.endsWith('/'));
    assert.ok(run0.results.length >= 4);
    for (const r of run0.results) {
      assert.ok(ids.includes(r.ruleId), `${r.ruleId} is in driver.rules`);
      assert.equal(ids[r.ruleIndex], r.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(r.level));
      assert.ok(r.message.text.length > 0);
      const loc = r.locations[0].physicalLocation;
      assert.equal(loc.artifactLocation.uriBaseId, 'SRCROOT');
      assert.doesNotMatch(loc.artifactLocation.uri, /^\/|^file:|\\/);
      const g = loc.region;
      for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn']) assert.ok(Number.isInteger(g[k]) && g[k] >= 1, `${k} is 1-based`);
      assert.ok(g.endLine > g.startLine || (g.endLine === g.startLine && g.endColumn >= g.startColumn));
    }
    const ours = run0.results.filter((r: { ruleId: string }) => DEFECT_CODES.has(r.ruleId));
    assert.deepEqual(
      ours.map(
        (r: {
          ruleId: string;
          level: string;
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[];
        }) => {
          const p = r.locations[0].physicalLocation;
          return `${p.artifactLocation.uri}:${p.region.startLine}:${p.region.startColumn} ${r.level} ${r.ruleId}`;
        },
      ),
      EXPECTED,
    );
  });

  test('a clean folder exits 0 with the ✔ summary, in English and in Chinese', () => {
    const root = tempWorkspace({ 'service/ok.md': valid('OK-001') });
    const en = run('check', root);
    assert.equal(en.status, 0, en.stdout + en.stderr);
    assert.equal(en.stdout, '✔ no problems in 1 record, 1 file\n');
    const zh = run('check', root, '--lang', 'zh');
    assert.equal(zh.status, 0);
    assert.equal(zh.stdout, '✔ 没有问题，共 1 条记录、1 个文件\n');
    const json = JSON.parse(run('check', root, '--format', 'json').stdout) as JsonOut;
    assert.deepEqual(json.findings, []);
    const sarif = JSON.parse(run('check', root, '--format', 'sarif').stdout);
    assert.deepEqual([sarif.runs[0].results, sarif.runs[0].tool.driver.rules], [[], []]);
  });

  test('warnings alone exit 0; --max-warnings 0 makes them fail; --quiet hides them but counts them', () => {
    const root = tempWorkspace({ 'service/ok.md': valid('OK-001'), 'service/huge.md': hugeRecord() });
    const plain = run('check', root);
    assert.equal(plain.status, 0, plain.stdout + plain.stderr);
    assert.match(plain.stdout, /^service\/huge\.md:1:1 warning too-large /m);
    assert.match(plain.stdout, /^✖ 1 problem \(0 errors, 1 warning, 0 info\) in 1 record, 2 files$/m);
    assert.equal(run('check', root, '--max-warnings', '0').status, 1);
    assert.equal(run('check', root, '--max-warnings=1').status, 0);
    const quiet = run('check', root, '--quiet');
    assert.equal(quiet.status, 0);
    assert.equal(quiet.stdout, '✖ 1 problem (0 errors, 1 warning, 0 info) in 1 record, 2 files\n');
    const zh = run('check', root, '--lang', 'zh', '--quiet');
    assert.equal(zh.stdout, '✖ 1 个问题（0 个错误，1 个警告，0 个提示），共 1 条记录、2 个文件\n');
  });

  test('usage errors exit 2: a bad --format or --max-warnings, a missing folder', () => {
    const root = tempWorkspace({ 'service/ok.md': valid('OK-001') });
    for (const args of [
      ['--format', 'xml'],
      ['--max-warnings', 'many'],
      ['--max-warnings', '-1'],
    ]) {
      const res = run('check', root, ...args);
      assert.equal(res.status, 2, args.join(' '));
      assert.match(res.stderr, /Usage: records-curator check/);
    }
    assert.equal(run('check', path.join(root, 'nope')).status, 2);
    assert.match(run('--help').stdout, /\bcheck\b/);
  });

  test('problems of .records/schema.yaml are reported on it with code `schema`', () => {
    const root = tempWorkspace({
      '.records/schema.yaml': 'version: 1\nfrobnicate: true\nrules:\n  missing-field: loud\n',
      'service/ok.md': valid('OK-001'),
    });
    const res = run('check', root, '--format', 'json');
    const out = JSON.parse(res.stdout) as JsonOut;
    const schema = out.findings.filter((f) => f.path === '.records/schema.yaml');
    assert.deepEqual(
      schema.map((f) => `${f.line}:${f.column} ${f.severity} ${f.code}`),
      ['2:1 warning schema', '4:18 error schema'],
    );
    assert.deepEqual([schema[0].endLine, schema[0].endColumn], [2, 11], '`frobnicate` is 10 characters');
    assert.equal(res.status, 1);
  });

  test('the broken-input corpus: no crash, the right finding for each file, BOM and CRLF parse cleanly, symlink loops end', () => {
    const root = tempWorkspace({ 'huge.md': hugeRecord() });
    fs.cpSync(BROKEN, root, { recursive: true });
    let links = true;
    try {
      fs.symlinkSync('.', path.join(root, 'loop'), 'dir');
      fs.mkdirSync(path.join(root, 'a'));
      fs.symlinkSync('../a', path.join(root, 'a/again'), 'dir');
      fs.symlinkSync('self.md', path.join(root, 'self.md'));
    } catch {
      links = false; // no symlinks on this system (Windows without the privilege)
    }
    const res = run('check', root, '--format', 'json');
    assert.equal(res.signal, null, 'terminated on its own');
    assert.equal(res.status, 1, res.stderr);
    assert.equal(res.stderr, '');
    const out = JSON.parse(res.stdout) as JsonOut;
    const codes = (file: string) => out.findings.filter((f) => f.path === file).map((f) => f.code);
    const expected: Record<string, string> = {
      'broken-yaml.md': 'yaml-syntax',
      'gbk.md': 'encoding',
      'binary.md': 'binary',
      'duplicate-keys.md': 'duplicate-key',
      'alias-bomb.md': 'yaml-alias-limit',
      'huge.md': 'too-large',
    };
    for (const [file, code] of Object.entries(expected)) assert.ok(codes(file).includes(code), `${file}: ${codes(file).join(', ')}`);
    const PARSE = /^(yaml-|duplicate-key$|not-a-mapping$|encoding$|binary$)/;
    for (const file of ['bom.md', 'crlf.md'])
      assert.deepEqual(
        codes(file).filter((c) => PARSE.test(c)),
        [],
        file,
      );
    if (links) assert.ok(!out.findings.some((f) => f.path.startsWith('loop/') || f.path.startsWith('a/again/')), 'symbolic links are not followed');
    // BOM and CRLF records parse to clean values: no U+FEFF in the first key, no `\r` in any value.
    const index = run('index', root, '--format', 'json');
    assert.equal(index.status, 0, index.stderr);
    const records = JSON.parse(index.stdout) as { path: string; id: string | null; title: string | null; fields: Record<string, unknown> | null }[];
    const bom = records.find((r) => r.path === 'bom.md');
    const crlf = records.find((r) => r.path === 'crlf.md');
    assert.equal(bom?.id, 'BOM-001');
    assert.equal(crlf?.id, 'CRLF-001');
    assert.equal(crlf?.title, '上门服务');
    assert.ok(!JSON.stringify(crlf?.fields).includes('\\r'));
    assert.ok(!Object.keys(bom?.fields ?? {}).some((k) => k.includes('\ufeff')));
  });
});

describe('report formatters', () => {
  const summary: ReportSummary = { folder: '/x', records: 2, files: 1, errors: 1, warnings: 0, info: 0, hints: 1 };
  const finding = { code: 'yaml-syntax', severity: 'error' as const, message: 'bad\n\n  line 2 ^\n', start: { line: 0, col: 2 }, end: { line: 0, col: 4 } };

  test('text folds multi-line messages onto one line and colours only on request', () => {
    const plain = formatText([{ path: 'a.md', finding }], summary, { lang: 'en' });
    assert.equal(plain, 'a.md:1:3 error yaml-syntax bad line 2 ^\n✖ 2 problems (1 error, 0 warnings, 0 info, 1 hint) in 2 records, 1 file\n');
    const color = formatText([{ path: 'a.md', finding }], summary, { lang: 'en', color: true });
    assert.match(color, /\x1b\[31merror\x1b\[0m/);
    assert.equal(color.replace(/\x1b\[\d+m/g, ''), plain);
  });

  test('the Chinese summary', () => {
    assert.equal(summaryLine(summary, 'zh'), '✖ 2 个问题（1 个错误，0 个警告，0 个提示，1 个建议），共 2 条记录、1 个文件');
  });

  test('SARIF: info and hint are notes; paths become relative URI references; an inverted range collapses', () => {
    const at = (line: number, col: number) => ({ line, col });
    const items = sortItems([
      { path: '客户/张 伟#1.md', finding: { code: 'batch-status', severity: 'hint', message: 'h', start: at(2, 0), end: at(2, 1) } },
      { path: '客户/张 伟#1.md', finding: { code: 'archive-no-gap', severity: 'info', message: 'i', start: at(1, 5), end: at(0, 0) } },
    ]);
    const log = sarifLog(items, summary, { version: '9.9.9' });
    const [r0, r1] = log.runs[0].results;
    assert.deepEqual([r0.ruleId, r0.level, r1.ruleId, r1.level], ['archive-no-gap', 'note', 'batch-status', 'note']);
    assert.equal(r0.locations[0].physicalLocation.artifactLocation.uri, '%E5%AE%A2%E6%88%B7/%E5%BC%A0%20%E4%BC%9F%231.md');
    assert.deepEqual(r0.locations[0].physicalLocation.region, { startLine: 2, startColumn: 6, endLine: 2, endColumn: 6 });
    assert.deepEqual(
      log.runs[0].tool.driver.rules.map((r) => [r.id, r.shortDescription.text]),
      [
        ['archive-no-gap', 'Item numbers missing before an archive number in its class'],
        ['batch-status', "The batch's status is not draft, approved or executed"],
      ],
    );
    assert.match(folderUri(process.cwd()), /^file:\/\/.*\/$/);
    assert.equal(relativeUri('a/b.md'), 'a/b.md');
  });

  test('SARIF describes every code of the catalogue with its title and its docs page, in English or Chinese', () => {
    const items = [...CATALOGUE.keys()].map((code) => ({
      path: 'a.md',
      finding: { code, severity: 'error' as const, message: 'm', start: { line: 0, col: 0 }, end: { line: 0, col: 1 } },
    }));
    for (const lang of ['en', 'zh'] as const) {
      const rules = sarifLog(items, summary, { version: '1', lang }).runs[0].tool.driver.rules;
      assert.equal(rules.length, CATALOGUE.size);
      for (const r of rules) {
        assert.equal(r.shortDescription.text, CATALOGUE.get(r.id)!.title[lang]);
        assert.ok(r.fullDescription.text.includes(`docs/rules/${r.id}.md`));
      }
    }
  });

  test("check reports the batches' findings and the schema file's, as the editor does, and exits 1", () => {
    const root = tempWorkspace({
      'service/a.md': valid('FW-1'),
      '.records/schema.yaml': 'version: 1\nrules:\n  missing-feild: warning\n',
      'disposal/XH-2026-001.md': '---\nkind: destruction-batch\nbatch_id: XH-2026-001\nstatus: draft\nrecords:\n  - path: "../outside.md"\n    index: 0\n---\n',
    });
    const r = run('check', root, '--format', 'json');
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout) as JsonOut;
    const codes = out.findings.map((f) => `${f.path}:${f.line} ${f.code}`);
    assert.ok(codes.includes('disposal/XH-2026-001.md:6 batch-item-path'), codes.join('\n'));
    assert.ok(codes.includes('.records/schema.yaml:3 schema'), codes.join('\n'));
  });

  test('check --fix-dry-run shows the fixes as a diff and writes nothing; --fix writes them and reports what is left', () => {
    const bad = record({ ...VALID_SERVICE, id: 'FW-9', service_type: 'suport', date: '2026/3/5' }, '手机 13912345678。\n');
    const root = tempWorkspace({ 'service/a.md': bad, 'service/b.md': valid('FW-10') });
    const dry = run('check', root, '--fix-dry-run');
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, /^-service_type: suport$/m);
    assert.match(dry.stdout, /^\+service_type: support$/m);
    assert.match(dry.stdout, /^\+date: 2026-03-05$/m);
    assert.match(dry.stdout, /^\+手机 139\*{4}5678。$/m);
    assert.match(dry.stderr, /would fix 3 problems in 1 files \(nothing written\)/);
    assert.equal(fs.readFileSync(path.join(root, 'service/a.md'), 'utf8'), bad, 'a dry run writes nothing');
    const fixed = run('check', root, '--fix');
    assert.equal(fixed.status, 0, fixed.stdout + fixed.stderr);
    assert.match(fixed.stderr, /fixed 3 problems in 1 files/);
    assert.match(fixed.stdout, /no problems/);
    assert.equal(
      fs.readFileSync(path.join(root, 'service/a.md'), 'utf8'),
      bad.replace('suport', 'support').replace('2026/3/5', '2026-03-05').replace('13912345678', '139****5678'),
    );
    assert.equal(run('check', root, '--fix', '--fix-dry-run').status, 2);
  });
});
