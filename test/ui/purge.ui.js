// A destruction executed and committed on a git copy of the sample: what a person sees when they check git
// history, purge it from the palette (confirming the modal), and ask for a certificate too early.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { runCommand } = require('./workbench-actions');

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Tester',
  GIT_AUTHOR_EMAIL: 't@example.com',
  GIT_COMMITTER_NAME: 'Tester',
  GIT_COMMITTER_EMAIL: 't@example.com',
  LANG: 'C',
};
const NOTE = '电话记录：客户了解个人网站开发的价格与周期';

/** How many objects of the repository hold the text: checked apart from the tool. */
function objectsHolding(ws, needle) {
  const out = execFileSync('git', ['cat-file', '--batch-all-objects', '--batch'], { cwd: ws, maxBuffer: 1 << 30 });
  let n = 0;
  for (let pos = 0; pos < out.length;) {
    const nl = out.indexOf(10, pos);
    const size = Number(out.subarray(pos, nl).toString().split(' ')[2]);
    if (out.subarray(nl + 1, nl + 1 + size).includes(Buffer.from(needle))) n++;
    pos = nl + 2 + size;
  }
  return n;
}

function prepare(ws) {
  const git = (...a) => execFileSync('git', a, { cwd: ws, env: ENV, stdio: 'ignore' });
  const cli = (...a) => execFileSync(process.execPath, [CLI, ...a], { cwd: ws, env: ENV, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'records');
  const created = cli(
    'batch',
    'create',
    '.',
    '--due',
    '--set',
    'unit_head=总经理 王强',
    '--set',
    'archives_head=李档案',
    '--set',
    'archives_handler=陈晨',
    '--set',
    'supervisors=李档案:archives,赵工:it',
    '--set',
    'method=git-purge',
    '--set',
    'place=档案室',
    '--set',
    'scheduled_at=2026-12-01T10:00+08:00',
  );
  const file = /wrote (\S+):/.exec(created)[1];
  // The appraisal opinion (会计档案管理办法 Art. 16), signed by the appraisers before approval.
  const opinion = /wrote (\S+) /.exec(
    cli('batch', 'appraise', file, '--set', 'appraisers=李档案:archives,周审计:audit', '--set', 'appraised_at=2026-11-20'),
  )[1];
  fs.writeFileSync(path.join(ws, opinion), fs.readFileSync(path.join(ws, opinion), 'utf8').replace(/^status: draft/m, 'status: final'));
  cli('batch', 'approve', file);
  cli('batch', 'execute', file, '--yes');
  git('add', '-A');
  git('commit', '-qm', 'destruction');
  return file;
}

/** The Records activity, clicked through its badge (the review count covers the icon once git is there). */
async function openRecords(page) {
  const item = page.locator('.activitybar .action-item a[aria-label^="Records"]').first();
  await item.waitFor({ timeout: 30000 });
  await item.click({ force: true });
  await page
    .locator('.sidebar .composite.title', { hasText: /records/i })
    .first()
    .waitFor({ timeout: 20000 });
}

async function dialogButton(page, name) {
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 20000 });
  return dialog.locator('.dialog-buttons .monaco-button', { hasText: name }).first();
}

module.exports = [
  {
    // The packaged extension, so the modal confirmations show and are answered as a person does.
    installed: true,
    name: 'Check Git History shows the destroyed record still in history; Purge, confirmed in its modal, removes it from every object',
    async run({ page, shot, workspace }) {
      const file = prepare(workspace);
      if (!objectsHolding(workspace, NOTE)) throw new Error('the fixture should hold the record in history');
      await openRecords(page);
      await runCommand(page, 'Records: Check Git History for Destroyed Records');
      await page.locator('.editor-instance .view-line', { hasText: 'Git history purge check' }).first().waitFor({ timeout: 30000 });
      await page.locator('.editor-instance .view-line', { hasText: 'early-call.md' }).first().waitFor({ timeout: 10000 });
      await page
        .locator('.notifications-toasts .notification-toast', { hasText: /still in the repository/ })
        .first()
        .waitFor({ timeout: 15000 });
      await page.mouse.move(700, 400);
      await page.waitForTimeout(600);
      await shot('purge-check.png');

      await runCommand(page, 'Records: Purge Destroyed Records from Git History');
      const rewrite = await dialogButton(page, 'Rewrite History');
      await page.waitForTimeout(400);
      await shot('purge-confirm.png');
      await rewrite.click();
      await page
        .locator('.notifications-toasts .notification-toast', { hasText: /Git history purged/ })
        .first()
        .waitFor({ timeout: 60000 });
      await page.locator('.editor-instance .view-line', { hasText: 'None of these blobs exists' }).first().waitFor({ timeout: 20000 });
      await page.mouse.move(700, 400);
      await page.waitForTimeout(600);
      await shot('purge-done.png');
      if (objectsHolding(workspace, NOTE)) throw new Error('an object still holds the destroyed record');

      // The checklist is not signed yet: the certificate says what is missing instead.
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').fill(path.basename(file));
      await page
        .locator('.quick-input-widget .monaco-list-row', { hasText: path.basename(file) })
        .first()
        .waitFor({ timeout: 15000 });
      await page.keyboard.press('Enter');
      await page.locator('.editor-instance .view-line', { hasText: 'kind: destruction-batch' }).first().waitFor({ timeout: 15000 });
      await runCommand(page, 'Records: Export Certificate of Destruction');
      const unverified = await dialogButton(page, 'Save Unverified Record');
      await page.locator('.monaco-dialog-box', { hasText: 'checklist item not checked' }).first().waitFor({ timeout: 10000 });
      await page.waitForTimeout(400);
      await shot('certificate-refused.png');
      if (!(await unverified.isVisible())) throw new Error('the unverified record is offered');
      await page.keyboard.press('Escape');
    },
  },
];
