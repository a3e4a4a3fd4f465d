import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { addDays, addYears } from '../../src/core/retention/dates';
import { dispositionOf } from '../../src/core/retention/disposition';
import { retentionOf } from '../../src/core/retention/retention';
import { scanFolder } from '../../src/core/index/scan';
import { defaultSchema, loadSchema } from '../../src/core/schema/load';
import { readWorkspaceSchema } from '../../src/core/schema/workspace';
import { SAMPLE } from './helpers';

const schema = defaultSchema();
const TODAY = '2026-11-26';

describe('retention', () => {
  test('a period counts from the date field; accounting records from the day after their fiscal year', () => {
    const service = retentionOf({ category: 'service', date: '2021-03-15' }, schema).governing!;
    // The day of the date is not counted (民法典 Art. 201); the last day is its anniversary (Art. 202).
    assert.deepEqual([service.code, service.start, service.until], ['D3', '2021-03-16', '2024-03-15']);
    // FY2019 counts from 2020-01-01 (会计档案管理办法 Art. 14); 30 years end on 2049-12-31, not 2050-01-01.
    const tx = retentionOf({ category: 'transaction', date: '2019-05-01' }, schema).governing!;
    assert.deepEqual([tx.code, tx.start, tx.until], ['D30', '2020-01-01', '2049-12-31']);
  });

  test('a contract counts from its completion; until then it waits and is active', () => {
    const done = retentionOf({ category: 'contract', term_end: '2021-02-28', contract_completed: '2021-03-31' }, schema).governing!;
    assert.deepEqual([done.from, done.until], ['contract_completed', '2031-03-31']);
    const running = dispositionOf({ category: 'contract', term_end: '2021-02-28' }, schema, TODAY, 90);
    assert.equal(running.state, 'active');
    assert.equal(running.retention.governing?.waitingFor, 'contract_completed');
  });

  test("the longest applicable period wins: category default, matching rules, the record's own code", () => {
    const s = loadSchema(
      `retention_rules:\n  - category: service\n    match: { service_type: implementation }\n    code: D10\n    from: date\n    basis: 项目验收资料\n`,
    ).schema;
    assert.equal(retentionOf({ category: 'service', service_type: 'implementation', date: '2020-01-01' }, s).governing?.until, '2030-01-01');
    assert.equal(retentionOf({ category: 'service', service_type: 'support', date: '2020-01-01' }, s).governing?.until, '2023-01-01');
    assert.equal(retentionOf({ category: 'service', date: '2020-01-01', retention: 'D5' }, schema).governing?.until, '2025-01-01');
    assert.equal(retentionOf({ category: 'service', date: '2020-01-01', retention: 'Y' }, schema).permanent, true);
  });

  test('29 February plus whole years lands on 28 February when the year has none', () => {
    assert.equal(addYears('2020-02-29', 3), '2023-02-28');
    assert.equal(addYears('2020-02-29', 4), '2024-02-29');
  });
});

describe('disposition', () => {
  test('due, due soon, running, on hold, and as recorded', () => {
    assert.equal(dispositionOf({ category: 'service', date: '2020-01-01' }, schema, TODAY, 90).state, 'due');
    assert.equal(dispositionOf({ category: 'service', date: '2023-12-31' }, schema, TODAY, 90).state, 'due-soon');
    assert.equal(dispositionOf({ category: 'service', date: '2025-12-31' }, schema, TODAY, 90).state, 'retention');
    assert.equal(dispositionOf({ category: 'service', date: '2025-12-31', status: 'active' }, schema, TODAY, 90).state, 'active');
    assert.equal(dispositionOf({ category: 'service', date: '2015-01-01', hold: true }, schema, TODAY, 90).state, 'hold');
    assert.equal(dispositionOf({ category: 'service', date: '2015-01-01', status: 'destroyed' }, schema, TODAY, 90).state, 'destroyed');
    // Transferred (PIPL Art. 22): the copy kept here is due once no legal period runs (Art. 47), kept while one does.
    assert.equal(dispositionOf({ category: 'service', date: '2015-01-01', status: 'transferred' }, schema, TODAY, 90).state, 'due');
    assert.equal(dispositionOf({ category: 'service', date: '2025-12-31', status: 'transferred' }, schema, TODAY, 90).state, 'transferred');
    assert.equal(dispositionOf({ category: 'transaction', date: '1990-01-01', retention: 'Y', status: 'transferred' }, schema, TODAY, 90).state, 'transferred');
    assert.equal(dispositionOf({ category: 'transaction', date: '1990-01-01', retention: 'Y' }, schema, TODAY, 90).state, 'retention');
    // A period running past year 9999 ends at the end of time, not in a five-digit year that sorts before today.
    assert.equal(dispositionOf({ category: 'service', date: '9999-12-31' }, schema, TODAY, 90).state, 'retention');
    assert.equal(addYears('9998-06-01', 30), '9999-12-31');
  });

  test('on the sample, of the records without errors exactly the early call is due, and the disputed emails are held', async () => {
    const s = readWorkspaceSchema(SAMPLE);
    const { files } = await scanFolder({ root: SAMPLE, schema: s.schema, lang: 'en', workers: 0 });
    const states = new Map<string, string[]>();
    for (const f of files.values())
      for (const r of f.records) {
        if (r.errors) continue; // a broken record is fixed before anything is decided about it
        const d = dispositionOf(r.data, s.schema, TODAY, 90).state;
        states.set(d, [...(states.get(d) ?? []), path.posix.basename(r.file)]);
      }
    assert.deepEqual(states.get('due'), ['early-call.md']);
    assert.deepEqual(states.get('hold'), ['dispute-emails.md']);
  });
});

describe('addDays', () => {
  test('agrees with the calendar for every day from 1899 to 2101 moved by -400…400 days, leap days included', () => {
    const viaDate = (date: string, days: number) =>
      new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) + days * 86400000).toISOString().slice(0, 10);
    let day = Date.UTC(1899, 0, 1);
    const end = Date.UTC(2101, 11, 31);
    let checked = 0;
    for (; day <= end; day += 86400000 * 7) {
      const date = new Date(day).toISOString().slice(0, 10);
      for (const n of [-400, -366, -365, -59, -31, -1, 0, 1, 28, 29, 30, 31, 59, 365, 366, 400, 401, 10957]) {
        assert.equal(addDays(date, n), viaDate(date, n), `${date} ${n}`);
        checked++;
      }
    }
    assert.ok(checked > 150_000);
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2100-02-28', 1), '2100-03-01', '2100 is not a leap year');
    assert.equal(addDays('2000-03-01', -1), '2000-02-29', '2000 is');
    assert.equal(addDays('2020-02-30', 0), '2020-03-01', 'an impossible date rolls over, as Date.UTC does');
  });

  test('an impossible month or day reads as Date reads it: a date, never NaN or month 13', () => {
    const viaDate = (date: string, days: number) =>
      new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) + days * 86400000).toISOString().slice(0, 10);
    for (const [date, n] of [
      ['2020-13-01', 0],
      ['2020-13-01', 30],
      ['2020-00-05', 1],
      ['2020-01-00', 1],
      ['2020-12-32', 0],
    ] as const) {
      assert.equal(addDays(date, n), viaDate(date, n), `${date} ${n}`);
      assert.match(addDays(date, n), /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
    }
  });
});
