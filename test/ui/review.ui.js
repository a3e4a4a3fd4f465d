// The Review view on a git repository: Mark Reviewed, then a record changed on disk shows with its field
// changes; Record History opens that record's commit diff (the walkthrough's picture of the step).
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { openRecords, runCommand } = require('./workbench-actions');

const RECORD = 'customers/wang-fang/contracts/training-2024.md';

module.exports = [
  {
    name: 'Review: Mark Reviewed, then a changed record is listed with its changed fields',
    prepare(ws) {
      const git = (...args) => execFileSync('git', args, { cwd: ws, stdio: 'ignore' });
      git('init', '-q', '-b', 'main');
      git('config', 'user.name', '李档案');
      git('config', 'user.email', 'records@example.com');
      git('add', '-A');
      git('commit', '-qm', 'records');
    },
    async run({ page, shot, workspace }) {
      await openRecords(page);
      const header = page.locator('.sidebar .pane-header', { hasText: /review/i }).first();
      await header.waitFor({ timeout: 20000 });
      if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
      await page
        .locator('.sidebar .pane-body', { hasText: /No review mark yet/ })
        .first()
        .waitFor({ timeout: 30000 });

      await runCommand(page, 'Records: Mark Reviewed');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: 10000 });
      await input.fill('首次审阅 first review');
      await page.keyboard.press('Enter');
      await page
        .locator('.sidebar .pane-body', { hasText: /0 records changed since 李档案 reviewed/ })
        .first()
        .waitFor({ timeout: 30000 });

      // A colleague's change, as a checkout or another editor would make it.
      const file = path.join(workspace, RECORD);
      const text = fs.readFileSync(file, 'utf8');
      const changed = text.replace(/^title: .*$/m, 'title: "培训服务合同（续签） / Training contract (renewed)"');
      if (changed === text) throw new Error(`no title line in ${RECORD}`);
      fs.writeFileSync(file, changed);
      await page
        .locator('.sidebar .pane-body', { hasText: /1 record changed since 李档案 reviewed/ })
        .first()
        .waitFor({ timeout: 30000 });
      const row = page.locator('.sidebar .monaco-list-row', { hasText: /培训服务合同（续签）/ }).first();
      await row.waitFor({ timeout: 20000 });
      // Its changed field, old → new, under it.
      if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click();
      await page.locator('.sidebar .monaco-list-row', { hasText: /title/ }).first().waitFor({ timeout: 20000 });
      // Its marks live in .records/reviews.yaml, stamped in local time with the offset.
      const marks = fs.readFileSync(path.join(workspace, '.records/reviews.yaml'), 'utf8');
      if (!/首次审阅 first review/.test(marks) || !/[+-]\d\d:\d\d/.test(marks)) throw new Error(`reviews.yaml: ${marks}`);
      // A click opens the record beside its changes.
      await row.locator('.label-name').first().click();
      await page.locator('.tabs-container .tab', { hasText: 'training-2024.md' }).first().waitFor({ timeout: 20000 });
      if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click();
      await page.locator('.sidebar .monaco-list-row', { hasText: /title/ }).first().waitFor({ timeout: 20000 });
      await page.mouse.move(700, 400);
      await page.waitForTimeout(800);
      await shot('review.png');
    },
  },
];
