// Check digits below were computed with an independent Python implementation of §7, not with the code under test.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findPersonalInfo, maskValue, type PiiHit } from '../../src/core/values/pii';

/** kind:value pairs, enough to compare most results at a glance. */
function found(text: string): string[] {
  return findPersonalInfo(text).map((h) => `${h.kind}:${h.value}`);
}

function assertOffsets(text: string, hits: PiiHit[]): void {
  for (const h of hits) assert.equal(text.slice(h.start, h.end), h.value);
}

describe('findPersonalInfo: ID numbers', () => {
  test('the §7 examples inside Chinese text', () => {
    const text = '身份证号11010519491231002X已核实，另一位：360426199101010071。';
    const hits = findPersonalInfo(text);
    assert.deepEqual(hits, [
      { kind: 'id-number', start: 4, end: 22, value: '11010519491231002X', confidence: 'high' },
      { kind: 'id-number', start: 30, end: 48, value: '360426199101010071', confidence: 'high' },
    ]);
  });
  test('lowercase x check character', () => {
    assert.deepEqual(found('id: 11010519491231002x'), ['id-number:11010519491231002x']);
  });
  test('wrong checksum or fake birth date is not an ID', () => {
    assert.deepEqual(found('号码110105194912310021和440304200102291233、110105198004310014'), []);
    assert.deepEqual(found('闰年440304200002291236'), ['id-number:440304200002291236']);
  });
  test('inside a longer digit or letter-digit run', () => {
    for (const t of ['011010519491231002X', '11010519491231002X1', 'HT11010519491231002X', '11010519491231002Xa', '36042619910101007100']) {
      assert.deepEqual(found(t), [], t);
    }
  });
  test('punctuation and spaces count as boundaries', () => {
    assert.deepEqual(found('(11010519491231002X)'), ['id-number:11010519491231002X']);
    assert.deepEqual(found('a 360426199101010071 b'), ['id-number:360426199101010071']);
  });
});

describe('findPersonalInfo: bank cards', () => {
  test('plain 16-19 digit runs passing Luhn', () => {
    assert.deepEqual(found('卡号6222021234567890128，备用卡6228480012345671'), ['bank-card:6222021234567890128', 'bank-card:6228480012345671']);
    const [hit] = findPersonalInfo('4111111111111111');
    assert.equal(hit.confidence, 'high');
  });
  test('grouped with spaces or hyphens', () => {
    const text = '账户 6222 0212 3456 7890 128 和 4111-1111-1111-1111。';
    const hits = findPersonalInfo(text);
    assert.deepEqual(
      hits.map((h) => h.value),
      ['6222 0212 3456 7890 128', '4111-1111-1111-1111'],
    );
    assertOffsets(text, hits);
  });
  test('mixed separators, double spaces and 20-digit grouped runs are not cards', () => {
    for (const t of [
      '4111 1111-1111 1111',
      '4111  1111  1111  1111',
      '6222 0212 3456 7890 1280',
      '1 4111 1111 1111 1111',
      '4111 1111 1111 1111 1',
      '4111 1111 1111 1111 2222',
      '2222 4111 1111 1111 1111',
      '4111-1111-1111-1111-22',
    ]) {
      assert.deepEqual(found(t), [], t);
    }
  });
  test('a grouped card next to a phone number is still found', () => {
    assert.deepEqual(found('6222 0212 3456 7890 128 13812345678'), ['bank-card:6222 0212 3456 7890 128', 'mobile:13812345678']);
  });
  test('Luhn failures are not reported, not even 62… UnionPay numbers', () => {
    assert.deepEqual(found('6222021234567890127 4111111111111112'), []);
  });
  test('inside longer digit runs or glued to letters', () => {
    for (const t of ['16222021234567890128', '62220212345678901280', 'INV6222021234567890128', '4111111111111111a']) {
      assert.deepEqual(found(t), [], t);
    }
  });
  test('ID-shaped 18 digits failing the ID checksum but passing Luhn is a card', () => {
    assert.deepEqual(found('编号110105194912310028'), ['bank-card:110105194912310028']);
  });
  test('a valid ID that also passes Luhn is reported once, as an ID', () => {
    assert.deepEqual(findPersonalInfo('证件110105198001010753'), [{ kind: 'id-number', start: 2, end: 20, value: '110105198001010753', confidence: 'high' }]);
  });
});

