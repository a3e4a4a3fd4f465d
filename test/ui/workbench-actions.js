// Steps a person takes in the workbench, shared by the UI checks.
async function openRecords(page) {
  const item = page.locator('.activitybar .action-item a[aria-label^="Records"], .activitybar .action-item a[aria-label^="档案"]').first();
  await item.waitFor({ timeout: 30000 });
  await item.click();
  await page
    .locator('.sidebar .composite.title', { hasText: /records|档案/i })
    .first()
    .waitFor({ timeout: 20000 });
}

async function runCommand(page, name) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill(`>${name}`);
  await page
    .locator('.quick-input-widget .monaco-list-row', { hasText: name.replace(/^Records: /, '') })
    .first()
    .waitFor({ timeout: 10000 });
  await page.keyboard.press('Enter');
}

module.exports = { openRecords, runCommand };
