// New Record on a company's own layout (issue 16, item 10): picked from the palette, a category and an
// existing customer, the record is written beside that customer's records of the category — 客户档案/云帆科技/沟通/
// — not into the built-in basic/2026/, with its keys in Chinese as theirs are, and opens at its first empty field.
const fs = require('fs');
const path = require('path');
const { openRecords, runCommand } = require('./workbench-actions');

module.exports = [
  {
    name: "New Record files the record beside the customer's records of that category",
    workspace: 'first-day',
    async run({ page, shot, workspace }) {
      await openRecords(page);
      // The folder has no schema yet: Set Up is offered; New Record works all the same, under the built-in one.
      await page.locator('.sidebar .monaco-list-row', { hasText: 'Communication' }).first().waitFor({ timeout: 30000 });
      const before = new Set(fs.readdirSync(path.join(workspace, '客户档案/云帆科技/沟通')));
      await runCommand(page, 'Records: New Record');
      const quick = page.locator('.quick-input-widget');
      await quick.locator('.monaco-list-row', { hasText: 'Communication' }).first().waitFor({ timeout: 10000 });
      await quick.locator('input').fill('Communication');
      await page.keyboard.press('Enter');
      await quick.locator('.monaco-list-row', { hasText: '北京云帆科技有限公司' }).first().waitFor({ timeout: 10000 });
      await quick.locator('input').fill('北京云帆科技有限公司');
      await page.keyboard.press('Enter');
      // The record opens, in the customer's own folder, breadcrumbs and all.
      await page
        .locator('.breadcrumbs-control', { hasText: /客户档案.*云帆科技.*沟通/ })
        .first()
        .waitFor({ timeout: 20000 });
      await page.locator('.editor-instance .view-line', { hasText: '北京云帆科技有限公司' }).first().waitFor({ timeout: 10000 });
      const added = fs.readdirSync(path.join(workspace, '客户档案/云帆科技/沟通')).filter((f) => !before.has(f));
      if (added.length !== 1 || !/^GT-\d{4}-\d{3}\.md$/.test(added[0])) throw new Error(`new files: ${added.join(', ')}`);
      // Its keys as the records beside it write theirs: 编号, 分类, 客户 …
      const text = fs.readFileSync(path.join(workspace, '客户档案/云帆科技/沟通', added[0]), 'utf8');
      if (!/^编号: GT-/m.test(text) || !/^客户: 北京云帆科技有限公司$/m.test(text) || /^customer:/m.test(text)) throw new Error(`keys: ${text}`);
      if (fs.existsSync(path.join(workspace, 'basic')) || fs.existsSync(path.join(workspace, 'communication')))
        throw new Error('written into the built-in layout');
      await page.mouse.move(700, 500);
      await page.waitForTimeout(800);
      await shot('new-record.png');
    },
  },
];
