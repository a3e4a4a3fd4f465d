import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { decodeRecordBytes } from '../../src/core/parse/decode';
import { fastReadMapping } from '../../src/core/parse/fast-path';
import { parseRecordText, parseStats } from '../../src/core/parse/record-file';
import { type ParsedFile } from '../../src/core/model/parsed';

/** Everything except the Map, so deepEqual failures print readably. */
function plain(f: ParsedFile) {
  return f.records.map((r) => ({ ...r, fields: [...r.fields] }));
}

/** The fast reader and the yaml package must agree on every record they both read. */
function assertSame(text: string, kind: 'markdown' | 'yaml', label: string) {
  const fast = parseRecordText(text, kind);
  const slow = parseRecordText(text, kind, { yamlOnly: true });
  assert.deepEqual(plain(fast), plain(slow), `${label}: ${JSON.stringify(text)}`);
  assert.equal(fast.isRecordFile, slow.isRecordFile);
}

const KEYS = [
  'id',
  'name',
  '客户名称',
  'a.b',
  'x-y',
  'true',
  '1',
  'null',
  '<<',
  '__proto__',
  'key with space',
  '"q"',
  '?k',
  '-k',
  'k#1',
  'on',
  'yes',
  '~',
  'a\u00a0b',
  'x:y',
  '[k]',
  'k\u3000',
  '键\u200b',
  '.5',
  '+1',
  '0b1',
  'Yes',
  'a::',
  'a=b',
  '010',
  '320102198511204566',
];
const VALUES = [
  '',
  ' ',
  'R-1',
  '张伟',
  '2020-02-30',
  '010',
  '0o17',
  '0x1F',
  '1.50',
  '.inf',
  '-.Inf',
  '.nan',
  '1e3',
  '+12',
  '-5',
  '-0',
  '~',
  'null',
  'Null',
  'true',
  'FALSE',
  'yes',
  '"quoted # x"',
  "'single'",
  "'it''s'",
  '"esc\\n"',
  '""',
  "''",
  '[a, b]',
  '[]',
  '[ 1 , true, x y ]',
  '[a,]',
  '[a: b]',
  '[a, [b]]',
  '{a: 1}',
  '&anc v',
  '*ref',
  '!!str 1',
  '|',
  '>-',
  'a: b',
  'a:b',
  'x #c',
  'x#c',
  'v  ',
  '- x',
  '-x',
  '---',
  '...',
  '%x',
  '@x',
  '`x',
  'a, b',
  'http://x.y/z',
  '136****7730',
  '陈浩 (Chen Hao)',
  ':x',
  '?x',
  '"unterminated',
  'a  b',
  '"a" b',
  '[a] b',
  '[a] # c',
  '# c',
  '"a"#c',
  'x\ty',
  '\u00a0',
  'a ]',
  'é',
  '😀',
  '\u3000x',
  'a\u200bb',
  '[a*b, -x, a b]',
  '[a]]',
  '[-]',
  '<< x',
  '=',
  "'x'#c",
  '"a\'b"',
  'a\\b',
  '"',
  "'",
  'a"b',
  "a'b",
  '[a, b] x',
  '1_000',
  '0777',
  '12:30',
  '1.2.3',
  '-.5',
  '+.5e3',
  'Infinity',
  'NaN',
  // Integers a number would not hold exactly keep their text (exact-int.ts).
  '320102198511204566',
  '-9007199254740993',
  '9007199254740991',
  '000123',
  '-007',
  '+00',
  '00',
  '0x1FFFFFFFFFFFFFFFFF',
  '[0123, 320102198511204566]',
];
const GOOD_VALUES = VALUES.slice(0, 24).concat([
  '320102198511204566',
  '000123',
  '-007',
  '[0123, 320102198511204566]',
  '""',
  "''",
  '[a, b]',
  '[]',
  '[ 1 , true, x y ]',
  'x #c',
  'v  ',
  '-x',
  'http://x.y/z',
  '136****7730',
  '陈浩 (Chen Hao)',
  '[a] # c',
  '# c',
  'é',
  '😀',
]);
const BLOCK_HEADERS = ['|', '|-', '>', '>-', '|+', '>+', '|2', '>-1', '|  ', '>- # c', '>-x', '> |'];
const BLOCK_LINES = ['text', '客户确认续约意向，要求在到期前提供报价。', 'a: b', '# not a comment', '- item', 'x  y', '"q"', '---x'];
const BLOCK_ODD = ['', '  ', '    more', ' less', '  trailing  ', '# col 0', '  \tx', 'next: 1', '---', '...'];
const OTHER_LINES = [
  '# comment',
  '  # indented comment',
  '',
  '   ',
  '  sub: 1',
  '  more text',
  '\tx: 1',
  '---',
  '...',
  '- top',
  '-',
  '  -',
  '  - ',
  '%YAML 1.2',
];

