// Issue 16, item 1: Assign Archive Numbers shows its edits in the refactor preview, every one ticked, and
// clicking Apply there writes the numbers into the files.
const fs = require('fs');
const path = require('path');
const { openRecords, runCommand } = require('./workbench-actions');

/** Contract records of the sample, by path, and whether each has an archive number. */
function numbered(workspace) {
  const out = {};
  const walk = (dir) => {
    for (const e of fs.readdirSync(path.join(workspace, dir), { withFileTypes: true })) {
      const rel = path.join(dir, e.name);
      if (e.isDirectory()) walk(rel);
      else if (/\.(md|yaml)$/.test(e.name)) {
        const text = fs.readFileSync(path.join(workspace, rel), 'utf8');
        if (/^category: contract\s*$/m.test(text)) out[rel] = /^archive_no: \S/m.test(text);
      }
    }
  };
  walk('customers');
  return out;
}

module.exports = [
  {
    name: 'Assign Archive Numbers: the refactor preview shows every edit ticked, and Apply writes the numbers',
    async run({ page, shot, workspace }) {
      const before = numbered(workspace);
      const lacking = Object.keys(before).filter((p) => !before[p]);
      if (!lacking.length) throw new Error('the sample has no contract without an archive number');
      await openRecords(page);
      await runCommand(page, 'Records: Assign Archive Numbers');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Contracts' }).first().click();
      await page.locator('.bulk-edit-panel .monaco-list-row').first().waitFor({ timeout: 20000 });
      // Every entry of the tree is ticked: no checkbox is left unchecked (before the fix, all of them were).
      const boxes = page.locator('.bulk-edit-panel input.edit-checkbox');
      await page.waitForTimeout(800);
      const count = await boxes.count();
      if (!count) throw new Error('no checkboxes in the refactor preview');
      for (let i = 0; i < count; i++) {
        if (!(await boxes.nth(i).isChecked())) throw new Error(`entry ${i + 1} of ${count} in the refactor preview is not ticked`);
      }
      // The files the preview lists (a contract with errors is refused, and not among them).
      const files = await page.locator('.bulk-edit-panel .monaco-list-row').allInnerTexts();
      const listed = lacking.filter((p) => files.some((t) => t.includes(path.basename(p)) && t.includes(path.dirname(p))));
      if (!listed.length) throw new Error(`the preview lists none of ${lacking.join(', ')}: ${files.join(', ')}`);
      await page.mouse.move(700, 300);
      await shot('refactor-preview.png');
      await page
        .locator('.bulk-edit-panel .monaco-button', { hasText: /^Apply$/ })
        .first()
        .click();
      // Written to disk: the files are saved by the edit, or by us as a person would (Save All).
      await page.waitForTimeout(1500);
      await runCommand(page, 'File: Save All Files');
      const end = Date.now() + 15000;
      let after = numbered(workspace);
      while (listed.some((p) => !after[p]) && Date.now() < end) {
        await page.waitForTimeout(300);
        after = numbered(workspace);
      }
      const missed = listed.filter((p) => !after[p]);
      if (missed.length) throw new Error(`Apply wrote no archive number into ${missed.join(', ')}`);
    },
  },
];