describe('findPersonalInfo: mobiles', () => {
  test('plain and prefixed', () => {
    const text = '联系13812345678或+86 139 0000 0000，+86-15912345678，008618612345678，+8617712345678';
    assert.deepEqual(found(text), ['mobile:13812345678', 'mobile:+86-15912345678', 'mobile:008618612345678', 'mobile:+8617712345678']);
    assertOffsets(text, findPersonalInfo(text));
  });
  test('letters around are fine, longer digit runs are not', () => {
    assert.deepEqual(found('Tel13812345678ext'), ['mobile:13812345678']);
    for (const t of ['138123456789', '013812345678', '8613812345678', '12812345678']) assert.deepEqual(found(t), [], t);
  });
});

describe('findPersonalInfo: masked forms and layout', () => {
  test('masked values are never reported', () => {
    const text = '身份证110105********002X，1101**********002X，电话138****1234，+86 138****1234，卡6222 **** **** 1234，6222***********0128';
    assert.deepEqual(findPersonalInfo(text), []);
  });
  test('CRLF text keeps offsets exact', () => {
    const text = '姓名：张三\r\n身份证：11010519491231002X\r\n手机：13812345678\r\n卡号：6222 0212 3456 7890 128\r\n';
    const hits = findPersonalInfo(text);
    assert.deepEqual(
      hits.map((h) => h.kind),
      ['id-number', 'mobile', 'bank-card'],
    );
    assertOffsets(text, hits);
    assert.equal(hits[0].start, text.indexOf('110105'));
  });
  test('offsets are UTF-16 code units (astral characters count twice)', () => {
    const text = '😀𠀀13812345678';
    assert.deepEqual(
      findPersonalInfo(text).map((h) => [h.start, h.end]),
      [[4, 15]],
    );
  });
  test('empty and number-free text', () => {
    assert.deepEqual(findPersonalInfo(''), []);
    assert.deepEqual(findPersonalInfo('没有任何号码的一段中文。'), []);
  });
  test('repeated calls give the same result (no leaked regex state)', () => {
    const text = 'x 13812345678 y';
    assert.deepEqual(findPersonalInfo(text), findPersonalInfo(text));
  });
});

describe('maskValue', () => {
  test('id-number keeps first 6 and last 4', () => {
    assert.equal(maskValue('id-number', '11010519491231002X'), '110105********002X');
  });
  test('mobile keeps first 3 and last 4 and the prefix', () => {
    assert.equal(maskValue('mobile', '13812345678'), '138****5678');
    assert.equal(maskValue('mobile', '+86 13812345678'), '+86 138****5678');
    assert.equal(maskValue('mobile', '008613812345678'), '0086138****5678');
  });
  test('bank card keeps first 4 and last 4, and space grouping', () => {
    assert.equal(maskValue('bank-card', '6222 0212 3456 1234'), '6222 **** **** 1234');
    assert.equal(maskValue('bank-card', '6222 0212 3456 7890 128'), '6222 **** **** ***0 128');
    assert.equal(maskValue('bank-card', '6222021234567890128'), '6222***********0128');
    assert.equal(maskValue('bank-card', '4111-1111-1111-1111'), '4111********1111');
  });
  test('masked output is not found again', () => {
    const text = '身份证11010519491231002X 手机+86 13812345678 卡6222 0212 3456 7890 128 卡6228480012345671';
    const masked = findPersonalInfo(text)
      .reverse()
      .reduce((t, h) => t.slice(0, h.start) + maskValue(h.kind, h.value) + t.slice(h.end), text);
    assert.equal(findPersonalInfo(text).length, 4);
    assert.deepEqual(findPersonalInfo(masked), []);
  });
});

describe('findPersonalInfo: performance sanity', () => {
  test('1 MB of mixed Chinese and numbers returns exactly the planted hits', () => {
    // 3 real hits per chunk; the rest are decoys (masked, bad checksum, embedded, too short, dates, amounts).
    const chunk =
      '客户张三，身份证11010519491231002X，手机13812345678，卡号6222 0212 3456 7890 128。' +
      '订单号20240315000123456789，错号110105194912310021，已脱敏138****1234与6222 **** **** 1234，' +
      '金额¥12,000.50，日期2024-02-29，合同HT11010519491231002X，座机010-12345678。\r\n';
    const reps = Math.ceil((1024 * 1024) / chunk.length);
    const text = chunk.repeat(reps);
    assert.ok(text.length >= 1024 * 1024);
    const hits = findPersonalInfo(text);
    assert.equal(hits.length, reps * 3);
    assert.deepEqual(
      hits.slice(0, 3).map((h) => h.kind),
      ['id-number', 'mobile', 'bank-card'],
    );
    const last = hits[hits.length - 1];
    assert.equal(last.start, (reps - 1) * chunk.length + chunk.indexOf('6222 0212'));
    assert.equal(last.value, '6222 0212 3456 7890 128');
  });
});
