// Expected check digits below were computed with an independent Python implementation of §7, not with checks.ts.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isEmail,
  isMaskedIdNumber,
  isMaskedMobile,
  isMobile,
  isMoney,
  isPhone,
  isValidCreditCode,
  isValidIdNumber,
  luhnValid,
  normalizeDate,
  parseDate,
  parseDateTime,
} from '../../src/core/values/checks';

describe('isValidIdNumber', () => {
  test('accepts the §7 examples and other valid numbers', () => {
    for (const s of ['11010519491231002X', '11010519491231002x', '360426199101010071', '320106198506151231', '11010519000101001X']) {
      assert.equal(isValidIdNumber(s), true, s);
    }
  });
  test('rejects wrong checksums', () => {
    for (const s of ['110105194912310021', '360426199101010072', '36042619910101007X', '110105194912310028']) {
      assert.equal(isValidIdNumber(s), false, s);
    }
  });
  test('birth date must exist, with leap years', () => {
    assert.equal(isValidIdNumber('440304200002291236'), true, '2000-02-29: divisible by 400');
    assert.equal(isValidIdNumber('110105202402290011'), true, '2024-02-29');
    assert.equal(isValidIdNumber('440304200102291233'), false, '2001-02-29, checksum right');
    assert.equal(isValidIdNumber('110105198004310014'), false, 'April 31, checksum right');
  });
  test('birth year between 1900 and this year', () => {
    assert.equal(isValidIdNumber('110105189912310015'), false, '1899');
    assert.equal(isValidIdNumber('110105209001010017'), false, '2090 is in the future');
  });
  test('rejects wrong shapes', () => {
    for (const s of ['', '11010519491231002', '11010519491231002XX', '01010519491231002X', '1101051949123100X2', ' 11010519491231002X', '11010519491231002Y']) {
      assert.equal(isValidIdNumber(s), false, JSON.stringify(s));
    }
  });
});

describe('isMaskedIdNumber', () => {
  test('accepts masked forms', () => {
    for (const s of ['110105********002X', '1101**********002X', '110105199*******2X', '110105********0021', '****************2x']) {
      assert.equal(isMaskedIdNumber(s), true, s);
    }
  });
  test('rejects unmasked, barely masked, all stars and wrong lengths', () => {
    for (const s of [
      '11010519491231002X',
      '110105194912***02X',
      '******************',
      '110105********002',
      '110105********002XX',
      '1101X5********002X',
      '110105********002Y',
    ]) {
      assert.equal(isMaskedIdNumber(s), false, s);
    }
  });
});

describe('isValidCreditCode', () => {
  test('accepts valid codes', () => {
    for (const s of ['91110000600037341L', '91350100M000100Y43', '91440300MA5EXAMPLA']) assert.equal(isValidCreditCode(s), true, s);
  });
  test('weighted sum divisible by 31 gives check character 0, not out of range', () => {
    assert.equal(isValidCreditCode('911101080000000080'), true);
    assert.equal(isValidCreditCode('911101080000000081'), false);
  });
  test('rejects wrong checksum, excluded letters, lowercase and bad shape', () => {
    for (const s of [
      '91110000600037341K',
      '91350100M000100Y44',
      '91110000600037341I',
      '91110000600O37341L',
      '91110000600037341l',
      '9111000060003734L',
      '911100006000373411L',
      '9111A000600037341L',
      '',
    ]) {
      assert.equal(isValidCreditCode(s), false, s);
    }
  });
});

describe('luhnValid', () => {
  test('valid and invalid numbers', () => {
    assert.equal(luhnValid('4111111111111111'), true);
    assert.equal(luhnValid('6222021234567890128'), true);
    assert.equal(luhnValid('6228480012345671'), true);
    assert.equal(luhnValid('6222021234567890127'), false);
    assert.equal(luhnValid('4111111111111112'), false);
  });
  test('non-digits and empty are refused', () => {
    assert.equal(luhnValid(''), false);
    assert.equal(luhnValid('4111 1111 1111 1111'), false);
    assert.equal(luhnValid('411111111111111a'), false);
  });
});

describe('phones', () => {
  test('isMobile', () => {
    for (const s of ['13812345678', '19912345678', '+8613812345678', '+86 13812345678', '+86-13812345678', '008613812345678']) {
      assert.equal(isMobile(s), true, s);
    }
    for (const s of ['12812345678', '1381234567', '138123456789', '138-1234-5678', '8613812345678', '138****1234', ' 13812345678']) {
      assert.equal(isMobile(s), false, s);
    }
  });
  test('isMaskedMobile', () => {
    for (const s of ['138****1234', '+86 138****1234', '0086138****1234']) assert.equal(isMaskedMobile(s), true, s);
    for (const s of ['13812345678', '138***1234', '138*****1234', '128****1234']) assert.equal(isMaskedMobile(s), false, s);
  });
  test('isPhone', () => {
    for (const s of [
      '13812345678',
      '138****1234',
      '010-12345678',
      '01012345678',
      '0755-1234567',
      '021-87654321-8001',
      '400-123-4567',
      '4001234567',
      '800-123-4567',
    ]) {
      assert.equal(isPhone(s), true, s);
    }
    for (const s of ['12345678', '010-123456', '021-87654321-1234567', '500-123-4567', 'abc', '']) {
      assert.equal(isPhone(s), false, s);
    }
  });
});

