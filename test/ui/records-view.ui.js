// The Records container is in the activity bar and opens its view on the sample.
module.exports = [{
  name: 'the Records view container opens from the activity bar',
  async run({ page, shot }) {
    const item = page.locator('.activitybar .action-item a[aria-label^="Records"]');
    await item.first().waitFor({ timeout: 30000 });
    await item.first().click();
    await page.locator('.sidebar .composite.title', { hasText: /records/i }).first().waitFor({ timeout: 20000 });
    await page.waitForTimeout(1500);
    await shot('records-view.png');
  },
}];
