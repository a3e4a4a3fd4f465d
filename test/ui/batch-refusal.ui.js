// A destruction batch edited by hand to reach outside the folder: what a person sees when they try to approve it.
const fs = require('fs');
const path = require('path');
const { openRecords, runCommand } = require('./workbench-actions');

const BATCH = [
  '---',
  'kind: destruction-batch',
  'batch_id: "XH-2026-077"',
  'status: draft',
  'retention: Y',
  'unit_head: 总经理 王强',
  'archives_head: 李档案',
  'archives_handler: 陈晨',
  'supervisors: [{ name: 李档案, role: archives }, { name: 赵工, role: it }]',
  'method: 粉碎 shredding',
  'place: 档案室',
  'scheduled_at: 2026-12-01T10:00+08:00',
  'records:',
  '  - path: "../../etc/passwd"',
  '    index: 0',
  '  - path: "README.md"',
  '    index: 0',
  '---',
  '',
  '# Hand-edited batch',
  '',
].join('\n');

module.exports = [
  {
    name: 'a hand-edited batch listing ../../etc/passwd shows the finding on its line, and Approve Batch refuses it',
    async run({ page, shot, workspace }) {
      fs.mkdirSync(path.join(workspace, 'disposal'), { recursive: true });
      fs.writeFileSync(path.join(workspace, 'disposal/XH-2026-077.md'), BATCH);
      await openRecords(page);
      // Open it as a person does: Quick Open, its name, Enter.
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').fill('XH-2026-077.md');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'XH-2026-077.md' }).first().waitFor({ timeout: 15000 });
      await page.keyboard.press('Enter');
      await page.locator('.editor-instance .view-line', { hasText: 'etc/passwd' }).first().waitFor({ timeout: 15000 });
      await runCommand(page, 'View: Focus Problems');
      const problems = page.locator('.markers-panel');
      await problems
        .locator('.monaco-list-row', { hasText: /leads outside the folder/ })
        .first()
        .waitFor({ timeout: 20000 });
      await problems
        .locator('.monaco-list-row', { hasText: /README\.md is not a record file/ })
        .first()
        .waitFor({ timeout: 20000 });
      await page.locator('.editor-instance .view-line', { hasText: 'kind: destruction-batch' }).first().click();
      await runCommand(page, 'Records: Approve Batch');
      await page
        .locator('.notifications-toasts .notification-toast', { hasText: /cannot be approved/ })
        .first()
        .waitFor({ timeout: 15000 });
      await page.mouse.move(700, 400);
      await page.waitForTimeout(600);
      await shot('batch-refused.png');
      if (!fs.readFileSync(path.join(workspace, 'disposal/XH-2026-077.md'), 'utf8').includes('status: draft')) throw new Error('the batch was approved');
    },
  },
];
