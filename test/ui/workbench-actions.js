// Steps a person takes in the workbench, shared by the UI checks.
async function openRecords(page) {
  const item = page.locator('.activitybar .action-item a[aria-label^="Records"], .activitybar .action-item a[aria-label^="档案"]').first();
  await item.waitFor({ timeout: 30000 });
  // The count badge lies over the icon and takes the click; it goes to the same item all the same.
  await item.click({ force: true });
  await page
    .locator('.sidebar .composite.title', { hasText: /records|档案/i })
    .first()
    .waitFor({ timeout: 20000 });
}

/**
 * Opens the Command Palette, types the command, and runs it. On a busy machine the palette can open before the
 * extension has registered its commands (activation still running), so an absent row is tried again, the way a
 * person would close the palette and type the command once more.
 */
async function runCommand(page, name) {
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: name.replace(/^Records: /, '') }).first();
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 10000 });
    await input.fill(`>${name}`);
    try {
      await row.waitFor({ timeout: 10000 });
      break;
    } catch (err) {
      if (attempt >= 3) throw err;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(2000);
    }
  }
  await page.keyboard.press('Enter');
}

module.exports = { openRecords, runCommand };
