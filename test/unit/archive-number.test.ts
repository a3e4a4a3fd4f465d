import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ArchiveFormat } from '../../src/core/archive/number';
import { defaultSchema } from '../../src/core/schema/load';

const daT22 = new ArchiveFormat(defaultSchema().archiveNumber);
const config = (format: string) => ({ ...defaultSchema().archiveNumber, fonds: 'Z109', format });

describe('archive number format', () => {
  // DA/T 22-2015 §5.4: 全宗号-门类代码·年度-保管期限-机构(问题)代码-件号; the category's code is the 问题 code.
  test('writes the DA/T 22-2015 form: the class in the 门类代码 slot, the category code in the 机构(问题) slot', () => {
    assert.equal(daT22.format({ fonds: 'Z109', class: 'WS', subject: 'HT', year: '2019', retention: 'D10', org: '', number: 1 }), 'Z109-WS·2019-D10-HT-0001');
  });

  test('reads it back, and refuses malformed numbers and the earlier form', () => {
    assert.deepEqual(daT22.parse('Z109-WS·2019-D10-HT-0003'), {
      fonds: 'Z109',
      class: 'WS',
      subject: 'HT',
      year: '2019',
      retention: 'D10',
      org: '',
      number: '0003',
    });
    for (const bad of ['Z109-WS-2019-D10-HT-0003', 'Z109-WS·19-D10-HT-0003', 'Z109-WS·2019-X-HT-0003', 'Z109-WS·2019-D10-HT-', 'Z109-HT·2019-D10-0003', ''])
      assert.equal(daT22.parse(bad), undefined, bad);
  });

  test('an empty class or org part is dropped with its separator, and read back so', () => {
    const f = new ArchiveFormat({ ...config('{fonds}-{class}·{year}-{retention}-{subject}-{org}-{number}'), classCode: '', org: 'BGS' });
    assert.equal(f.format({ fonds: 'Z109', class: 'WS', subject: 'HT', year: '2011', retention: 'Y', org: 'BGS', number: 1 }), 'Z109-WS·2011-Y-HT-BGS-0001');
    assert.equal(f.format({ fonds: 'Z109', class: '', subject: 'HT', year: '2011', retention: 'Y', org: '', number: 1 }), 'Z109·2011-Y-HT-0001');
    assert.equal(f.parse('Z109-WS·2011-Y-HT-BGS-0001')?.org, 'BGS');
    assert.deepEqual([f.parse('Z109·2011-Y-HT-0001')?.class, f.parse('Z109·2011-Y-HT-0001')?.org], ['', '']);
    assert.equal(f.has('org') && f.has('class') && !new ArchiveFormat(config('{fonds}-{subject}·{year}-{retention}-{number}')).has('class'), true);
  });

  test('the DA/T 13-2022 form can be configured (parts of one level joined by ·)', () => {
    const f = new ArchiveFormat(config('{fonds}-{class}·{year}·{retention}·{subject}-{number}'));
    const s = f.format({ fonds: 'Z109', class: 'WS', subject: '办公室', year: '2011', retention: 'Y', org: '', number: 1 });
    assert.equal(s, 'Z109-WS·2011·Y·办公室-0001');
    assert.deepEqual(f.parse(s), { fonds: 'Z109', class: 'WS', subject: '办公室', year: '2011', retention: 'Y', org: '', number: '0001' });
  });

  test('the earlier default form still reads in a workspace whose schema keeps it', () => {
    const f = new ArchiveFormat(config('{fonds}-{subject}·{year}-{retention}-{number}'));
    assert.deepEqual(f.parse('Z109-HT·2019-D10-0001'), { fonds: 'Z109', class: '', subject: 'HT', year: '2019', retention: 'D10', org: '', number: '0001' });
  });
});
