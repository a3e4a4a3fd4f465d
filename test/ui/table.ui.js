// The records table on the sample: opened from the command palette, sorted by a click on a column header,
// filtered by typing, a cell edited in place (double-click, type, Enter), grouped.
const { openRecords, runCommand } = require('./workbench-actions');

function table(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

async function openTable(page, command) {
  await openRecords(page);
  await runCommand(page, command);
  const frame = table(page);
  await frame.locator('[role=grid] [role=row][aria-rowindex="2"]').waitFor({ timeout: 30000 });
  await page.keyboard.press('Control+B'); // hide the side bar: more of the table in the picture
  await page.waitForTimeout(500);
  return frame;
}

async function sortByCustomer(frame, label) {
  await frame.locator('[role=columnheader] button.sort', { hasText: label }).first().click();
  await frame.locator('[role=columnheader][aria-sort=ascending]', { hasText: label }).waitFor({ timeout: 10000 });
}

module.exports = [
  {
    name: 'the records table: sort by a header, filter by typing, edit a cell in place',
    async run({ page, shot }) {
      const frame = await openTable(page, 'Records: Open Table');
      await sortByCustomer(frame, 'Customer');
      // 北京 (bei) sorts before 上海 (shang) before 深圳 (shen).
      const first = await frame.locator('#rows [role=row][aria-rowindex="2"]').innerText();
      if (!/Harbor|Wang Fang|北京/.test(first)) throw new Error(`first row after sorting: ${first}`);
      await shot('table.png');
      await frame.locator('#filter').fill('id=GT-2015-001');
      await frame.locator('#count', { hasText: /^1 of/ }).waitFor({ timeout: 10000 });
      const row = frame.locator('#rows [role=row][aria-rowindex="2"]');
      // The title column: edit it, see what check says as you type (an empty title), then write a new one.
      const titleCell = row.locator('[role=gridcell]').nth(2 + 4);
      await titleCell.dblclick();
      const editor = frame.locator('#rows .editor');
      await editor.waitFor({ timeout: 5000 });
      await editor.fill('');
      await frame
        .locator('#problems div', { hasText: /empty|missing|空|缺/i })
        .first()
        .waitFor({ timeout: 10000 });
      await shot('table-edit.png');
      await editor.fill('首次电话咨询（已核对）');
      await page.keyboard.press('Enter');
      await frame.locator('#rows [role=gridcell]', { hasText: '首次电话咨询（已核对）' }).waitFor({ timeout: 15000 });
      // Keyboard: the focus moves along the row, Enter opens the status editor (an enum list), Escape leaves it.
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      await frame.locator('#rows select.editor').waitFor({ timeout: 5000 });
      await page.keyboard.press('Escape');
      await frame.locator('#rows select.editor').waitFor({ state: 'detached', timeout: 5000 });
    },
  },
  {
    // The harness's workbench speaks English whatever its locale (the extension's zh-cn bundle is not loaded there),
    // so the table's Chinese is the records' own: group headings, customers sorted by pinyin.
    name: 'the records table grouped by category, customers by pinyin within each',
    async run({ page, shot }) {
      const frame = await openTable(page, 'Records: Open Table');
      await sortByCustomer(frame, 'Customer');
      await frame.locator('#group').selectOption('category');
      await frame.locator('#rows .group', { hasText: 'Basic information' }).first().waitFor({ timeout: 10000 });
      await shot('table-grouped.png');
    },
  },
];
