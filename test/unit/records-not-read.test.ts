// Issue 16, item 4: no record drops out silently, and text that is not a record is still scanned for
// personal information.
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { combineFixes, fixesOf } from '../../src/core/fix/apply-fixes';
import { indexText } from '../../src/core/index/index-file';
import { allRules } from '../../src/core/rules';
import { defaultSchema } from '../../src/core/schema/load';

const opts = { schema: defaultSchema(), lang: 'en' as const, rules: allRules, fileExists: () => true };
const check = (path: string, text: string) => indexText(path, text, { mtimeMs: 0, size: 0 }, opts);
const RECORD = '---\n编号: GT-1\n分类: 沟通\n客户: 张伟\n客户类型: 个人\n标题: t\n日期: 2026-01-01\n沟通方式: 电话\n参与人: [张伟]\n---\n';

describe('records that would drop out say why', () => {
  for (const [what, lead] of [
    ['a full-width space (U+3000)', '\u3000\n'],
    ['a no-break space', '\u00a0\n'],
    ['spaces and CRLF', '  \r\n'],
  ]) {
    test(`a line of ${what} before the fence: front-matter-not-at-start, and the fix makes it a record`, () => {
      const entry = check('r.md', lead + RECORD);
      assert.deepEqual(
        entry.findings.map((f) => f.code),
        ['front-matter-not-at-start'],
      );
      const fixed = combineFixes('r.md', lead + RECORD, fixesOf(entry.findings));
      assert.equal(fixed.text, RECORD);
      assert.equal(check('r.md', fixed.text).records.length, 1);
    });
  }

  test('fields without --- fences: not-a-record, on those lines', () => {
    const entry = check('draft.md', '编号: HT-2022-009\n分类: 合同\n客户: 云帆\n\n草稿，待法务审核。\n');
    assert.deepEqual(
      entry.findings.map((f) => [f.code, f.severity, f.start.line, f.end.line]),
      [['not-a-record', 'warning', 0, 2]],
    );
    assert.match(entry.findings[0].message, /no `---` line above and below them/);
  });

  test('front matter below a heading or a comment: not-a-record, saying which line it starts on', () => {
    const entry = check('late.md', `# 通话记录\n${RECORD}`);
    assert.deepEqual(
      entry.findings.map((f) => [f.code, f.start.line]),
      [['not-a-record', 1]],
    );
    assert.match(entry.findings[0].message, /front matter starts on line 2/);
  });

  test('an ordinary note is no record and says nothing: a --- rule, a heading underline, prose with colons', () => {
    for (const text of ['# 会议\n\n议程：讨论进度\n\n---\n\n下次：四月\n', 'Title\n---\nNote: something\n', '时间: 下午三点\n地点: 会议室\n']) {
      const entry = check('note.md', text);
      assert.equal(entry.isRecordFile, false, text);
      assert.deepEqual(entry.findings, [], text);
    }
  });
});

describe('every text file is scanned for personal information, record or not', () => {
  test('a note without front matter holding an ID number and a mobile: found, and masked by the fix', () => {
    const text = '# 三月例会\n\n- 李娜的身份证号 11010519491231002X 已核对。\n- 回电 139-1234-5678。\n';
    const entry = check('notes/2022-03.md', text);
    assert.equal(entry.isRecordFile, false);
    assert.deepEqual(
      entry.findings.map((f) => [f.code, f.start.line, f.record]),
      [
        ['pi-id-number', 2, undefined],
        ['pi-mobile', 3, undefined],
      ],
    );
    const fixed = combineFixes('notes/2022-03.md', text, fixesOf(entry.findings));
    assert.deepEqual(fixed.refused, []);
    assert.match(fixed.text, /110105\*{8}002X/);
    assert.match(fixed.text, /139-\*{4}-5678/);
  });

  test('a record that is not read (blank line first) is scanned too', () => {
    const entry = check('r.md', `\n${RECORD}手机 13912345678\n`);
    assert.deepEqual(entry.findings.map((f) => f.code).sort(), ['front-matter-not-at-start', 'pi-mobile']);
  });
});
