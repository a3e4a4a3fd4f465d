import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ArchiveFormat } from '../../src/core/archive/number';
import { defaultSchema } from '../../src/core/schema/load';

const daT22 = new ArchiveFormat(defaultSchema().archiveNumber);

describe('archive number format', () => {
  test('writes the DA/T 22-2015 form with a zero-padded item number', () => {
    assert.equal(daT22.format({ fonds: 'Z109', subject: 'WS', year: '2011', retention: 'Y', org: '', number: 1 }), 'Z109-WS·2011-Y-0001');
  });

  test('reads it back, and refuses malformed numbers', () => {
    assert.deepEqual(daT22.parse('Z109-HT·2019-D10-0003'), { fonds: 'Z109', subject: 'HT', year: '2019', retention: 'D10', org: '', number: '0003' });
    for (const bad of ['Z109-HT-2019-D10-0003', 'Z109-HT·19-D10-0003', 'Z109-HT·2019-X-0003', 'Z109-HT·2019-D10-', ''])
      assert.equal(daT22.parse(bad), undefined, bad);
  });

  test('an org part is written when set and dropped with its separator when empty', () => {
    const f = new ArchiveFormat({
      fonds: 'Z109',
      org: 'BGS',
      format: '{fonds}-{subject}·{year}-{retention}-{org}-{number}',
      numberWidth: 4,
      numberScope: ['fonds', 'subject', 'year', 'retention', 'org'],
    });
    assert.equal(f.format({ fonds: 'Z109', subject: 'WS', year: '2011', retention: 'Y', org: 'BGS', number: 1 }), 'Z109-WS·2011-Y-BGS-0001');
    assert.equal(f.format({ fonds: 'Z109', subject: 'WS', year: '2011', retention: 'Y', org: '', number: 1 }), 'Z109-WS·2011-Y-0001');
    assert.equal(f.parse('Z109-WS·2011-Y-BGS-0001')?.org, 'BGS');
    assert.equal(f.parse('Z109-WS·2011-Y-0001')?.org, '');
  });

  test('the DA/T 13-2022 form can be configured', () => {
    const f = new ArchiveFormat({
      fonds: 'Z109',
      org: '办公室',
      format: '{fonds}-{subject}·{year}·{retention}·{org}-{number}',
      numberWidth: 4,
      numberScope: ['fonds', 'subject', 'year', 'retention', 'org'],
    });
    const s = f.format({ fonds: 'Z109', subject: 'WS', year: '2011', retention: 'Y', org: '办公室', number: 1 });
    assert.equal(s, 'Z109-WS·2011·Y·办公室-0001');
    assert.deepEqual(f.parse(s), { fonds: 'Z109', subject: 'WS', year: '2011', retention: 'Y', org: '办公室', number: '0001' });
  });
});
