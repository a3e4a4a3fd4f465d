// What a person sees: the Records view on the sample, a record opened from it, its problems listed.
const assert = require('assert');
const { openRecords, runCommand } = require('./workbench-actions');

const row = (page, text) => page.locator('.sidebar .monaco-list-row', { hasText: text }).first();

module.exports = [
  {
    name: 'the Records tree shows categories with counts, a record opens from it, and its problem is in the Problems panel',
    async run({ page, shot }) {
      await openRecords(page);
      for (const label of ['Basic information', 'Contracts', 'Transactions', 'Service', 'Communication', 'Other']) {
        await row(page, label).waitFor({ timeout: 20000 });
      }
      assert.match(await row(page, 'Contracts').innerText(), /9/);
      await row(page, 'Contracts').click();
      await row(page, '北京云帆科技有限公司').waitFor({ timeout: 10000 });
      await row(page, '北京云帆科技有限公司').click();
      const record = page.locator('.sidebar .monaco-list-row', { hasText: /维护|Maintenance/ }).first();
      await record.waitFor({ timeout: 10000 });
      await record.click();
      await page.locator('.editor-instance .view-line', { hasText: 'signed_date' }).first().waitFor({ timeout: 15000 });
      await runCommand(page, 'View: Focus Problems');
      const problems = page.locator('.markers-panel');
      await problems.locator('.monaco-list-row', { hasText: 'missing required field phone' }).first().waitFor({ timeout: 15000 });
      await problems.locator('.monaco-list-row', { hasText: 'is not a real date' }).first().waitFor({ timeout: 15000 });
      await page.mouse.move(700, 300);
      await page.waitForTimeout(800);
      await shot('records-view.png');
    },
  },
];
