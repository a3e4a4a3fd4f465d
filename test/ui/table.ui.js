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

/** Grouped by category, customers by pinyin within each. */
function grouped(locale, t) {
  return {
    name: `the records table grouped by category, customers by pinyin within each (${locale || 'en'})`,
    locale,
    async run({ page, shot }) {
      const frame = await openTable(page, t.command);
      await sortByCustomer(frame, t.customer);
      await frame.locator('#group').selectOption('category');
      await frame.locator('#rows .group', { hasText: t.basic }).first().waitFor({ timeout: 10000 });
      await shot(t.shot);
    },
  };
}

/** Two service records that write who handled them under a key the schema does not know. */
const HANDLED = [
  'id: FW-2023-801\ncategory: service\ncustomer: 改名客户\ncustomer_type: person\ntitle: 上门服务\ndate: 2023-04-01\nservice_type: onsite\nhandled_by: 张三  # 经办人\n',
  'id: FW-2023-802\ncategory: service\ncustomer: 改名客户\ncustomer_type: person\ntitle: 电话回访\ndate: 2023-04-08\nservice_type: remote\nhandled_by: 李四\n',
].join('---\n');

/** Rename a field on a filtered selection: the key picked from those the records have, the new name from the schema. */
function rename(locale, t) {
  return {
    name: `the records table: rename a field on a selection, in the refactor preview, written by Apply (${locale || 'en'})`,
    locale,
    prepare(ws) {
      const fs = require('fs');
      const path = require('path');
      fs.mkdirSync(path.join(ws, 'service/2023'), { recursive: true });
      fs.writeFileSync(path.join(ws, 'service/2023/handled.yaml'), HANDLED);
    },
    async run({ page, shot, workspace }) {
      const fs = require('fs');
      const path = require('path');
      const frame = await openTable(page, t.command);
      await frame.locator('#filter').fill('customer=改名客户');
      await frame.locator('#count', { hasText: t.count }).waitFor({ timeout: 10000 });
      await frame.locator('#selectAll').click();
      await frame.locator('#sel', { hasText: t.selected }).waitFor({ timeout: 10000 });
      await frame.locator('#bulkRename').click();
      // Step 1: the keys the selected records have; handled_by is in both, and not in the schema.
      const quick = page.locator('.quick-input-widget');
      await quick.locator('.quick-input-title', { hasText: t.step1 }).waitFor({ timeout: 10000 });
      await quick.locator('input').fill('handled_by');
      const row = quick.locator('.monaco-list-row', { hasText: 'handled_by' }).first();
      await row.waitFor({ timeout: 10000 });
      if (!(await row.innerText()).includes(t.inBoth)) throw new Error(`step 1 says: ${await row.innerText()}`);
      await page.waitForTimeout(300);
      await shot(t.shotPick);
      await page.keyboard.press('Enter');
      // Step 2: the schema's fields by name and label; custodian picked by typing it.
      await quick.locator('.quick-input-title', { hasText: t.step2 }).waitFor({ timeout: 10000 });
      await quick.locator('input').fill('custodian');
      await quick.locator('.monaco-list-row', { hasText: t.custodian }).first().waitFor({ timeout: 10000 });
      await page.keyboard.press('Enter');
      await page.locator('.bulk-edit-panel .monaco-list-row').first().waitFor({ timeout: 20000 });
      await page.waitForTimeout(800);
      await shot(t.shotPreview);
      await page
        .locator('.bulk-edit-panel .monaco-button', { hasText: /^Apply$/ })
        .first()
        .click();
      await page.waitForTimeout(1500);
      await runCommand(page, 'File: Save All Files');
      const file = path.join(workspace, 'service/2023/handled.yaml');
      const want = HANDLED.replace(/^handled_by:/gm, 'custodian:');
      const end = Date.now() + 15000;
      while (fs.readFileSync(file, 'utf8') !== want && Date.now() < end) await page.waitForTimeout(300);
      if (fs.readFileSync(file, 'utf8') !== want) throw new Error(`after Apply:\n${fs.readFileSync(file, 'utf8')}`);
    },
  };
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
      // The saved value makes the host rebuild its view; an Enter that lands while the page waits for the new rows
      // does nothing, and a person presses it again.
      for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('Enter');
        try {
          await frame.locator('#rows select.editor').waitFor({ timeout: 3000 });
          break;
        } catch (err) {
          if (attempt >= 3) throw err;
        }
      }
      await page.keyboard.press('Escape');
      await frame.locator('#rows select.editor').waitFor({ state: 'detached', timeout: 5000 });
    },
  },
  grouped(undefined, { command: 'Records: Open Table', customer: 'Customer', basic: 'Basic information', shot: 'table-grouped.png' }),
  // In Chinese (the harness's stand-in language pack): the table's own words, the schema's Chinese labels.
  grouped('zh-cn', { command: 'Records: 打开档案表格', customer: '客户', basic: '基本信息', shot: 'table-grouped-zh.png' }),
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
  {
    name: 'the records table: Export Excel… writes what is shown, read back with its dates and ID numbers',
    async run({ page, workspace }) {
      const fs = require('fs');
      const path = require('path');
      const ExcelJS = require(path.join(__dirname, '../../node_modules/exceljs'));
      const frame = await openTable(page, 'Records: Open Table');
      await frame.locator('#filter').fill('customer=李娜');
      await frame.locator('#count', { hasText: /^[1-9] of 50/ }).waitFor({ timeout: 10000 });
      const shown = Number((await frame.locator('#count').innerText()).split(' ')[0]);
      await frame.locator('#exportXlsx').click();
      // The save dialog (the workbench's own in a browser): a path typed, Enter.
      const quick = page.locator('.quick-input-widget');
      await quick.locator('input').waitFor({ timeout: 10000 });
      const target = path.join(workspace, '李娜.xlsx');
      await page.waitForTimeout(500);
      await quick.locator('input').fill(target);
      await page.waitForTimeout(500);
      await page.keyboard.press('Enter');
      const end = Date.now() + 30000;
      while (!fs.existsSync(target) && Date.now() < end) await page.waitForTimeout(300);
      await page.locator('.notifications-toasts .notification-toast', { hasText: 'Exported' }).first().waitFor({ timeout: 20000 });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(target);
      const ws = wb.worksheets[0];
      if (ws.rowCount !== shown + 1) throw new Error(`the workbook has ${ws.rowCount} rows for ${shown} shown`);
      const headers = ws.getRow(1).values.slice(1);
      const date = headers.indexOf('Date') + 1;
      if (!date || !(ws.getRow(2).getCell(date).value instanceof Date))
        throw new Error(`headers ${headers.join(', ')}; date ${ws.getRow(2).getCell(date).value}`);
    },
  },
  rename(undefined, {
    command: 'Records: Open Table',
    count: /^2 of 52/,
    selected: '2 selected',
    step1: 'Rename a field in the selected records',
    inBoth: 'in 2 of the 2 selected records',
    step2: 'Rename handled_by to',
    custodian: 'Custodian',
    shotPick: 'table-rename-pick.png',
    shotPreview: 'table-rename-preview.png',
  }),
  rename('zh-cn', {
    command: 'Records: 打开档案表格',
    count: /^2 \/ 52/,
    selected: '已选 2 条',
    step1: '重命名所选记录中的字段',
    inBoth: '所选 2 条记录中有 2 条',
    step2: '将 handled_by 重命名为',
    custodian: '保管人',
    shotPick: 'table-rename-pick-zh.png',
    shotPreview: 'table-rename-preview-zh.png',
  }),
];