test('differential: fast reader and yaml package agree on random front matter', () => {
  let seed = Number(process.env.RC_SEED ?? 7);
  // mulberry32: the low bits of a plain LCG alternate, which would make `rnd(2)` useless.
  const rnd = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
  const pick = <T>(a: T[]) => a[rnd(a.length)];
  let accepted = 0;
  const takenBefore = parseStats.fast;
  const total = Number(process.env.RC_CASES ?? 6000);
  for (let n = 0; n < total; n++) {
    const lines: string[] = [];
    const count = 1 + rnd(7);
    // Half the documents are mostly well-formed so the fast reader gets exercised, with one odd line at most.
    const tame = rnd(2) === 0;
    const odd = tame ? rnd(count * 2) : -1;
    for (let l = 0; l < count; l++) {
      const wild = !tame || l === odd;
      const value = () => pick(wild ? VALUES : GOOD_VALUES);
      const r = rnd(11);
      if (r === 10) {
        // Block scalars: the plainest take the fast path; indicators, blank, ragged or trailing-space lines do not.
        lines.push(`block${l}:${pick(wild ? [' ', '  '] : [' '])}${pick(wild ? BLOCK_HEADERS : BLOCK_HEADERS.slice(0, 4))}`);
        const indent = pick(wild ? ['  ', '   ', ' '] : ['  ']);
        for (let k = rnd(3); k >= 0; k--) lines.push(wild && rnd(3) === 0 ? pick(BLOCK_ODD) : indent + pick(BLOCK_LINES));
        continue;
      }
      if (r < 6 || (tame && r < 8))
        lines.push(`${rnd(6) || !wild ? pick(KEYS.slice(0, 4)) + l : pick(KEYS)}:${pick(wild ? ['', ' ', '  '] : [' ', '  '])}${value()}`);
      if (r >= 6 && r < 9) {
        const indent = pick(['', '  ', '    ']);
        if (tame) lines.push(`list${l}:`);
        for (let k = rnd(3); k >= 0; k--) lines.push(`${indent}-${pick(wild ? ['', ' ', '  '] : [' '])}${value()}`);
      } else if (r === 9) lines.push(wild ? pick(OTHER_LINES) : pick(['', '# comment']));
    }
    let body = lines.join('\n') + pick(['', '\n', '\n\n', '\n# end\n']);
    if (rnd(4) === 0) body = body.replace(/\n/g, '\r\n');
    if (fastReadMapping(body, 0)) accepted++;
    assertSame(`---\n${body}${body.endsWith('\n') ? '' : '\n'}---\nbody\n`, 'markdown', `#${n} md`);
    assertSame(body, 'yaml', `#${n} yaml`);
  }
  // The generator must exercise the fast reader, not just the fallback.
  assert.ok(accepted > total / 6, `fast reader accepted only ${accepted} of ${total}`);
  // And parseRecordText itself took those files the fast way (both sides of each comparison could be the yaml package).
  assert.ok(parseStats.fast - takenBefore >= accepted, `parseRecordText took the fast path ${parseStats.fast - takenBefore} times`);
  if (process.env.RC_VERBOSE) console.log(`fast reader accepted ${accepted} of ${total}`);
});

test('differential: typical records, including every example record in the repository', () => {
  const typical = [
    'id: JY-2019-001\ncategory: transaction\ncustomer: 北京云帆科技有限公司\ntitle: "CRM许可费收款 / CRM licence fee received"\ndate: 2019-05-10\namount: 186000.00\ninvoice_no: "01928374"\nbank_account: 6222 **** **** 8806\ncredit_code: 91440300MA5DC2LR8H   # 已核对\npi_kinds: [financial-account]\nattachments:\n  - scans/yunfan-invoice-2019.pdf\nhold: false\n',
    'participants:\n- 陈浩 (Chen Hao)\n-\n- "刘凯"\n\nstatus: active\nphone:\nemail:   # 待补\n',
  ];
  typical.forEach((t, i) => {
    assert.ok(fastReadMapping(t, 0), `typical ${i} should take the fast path`);
    assertSame(`---\r\n${t.replace(/\n/g, '\r\n')}---\r\n`, 'markdown', `typical ${i}`);
    assertSame(t, 'yaml', `typical ${i}`);
  });
  const root = path.join(__dirname, '../../../examples');
  let files = 0;
  if (fs.existsSync(root)) {
    for (const e of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (!e.isFile() || !/\.(md|ya?ml)$/.test(e.name)) continue;
      const decoded = decodeRecordBytes(fs.readFileSync(path.join(e.parentPath, e.name)));
      if (!decoded.ok) continue;
      assertSame(decoded.text, e.name.endsWith('.md') ? 'markdown' : 'yaml', e.name);
      files++;
    }
  }
  assert.ok(files > 0 || !fs.existsSync(root));
});

