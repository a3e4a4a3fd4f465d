import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyEdits } from '../../src/core/fix/fixes';
import { appendMark, lastMark, readMarks, REVIEWS_PATH, type ReviewMark } from '../../src/core/review/marks';

const mark = (commit: string, extra: Partial<ReviewMark> = {}): ReviewMark => ({
  commit,
  reviewer: '李档案',
  email: 'li@example.com',
  date: '2026-11-26T10:00:00+08:00',
  ...extra,
});

describe('review marks', () => {
  test('a new file gets a header comment, the key and the entry, and reads back', () => {
    assert.equal(REVIEWS_PATH, '.records/reviews.yaml');
    for (const empty of [undefined, '', '  \n']) {
      const { newFile, edit } = appendMark(empty, mark('0123456789'));
      assert.equal(edit, undefined);
      assert.match(newFile!, /^# /);
      assert.match(newFile!, /\nreviews:\n {2}- commit: "0123456789"\n/);
      assert.deepEqual(readMarks(newFile), [mark('0123456789')]);
    }
  });

  test('appending keeps comments and every other byte; the last mark is the newest', () => {
    const text =
      '# reviews, keep in git\nreviews:\n  # first review\n  - commit: abc1234   # the release\n    reviewer: 王强\n    email: w@x\n    date: 2026-01-01\n# end of list\n';
    const { newFile, edit } = appendMark(text, mark('def5678', { comment: 'ok: "checked"' }));
    assert.equal(newFile, undefined);
    assert.equal(edit!.start, text.length);
    const next = applyEdits(text, [edit!]);
    assert.ok(next.startsWith(text), 'the old text is kept byte for byte');
    const marks = readMarks(next);
    assert.deepEqual(
      marks.map((m) => m.commit),
      ['abc1234', 'def5678'],
    );
    assert.equal(lastMark(marks)!.comment, 'ok: "checked"');
    assert.equal(marks[0].date, '2026-01-01');
  });

  test('the list indentation, CRLF, a missing final newline, an empty list and a following key are handled', () => {
    const flat = 'reviews:\r\n- commit: abc1234\r\n  reviewer: a\r\n  email: a@x\r\n  date: "2026-01-01"';
    const next = applyEdits(flat, [appendMark(flat, mark('def5678')).edit!]);
    assert.match(next, /date: "2026-01-01"\r\n- commit: "def5678"\r\n {2}reviewer:/);
    assert.deepEqual(
      readMarks(next).map((m) => m.commit),
      ['abc1234', 'def5678'],
    );
    const empty = 'reviews: []  # none yet\n';
    assert.deepEqual(
      readMarks(applyEdits(empty, [appendMark(empty, mark('def5678')).edit!])).map((m) => m.commit),
      ['def5678'],
    );
    const before = 'reviews:\n  - commit: abc1234\n    reviewer: a\nother: 1\n';
    const after = applyEdits(before, [appendMark(before, mark('def5678')).edit!]);
    assert.ok(after.endsWith('other: 1\n'));
    assert.deepEqual(
      readMarks(after).map((m) => m.commit),
      ['abc1234', 'def5678'],
    );
    const none = '# only a comment\n';
    assert.deepEqual(
      readMarks(applyEdits(none, [appendMark(none, mark('def5678')).edit!])).map((m) => m.commit),
      ['def5678'],
    );
  });

  test('reading is tolerant: bad entries are skipped, broken files give nothing', () => {
    const text =
      'reviews:\n  - commit: abc1234\n    reviewer: a\n  - reviewer: no commit\n  - just a string\n  - commit: not-hex!\n    reviewer: b\n  - commit: "0000000"\n    reviewer: c\n';
    assert.deepEqual(
      readMarks(text).map((m) => [m.commit, m.reviewer, m.email]),
      [
        ['abc1234', 'a', ''],
        ['0000000', 'c', ''],
      ],
    );
    assert.deepEqual(readMarks('reviews: [unclosed'), []);
    assert.deepEqual(readMarks('- a\n- b\n'), []);
    assert.equal(lastMark([]), undefined);
  });
});
