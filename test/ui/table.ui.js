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
  {
    name: 'the records table: set a field on a filtered selection, shown in the refactor preview, written by Apply',
    async run({ page, shot, workspace }) {
      const fs = require('fs');
      const path = require('path');
      const frame = await openTable(page, 'Records: Open Table');
      await frame.locator('#filter').fill('customer=李娜 status=active');
      // One of 李娜's records is active (customers/li-na/basic/identity.md).
      const shown = 1;
      await frame.locator('#count', { hasText: /^1 of 50/ }).waitFor({ timeout: 10000 });
      await frame.locator('#selectAll').click();
      await frame.locator('#sel', { hasText: `${shown} selected` }).waitFor({ timeout: 10000 });
      await frame.locator('#bulkField').selectOption('custodian');
      await frame.locator('#bulkValue').fill('刘静');
      await frame.locator('#bulkSet').click();
      await page.locator('.bulk-edit-panel .monaco-list-row').first().waitFor({ timeout: 20000 });
      await page.waitForTimeout(800);
      await shot('table-bulk-preview.png');
      await page
        .locator('.bulk-edit-panel .monaco-button', { hasText: /^Apply$/ })
        .first()
        .click();
      await page.waitForTimeout(1500);
      await runCommand(page, 'File: Save All Files');
      // Every selected record, and only they, now name the custodian.
      const end = Date.now() + 15000;
      const count = () =>
        fs
          .readdirSync(path.join(workspace, 'customers/li-na'), { recursive: true })
          .filter((f) => /\.(md|yaml)$/.test(f))
          .filter((f) => /^custodian: 刘静$/m.test(fs.readFileSync(path.join(workspace, 'customers/li-na', f), 'utf8'))).length;
      while (count() < shown && Date.now() < end) await page.waitForTimeout(300);
      if (count() !== shown) throw new Error(`Apply set the custodian of ${count()} of ${shown} records`);
    },
  },
];
