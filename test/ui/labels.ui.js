// The label print preview on the sample: record labels and filing stamps, Chinese text rendered.
const { openRecords, runCommand } = require('./workbench-actions');

module.exports = [
  {
    name: "Generate Labels shows a print preview of the sample's labels and filing stamps",
    async run({ page, shot }) {
      await openRecords(page);
      await runCommand(page, 'Records: Generate Labels');
      const pick = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'All records' }).first();
      await pick.waitFor({ timeout: 10000 });
      await pick.click();
      const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      await frame.locator('text=Z109-WS·2015-D3-GT-0001').first().waitFor({ timeout: 20000 });
      await frame
        .locator('th, td, div, span', { hasText: /^(全宗号|Fonds)/ })
        .first()
        .waitFor({ timeout: 10000 });
      await frame.locator('button[data-action="print"]').waitFor({ timeout: 10000 });
      await page.keyboard.press('Control+B'); // hide the side bar: more of the sheet in the picture
      await page.waitForTimeout(800);
      await shot('labels.png');
    },
  },
];
