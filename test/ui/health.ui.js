// The Health Report on the sample, in English and in Chinese.
const { openRecords, runCommand } = require('./workbench-actions');

function check(locale, command, marker, shotName, settings) {
  return {
    name: `the Health Report shows the sample's charts (${locale || 'en'})`,
    locale,
    settings,
    async run({ page, shot }) {
      await openRecords(page);
      await runCommand(page, command);
      const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      await frame.locator('[data-key="category:contract"]').first().waitFor({ timeout: 20000 });
      await frame
        .locator('text=' + marker)
        .first()
        .waitFor({ timeout: 10000 });
      await page.keyboard.press('Control+B');
      await page.waitForTimeout(800);
      await shot(shotName);
    },
  };
}

module.exports = [
  check(undefined, 'Records: Health Report', 'Records Health Report', 'health-en.png'),
  // The workbench in Chinese (the harness's stand-in language pack: the extension's own words are Chinese, the
  // workbench's stay English); the report's documents follow recordsCurator.documentLanguage, set to Chinese too.
  check('zh-cn', 'Records: Health Report', '合同信息', 'health-zh.png', { 'recordsCurator.documentLanguage': 'zh' }),
];
