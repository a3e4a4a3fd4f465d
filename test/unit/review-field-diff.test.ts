import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fieldDiff, formatValue } from '../../src/core/review/field-diff';
import { escapeMarkdown } from '../../src/core/text/escape';
import { maskText } from '../../src/core/review/markdown';

describe('fieldDiff', () => {
  test('added, removed and changed fields: after-order first, then removed keys', () => {
    const before = { id: 'A', title: 'Old', gone: 1, same: 'x' };
    const after = { title: 'New', id: 'A', same: 'x', extra: true };
    assert.deepEqual(fieldDiff(before, after), [
      { field: 'title', kind: 'changed', before: 'Old', after: 'New' },
      { field: 'extra', kind: 'added', after: true },
      { field: 'gone', kind: 'removed', before: 1 },
    ]);
  });

  test('lists and maps compare by value; order within a list matters', () => {
    assert.deepEqual(fieldDiff({ p: ['a', 'b'], m: { x: 1, y: [2] } }, { p: ['a', 'b'], m: { y: [2], x: 1 } }), []);
    assert.deepEqual(fieldDiff({ p: ['a', 'b'] }, { p: ['b', 'a'] }), [{ field: 'p', kind: 'changed', before: ['a', 'b'], after: ['b', 'a'] }]);
    assert.deepEqual(
      fieldDiff({ m: { x: 1 } }, { m: { x: 1, z: null } }).map((c) => c.kind),
      ['changed'],
    );
  });

  test('a number and the same digits as a string differ; null is a value', () => {
    assert.deepEqual(fieldDiff({ amount: 100 }, { amount: '100' }), [{ field: 'amount', kind: 'changed', before: 100, after: '100' }]);
    assert.deepEqual(fieldDiff({ amount: 100 }, { amount: 100.0 }), []);
    assert.deepEqual(fieldDiff({ a: null }, { a: undefined }), [{ field: 'a', kind: 'changed', before: null, after: undefined }]);
    assert.deepEqual(fieldDiff({ a: null }, { a: null }), []);
  });

  test('an absent record is all added or all removed', () => {
    assert.deepEqual(fieldDiff(undefined, { id: 'A' }), [{ field: 'id', kind: 'added', after: 'A' }]);
    assert.deepEqual(fieldDiff({ id: 'A' }, undefined), [{ field: 'id', kind: 'removed', before: 'A' }]);
    assert.deepEqual(fieldDiff(undefined, undefined), []);
  });
});

describe('formatValue and the Markdown helpers', () => {
  test('strings as is, lists in brackets, null and undefined as a dash', () => {
    assert.equal(formatValue('张伟'), '张伟');
    assert.equal(formatValue(['a', 'b', 3]), '[a, b, 3]');
    assert.equal(formatValue(null), '—');
    assert.equal(formatValue(undefined), '—');
    assert.equal(formatValue(12.5), '12.5');
    assert.equal(formatValue(false), 'false');
    assert.equal(formatValue({ k: ['x'] }), '{k: [x]}');
  });

  test('ID, card and mobile numbers are masked, also an ID number with a wrong check digit', () => {
    assert.equal(maskText('id 11010519491231002X here'), 'id 110105********002X here');
    assert.equal(maskText('11010519491231002Y'.replace('Y', '3')), '110105********0023');
    assert.equal(maskText('call 13812345678'), 'call 138****5678');
    assert.equal(maskText('card 6222 0212 3456 7890 128'), 'card 6222 **** **** ***0 128');
    // A card-shaped run that fails the Luhn check is still masked in a review.
    assert.equal(maskText('card 6222021234567890127'), 'card 6222***********0127');
    assert.equal(maskText('HT-2024-001, 2020-02-30, 100000'), 'HT-2024-001, 2020-02-30, 100000');
  });

  test('pipes and line breaks cannot break a table', () => {
    assert.equal(escapeMarkdown('a|b\nc'), 'a\\|b<br>c');
    assert.equal(escapeMarkdown('<img src=x>'), '\\<img src=x\\>');
  });
});