test('the fast reader refuses what it cannot reproduce exactly', () => {
  const refused = [
    'a: 1\na: 2\n',
    'a: &x 1\nb: *x\n',
    'a:\n  b: 1\n',
    'a: >\n  text\n\n  more\n',
    'a: |+\n  x\n',
    'a: >\n  x\n    y\n',
    'a: |\n  x',
    'a: >-\nb: 1\n',
    'a: "x\\ty"\n',
    'a:\n  - x\n  # c\n  - y\n',
    '\ufeffa: 1\n',
    '# only\n',
    'a: 1\r',
  ];
  for (const src of refused) assert.equal(fastReadMapping(src, 0), undefined, JSON.stringify(src));
});

test('plain block scalars take the fast path with the values the yaml package gives', () => {
  const cases: [string, string][] = [
    ['s: >-\n  客户确认续约意向。\n  Customer intends to renew.\nb: 1\n', '客户确认续约意向。 Customer intends to renew.'],
    ['s: >\n  x\n  y\n', 'x y\n'],
    ['s: |\n    line 1\n    line: 2\n', 'line 1\nline: 2\n'],
    ['s: |-\r\n  a\r\n  b\r\nc: 2\r\n', 'a\nb'],
  ];
  for (const [src, value] of cases) {
    const fast = fastReadMapping(src, 0);
    assert.ok(fast, JSON.stringify(src));
    assert.equal(fast.data.s, value);
    assertSame(src, 'yaml', 'block');
    assertSame(`---\n${src}---\n`, 'markdown', 'block');
  }
});

test('the fast path is used for real files written to disk, with spans offset into the file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-fast-'));
  try {
    const file = path.join(dir, 'r.md');
    fs.writeFileSync(file, '---\r\nid: R-1\r\ntags: [a, b]\r\n---\r\n');
    const d = decodeRecordBytes(fs.readFileSync(file));
    assert.ok(d.ok);
    const before = parseStats.fast;
    const r = parseRecordText(d.text, 'markdown').records[0];
    assert.equal(d.text.slice(r.fields.get('tags')!.value.start, r.fields.get('tags')!.value.end), '[a, b]');
    assert.equal(parseStats.fast, before + 1, 'read by the fast reader');
    assert.deepEqual(r.data, { id: 'R-1', tags: ['a', 'b'] });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** Digit strings of 1 to 25 digits, with or without leading zeros and a sign: the texts issue 12 is about. */
const INTEGER_TEXT = fc
  .tuple(fc.constantFrom('', '', '-', '+'), fc.nat({ max: 3 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 25 }))
  .map(([sign, zeros, digits]) => (sign + '0'.repeat(zeros) + digits.join('')).slice(0, sign.length + 25));

/** What a plain integer text must read as: its exact text unless a number holds it exactly and it has no leading zeros. */
function expectedInteger(text: string): unknown {
  const n = parseInt(text, 10);
  const body = text.replace(/^[-+]/, '');
  return Number.isSafeInteger(n) && !(body.length > 1 && body[0] === '0') ? n : text;
}

test('property: integer texts read the same on both paths, exactly when a number would not hold them', () => {
  fc.assert(
    fc.property(INTEGER_TEXT, INTEGER_TEXT, (a, b) => {
      const src = `n: ${a}\nq: "${a}"\nflow: [${a}, ${b}]\nblock:\n  - ${b}\n`;
      const fast = fastReadMapping(src, 0);
      assert.ok(fast, `the fast reader takes ${JSON.stringify(src)}`);
      assertSame(src, 'yaml', 'integers');
      assertSame(`---\n${src}---\n`, 'markdown', 'integers');
      const [r] = parseRecordText(src, 'yaml', { yamlOnly: true }).records;
      const ea = expectedInteger(a);
      const eb = expectedInteger(b);
      assert.ok(Object.is(r.data?.n, ea), `${a} read as ${String(r.data?.n)}`);
      assert.deepEqual(r.data, { n: ea, q: a, flow: [ea, eb], block: [eb] });
      // Whatever is not a string is a number that prints back as the digits written (sign and -0 aside).
      if (typeof ea === 'number') assert.equal(String(Math.abs(ea)), a.replace(/^[-+]/, ''));
    }),
    { numRuns: Number(process.env.RC_CASES ?? 2000) / 4 },
  );
});
