// Issue 16, item 7: a records officer opens a folder of Chinese records that has no schema. What they see:
// the offer to set up, the changes proposed, the fonds code asked for, the schema before it is written —
// and then the Problems panel with the genuine defects and the right suggestions.
const fs = require('fs');
const path = require('path');
const { openRecords, runCommand } = require('./workbench-actions');

module.exports = [
  {
    name: 'Set Up Records Curator on a folder of Chinese records: offer, proposed changes, fonds code, preview, written schema, problems',
    workspace: 'first-day',
    async run({ page, shot, workspace }) {
      const toast = page.locator('.notifications-toasts .notification-toast', { hasText: /read like customer records/ }).first();
      await toast.waitFor({ timeout: 30000 });
      await page.mouse.move(700, 300);
      await shot('setup-offer.png');
      await toast.locator('.monaco-button', { hasText: 'Set Up Records Curator' }).click();

      const quick = page.locator('.quick-input-widget');
      // 1/4: what the records use — the slips and the new field first, then the names read as the schema's.
      await quick
        .locator('.monaco-list-row', { hasText: /custmer/ })
        .first()
        .waitFor({ timeout: 30000 });
      await quick
        .locator('.monaco-list-row', { hasText: /looks like a slip for customer/ })
        .first()
        .waitFor({ timeout: 10000 });
      await page.waitForTimeout(500);
      await shot('setup-found.png');
      await page.keyboard.press('Enter');
      // 2/4: the changes to the built-in schema, ticked.
      await quick
        .locator('.monaco-list-row', { hasText: /declare field 备注/ })
        .first()
        .waitFor({ timeout: 30000 });
      await page.waitForTimeout(500);
      await shot('setup-changes.png');
      await quick.locator('.monaco-button', { hasText: /^OK$/ }).first().click();

      await quick.locator('.quick-input-title', { hasText: /fonds code/ }).waitFor({ timeout: 15000 });
      await quick.locator('input').fill('Z-1');
      await quick
        .locator('.quick-input-message, .monaco-inputbox-message', { hasText: /Letters and digits only/ })
        .first()
        .waitFor({ timeout: 10000 });
      await quick.locator('input').fill('Z109');
      await shot('setup-fonds.png');
      await page.keyboard.press('Enter');

      const write = page.locator('.notifications-toasts .notification-toast', { hasText: /this is the schema for/ }).first();
      await write.waitFor({ timeout: 20000 });
      await page.locator('.editor-instance .view-line', { hasText: 'Written by Set Up Records Curator' }).first().waitFor({ timeout: 15000 });
      await page.mouse.move(700, 300);
      await shot('setup-preview.png');
      await write.locator('.monaco-button', { hasText: /^Write \.records\/schema\.yaml$/ }).click();

      const file = path.join(workspace, '.records/schema.yaml');
      const end = Date.now() + 15000;
      while (!fs.existsSync(file) && Date.now() < end) await page.waitForTimeout(200);
      if (!fs.existsSync(file)) throw new Error('no .records/schema.yaml was written');
      if (!/^ {2}fonds: Z109$/m.test(fs.readFileSync(file, 'utf8'))) throw new Error('the schema does not have the fonds code given');
      await page.locator('.tabs-container .tab', { hasText: 'schema.yaml' }).first().waitFor({ timeout: 15000 });

      await openRecords(page);
      await runCommand(page, 'View: Focus Problems');
      const problems = page.locator('.markers-panel');
      await problems
        .locator('.monaco-list-row', { hasText: /unknown field categroy; did you mean category\?/ })
        .first()
        .waitFor({ timeout: 30000 });
      await problems
        .locator('.monaco-list-row', { hasText: /duplicate record id FW-2024-001/ })
        .first()
        .waitFor({ timeout: 15000 });
      // 17 genuine defects, nothing about the Chinese keys and values.
      await page.locator('.panel .composite-bar .badge-content', { hasText: /^17$/ }).first().waitFor({ timeout: 15000 });
      await page.mouse.move(700, 300);
      await page.waitForTimeout(800);
      await shot('setup-problems.png');
    },
  },
];
