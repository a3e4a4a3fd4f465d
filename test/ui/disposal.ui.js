// The Disposal view on the sample, and a destruction batch created from what is due.
const { openRecords, runCommand } = require('./workbench-actions');

module.exports = [
  {
    name: 'the Disposal view lists the record past retention; a destruction batch is created for it',
    async run({ page, shot }) {
      await openRecords(page);
      const header = page.locator('.sidebar .pane-header', { hasText: /disposal/i }).first();
      await header.waitFor({ timeout: 20000 });
      if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
      await page.locator('.sidebar .monaco-list-row', { hasText: 'Due for disposal' }).first().waitFor({ timeout: 20000 });
      await page
        .locator('.sidebar .monaco-list-row', { hasText: /首次电话咨询|First phone enquiry/ })
        .first()
        .waitFor({ timeout: 10000 });
      await runCommand(page, 'Records: Create Destruction Batch');
      await page.locator('.editor-instance .view-line', { hasText: 'kind: destruction-batch' }).first().waitFor({ timeout: 20000 });
      await page
        .locator('.sidebar .monaco-list-row', { hasText: /XH-\d{4}-001/ })
        .first()
        .waitFor({ timeout: 20000 });
      await page.mouse.move(700, 400);
      await page.waitForTimeout(800);
      await shot('disposal.png');
    },
  },
];