describe('isEmail', () => {
  test('accepts ordinary and IDN addresses', () => {
    for (const s of [
      'a@b.cn',
      'zhang.san+crm@example.com.cn',
      "o'brien@mail.example.org",
      'user@例子.中国',
      'info@example.xn--fiqs8s',
      'x@sub-domain.example.公司',
    ]) {
      assert.equal(isEmail(s), true, s);
    }
  });
  test('rejects malformed addresses', () => {
    for (const s of [
      '',
      'plain',
      '@example.com',
      'a@',
      'a@b',
      'a@b.c',
      'a..b@example.com',
      '.a@example.com',
      'a.@example.com',
      'a@-example.com',
      'a@example-.com',
      'a b@example.com',
      'a@@example.com',
      'a@example..com',
      `${'x'.repeat(65)}@example.com`,
    ]) {
      assert.equal(isEmail(s), false, s);
    }
  });
});

describe('parseDate', () => {
  test('valid dates and leap years', () => {
    assert.deepEqual(parseDate('2024-02-29'), { ok: true, year: 2024, month: 2, day: 29 });
    assert.deepEqual(parseDate('2000-02-29'), { ok: true, year: 2000, month: 2, day: 29 });
    assert.deepEqual(parseDate('1999-12-31'), { ok: true, year: 1999, month: 12, day: 31 });
  });
  test('nonexistent dates', () => {
    for (const s of ['2020-02-30', '2021-02-29', '1900-02-29', '2023-04-31', '2023-13-01', '2023-00-10', '2023-01-00']) {
      assert.deepEqual(parseDate(s), { ok: false, reason: 'nonexistent' }, s);
    }
  });
  test('format errors', () => {
    for (const s of ['2020-3-5', '2020/03/05', '20200305', '2020-03-05 ', '2020-03-05T00:00', 'abcd-ef-gh', '', '２０２０-03-05']) {
      assert.deepEqual(parseDate(s), { ok: false, reason: 'format' }, s);
    }
  });
});

describe('normalizeDate', () => {
  test('common year-first variants', () => {
    for (const s of ['2020/3/5', '2020.03.05', '2020年3月5日', '2020 年 3 月 5 日', '20200305', '2020-3-5', '2020-03-05', ' 2020/03/05 ']) {
      assert.equal(normalizeDate(s), '2020-03-05', s);
    }
    assert.equal(normalizeDate('2024年2月29日'), '2024-02-29');
  });
  test('nonexistent or ambiguous input gives undefined', () => {
    for (const s of [
      '2020/2/30',
      '2021-02-29',
      '20210229',
      '2020年13月1日',
      '03/05/2020',
      '5.3.2020',
      '20-3-5',
      '2020/03-05',
      '2020-3',
      '202035',
      'March 5, 2020',
      '',
    ]) {
      assert.equal(normalizeDate(s), undefined, s);
    }
  });
});

describe('parseDateTime', () => {
  test('accepted forms', () => {
    assert.deepEqual(parseDateTime('2024-02-29T13:45:30.123+08:00'), {
      ok: true,
      year: 2024,
      month: 2,
      day: 29,
      hour: 13,
      minute: 45,
      second: 30,
      millisecond: 123,
      offsetMinutes: 480,
    });
    assert.deepEqual(parseDateTime('2024-01-02 03:04'), {
      ok: true,
      year: 2024,
      month: 1,
      day: 2,
      hour: 3,
      minute: 4,
      second: 0,
      millisecond: 0,
      offsetMinutes: undefined,
    });
    const z = parseDateTime('2024-01-02T23:59:59Z');
    assert.ok(z.ok && z.offsetMinutes === 0 && z.second === 59);
    const neg = parseDateTime('2024-01-02T00:00:00.5-05:30');
    assert.ok(neg.ok && neg.offsetMinutes === -330 && neg.millisecond === 500);
  });
  test('out-of-range values are nonexistent', () => {
    for (const s of ['2021-02-29T00:00', '2024-01-02T24:00', '2024-01-02T12:60', '2024-01-02T12:00:60', '2024-01-02T12:00+24:00', '2024-01-02T12:00+08:60']) {
      assert.deepEqual(parseDateTime(s), { ok: false, reason: 'nonexistent' }, s);
    }
  });
  test('format errors', () => {
    for (const s of ['2024-01-02', '2024-01-02T1:00', '2024-01-02T12', '2024-01-02T12:00+0800', '2024-01-02T12:00:00.', '2024-01-02  12:00', '']) {
      assert.deepEqual(parseDateTime(s), { ok: false, reason: 'format' }, s);
    }
  });
});

describe('isMoney', () => {
  test('numbers', () => {
    for (const v of [0, 12000, 12000.5, 12000.55, 0.01, -50, -0.5, 1e21]) assert.equal(isMoney(v), true, String(v));
    for (const v of [12.345, 0.1 + 0.2, NaN, Infinity, -Infinity, 1e-7]) assert.equal(isMoney(v), false, String(v));
  });
  test('strings', () => {
    for (const s of [
      '12000',
      '12,000.50',
      '¥12,000.50',
      '￥12000',
      '12000.00 CNY',
      'CNY 12000',
      '-12,000.50',
      '-¥500',
      '¥-500',
      '500元',
      '1,234,567.8',
      '0.50',
    ]) {
      assert.equal(isMoney(s), true, s);
    }
    for (const s of ['12.345', '1,00', 'abc', '', '-', '¥', '12,0000', ',100', '1,000,00', '012', '1.', '.5', '--5', '-¥-5', '12 000', '12000 cny']) {
      assert.equal(isMoney(s), false, s);
    }
  });
  test('other types', () => {
    for (const v of [null, undefined, true, {}, [], 12n]) assert.equal(isMoney(v), false, String(v));
  });
});
