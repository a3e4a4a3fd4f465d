import { before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { healthStats, nextMonths, recordKey, type HealthStats } from '../../src/core/health/stats';
import { renderHealthHtml } from '../../src/core/health/html';
import { RecordIndex } from '../../src/core/index/record-index';
import { configureIndex } from '../../src/core/index/configure';
import { scanFolder } from '../../src/core/index/scan';
import { field, type RecordEntry } from '../../src/core/model/records';
import { dispositionOf } from '../../src/core/retention/disposition';
import { defaultSchemaText, loadSchema } from '../../src/core/schema/load';
import type { Schema } from '../../src/core/model/schema';
import { readWorkspaceSchema } from '../../src/core/schema/workspace';
import { SAMPLE } from './helpers';

const TODAY = '2026-11-26';
let index: RecordIndex;
let schema: Schema;
let stats: HealthStats;
const byKey = new Map<string, RecordEntry>();

before(async () => {
  const s = readWorkspaceSchema(SAMPLE);
  schema = s.schema;
  const { files } = await scanFolder({ root: SAMPLE, schema, lang: 'en', workers: 0 });
  index = new RecordIndex('en');
  configureIndex(index, schema);
  index.replaceAll(files);
  for (const r of index.records()) byKey.set(recordKey(r), r);
  stats = await healthStats({ index, schema, today: TODAY, soonDays: 90, unreviewed: 2, backup: { remote: true, unpushed: 0 } });
});

const dataKeys = (html: string) => [...html.matchAll(/data-key="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));

describe('health stats', () => {
  test('totals, errors and the optional state are carried through', async () => {
    assert.equal(stats.total, 50);
    assert.equal(stats.errors, 3);
    assert.equal(stats.warnings, 1);
    assert.equal(stats.unreviewed, 2);
    assert.deepEqual(stats.backup, { remote: true, unpushed: 0 });
    const bare = await healthStats({ index, schema, today: TODAY, soonDays: 90 });
    assert.equal('unreviewed' in bare || 'backup' in bare, false);
  });

  test('per category in schema order, with completeness: communication has 8 records, one broken', () => {
    assert.deepEqual(
      stats.byCategory.map((c) => c.key),
      ['basic', 'contract', 'transaction', 'service', 'communication', 'other'],
    );
    const comm = stats.byCategory.find((c) => c.key === 'communication')!;
    assert.deepEqual([comm.count, comm.complete, comm.label.zh], [8, 7, '沟通记录']);
    assert.equal(
      stats.byCategory.reduce((n, c) => n + c.count, 0),
      50,
    );
    assert.equal(stats.members['errors:communication'].length, 1);
    assert.ok(index.problemCounts(byKey.get(stats.members['errors:communication'][0])!).errors > 0);
  });

  test('disposition states in order of urgency; the early call is due; records with errors are left out as in the Disposal view', () => {
    assert.deepEqual(
      stats.byDisposition.map((d) => d.state),
      ['due', 'hold', 'active', 'retention'],
    );
    assert.equal(stats.byDisposition.find((d) => d.state === 'due')!.count, 1);
    assert.equal(
      stats.byDisposition.reduce((n, d) => n + d.count, 0),
      50 - 3,
      'the three records with errors are corrected first',
    );
  });

  test('the timeline has an overdue bucket and the next 12 months from today', () => {
    assert.deepEqual(
      stats.timeline.map((t) => t.month),
      ['overdue', ...nextMonths(TODAY)],
    );
    assert.equal(stats.timeline[1].month, '2026-11');
    assert.equal(stats.timeline[12].month, '2027-10');
    assert.equal(stats.timeline[0].count, 2, 'the due record and the held one');
    assert.deepEqual(nextMonths('2026-12-31', 2), ['2026-12', '2027-01']);
  });

  test('personal-information findings: one resident ID number', () => {
    assert.deepEqual(
      stats.personal.find((p) => p.code === 'pi-id-number'),
      { code: 'pi-id-number', count: 1 },
    );
    assert.deepEqual(
      stats.personal.map((p) => p.code),
      ['pi-id-number', 'pi-bank-card', 'pi-mobile'],
    );
    const [k] = stats.members['pi:pi-id-number'];
    const [file] = k.split('#');
    assert.ok(index.findings(file).some((f) => f.code === 'pi-id-number'));
  });

  test('members resolve to the records they stand for', () => {
    for (const [key, list] of Object.entries(stats.members)) {
      for (const k of list) assert.ok(byKey.has(k), `${key}: ${k} is a record`);
    }
    for (const k of stats.members['category:contract']) assert.equal(field(byKey.get(k)!, 'category'), 'contract');
    assert.equal(stats.members['category:contract'].length, 9);
    assert.equal(stats.members['complete:contract'].length, stats.byCategory.find((c) => c.key === 'contract')!.complete);
    for (const k of stats.members['disposition:due']) assert.equal(dispositionOf(byKey.get(k)!.data, schema, TODAY, 90).state, 'due');
    assert.ok(stats.members['disposition:due'].some((k) => k.includes('early-call.md')));
    assert.equal(stats.members['month:overdue'].length, 2);
    assert.deepEqual(stats.members['month:2027-01'], []);
  });
});

describe('health report HTML', () => {
  const opts = { language: 'both' as const, title: '定期检查 Health Report', date: TODAY };

  test('a complete document with cards, three SVG charts and the personal-information list', () => {
    const html = renderHealthHtml(stats, opts);
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<h1>定期检查 Health Report<\/h1>/);
    assert.ok(html.includes(TODAY));
    assert.equal(html.match(/<svg /g)?.length, 3);
    assert.ok(html.includes('沟通记录 Communication'));
    assert.ok(html.includes('7/8 · 88%'), 'completeness of communication');
    assert.ok(html.includes('身份证号 Resident ID numbers'));
    assert.match(html, /class="card bad"[^>]*><span class="v">3</);
    assert.match(html, /@media print/);
    assert.match(html, /Microsoft YaHei/);
    const en = renderHealthHtml(stats, { ...opts, language: 'en' });
    assert.ok(en.includes('Communication') && !en.includes('沟通记录'));
    assert.match(en, /<html lang="en">/);
  });

  test('every chart element carries a members key and is focusable', () => {
    const html = renderHealthHtml(stats, opts);
    const keys = dataKeys(html);
    for (const k of keys) assert.ok(k in stats.members, `${k} is a members key`);
    for (const k of ['category:contract', 'complete:contract', 'disposition:due', 'month:overdue', 'month:2027-01', 'pi:pi-id-number']) {
      assert.ok(keys.includes(k), k);
    }
    const tags = [...html.matchAll(/<[^>]*data-key="[^"]*"[^>]*>/g)].map((m) => m[0]);
    for (const t of tags) assert.match(t, /tabindex="0" role="button" aria-label="[^"]+"/);
  });

  test('the script and the export button only with a nonce', () => {
    const file = renderHealthHtml(stats, opts);
    assert.equal(/<script/i.test(file), false);
    assert.equal(file.includes('rc-export'), false);
    assert.ok(file.includes('default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;'));
    const view = renderHealthHtml(stats, { ...opts, nonce: 'abc123', cspSource: 'https://file+.vscode-resource.vscode-cdn.net' });
    assert.equal(view.match(/<script nonce="abc123">/g)?.length, 1);
    assert.ok(view.includes('script-src &#39;nonce-abc123&#39;'));
    assert.match(view, /acquireVsCodeApi\(\)/);
    assert.ok(view.includes("type: 'open'") && view.includes("type: 'export'"));
    assert.ok(view.includes('id="rc-export"'));
    assert.throws(() => renderHealthHtml(stats, { ...opts, nonce: '"><script>' }));
  });

  test('no remote content: http appears only inside the CSP meta', () => {
    for (const html of [renderHealthHtml(stats, opts), renderHealthHtml(stats, { ...opts, nonce: 'n0nce', cspSource: 'https://x.vscode-cdn.net' })]) {
      const rest = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
      assert.equal(/http/i.test(rest), false);
      assert.equal(/\b(src|href)=/.test(rest), false);
      assert.equal(/style="/.test(rest), false, 'no inline style attributes (the CSP forbids them)');
    }
  });

  test('all text is escaped, a category label with <script> included', async () => {
    const text = defaultSchemaText.replace(
      'label: { zh: 沟通记录, en: Communication }',
      `label: { zh: '<script>alert(1)</script>', en: '"><img src=x onerror=alert(1)>' }`,
    );
    const evil = loadSchema(text).schema;
    assert.equal(evil.categories.get('communication')!.label.zh, '<script>alert(1)</script>');
    const s = await healthStats({ index, schema: evil, today: TODAY, soonDays: 90 });
    for (const language of ['zh', 'en', 'both'] as const) {
      const html = renderHealthHtml(s, { language, title: '<b>T</b> & "x"', date: '<i>' });
      assert.equal(/<script/i.test(html), false);
      assert.equal(html.includes('<img'), false);
      assert.equal(html.includes('<b>T</b>'), false);
      assert.ok(html.includes('&lt;b&gt;T&lt;/b&gt; &amp; &quot;x&quot;'));
      assert.ok(!html.includes('<i>') && html.includes('&lt;i&gt;'), 'the date is escaped too');
    }
    assert.ok(renderHealthHtml(s, { ...opts, language: 'zh' }).includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  });
});
