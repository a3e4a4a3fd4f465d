// Sealing on the sample as a person does it: the key store made on the command line for two custodians (their
// identities from age-keygen), a record's ID number sealed from the command palette and reviewed in the
// refactor preview, the store unlocked with a custodian's identity file, and the hover showing the value
// masked, then whole on request.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { openRecords, runCommand } = require('./workbench-actions');

const RECORD = 'customers/li-na/basic/identity.md';
const ID = '11010519491231002X';
const secrets = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-ui-seal-'));
const STORE = path.join(secrets, 'store');

function keygen(name) {
  const file = path.join(secrets, `${name}.key`);
  fs.rmSync(file, { force: true });
  const out = execFileSync('age-keygen', ['-o', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const recipient = /age1[0-9a-z]+/.exec(out + fs.readFileSync(file, 'utf8'))[0];
  return { file, recipient };
}

module.exports = [
  {
    name: 'Seal Sensitive Fields from the palette, reviewed and applied; Unlock Key Store…; the hover shows the value masked, whole on request',
    settings: { 'recordsCurator.keyStore': STORE },
    prepare(ws) {
      fs.mkdirSync(secrets, { recursive: true });
      fs.rmSync(STORE, { recursive: true, force: true });
      const alice = keygen('alice');
      const bob = keygen('bob');
      const cli = path.resolve(__dirname, '../../dist/cli.js');
      execFileSync(
        process.execPath,
        [cli, 'keys', 'init', ws, '--keys', STORE, '--custodian', `李档案=${alice.recipient}`, '--custodian', `王会计=${bob.recipient}`],
        {
          stdio: 'ignore',
        },
      );
    },
    async run({ page, shot, workspace }) {
      try {
        await openRecords(page);
        await page.locator('.sidebar .monaco-list-row', { hasText: 'Basic information' }).first().waitFor({ timeout: 30000 });
        await page.keyboard.press('Control+P');
        await page.locator('.quick-input-widget input').fill(RECORD);
        await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'identity.md' }).first().waitFor({ timeout: 10000 });
        await page.keyboard.press('Enter');
        const plain = page.locator('.editor-instance .view-line', { hasText: `id_number: ${ID}` }).first();
        await plain.waitFor({ timeout: 20000 });
        await plain.click();

        // Seal: the current record's values, shown for review; Apply writes them.
        await runCommand(page, 'Records: Seal Sensitive Fields');
        await page.locator('.bulk-edit-panel .monaco-list-row', { hasText: 'identity.md' }).first().waitFor({ timeout: 20000 });
        await page.waitForTimeout(500);
        await page
          .locator('.bulk-edit-panel .monaco-button', { hasText: /^Apply$/ })
          .first()
          .click();
        const sealed = page.locator('.editor-instance .view-line', { hasText: 'id_number: age:' }).first();
        await sealed.waitFor({ timeout: 20000 });
        await sealed.click();
        await page.keyboard.press('Control+S');
        const file = path.join(workspace, RECORD);
        const end = Date.now() + 15000;
        while (!/^id_number: age:\S+$/m.test(fs.readFileSync(file, 'utf8'))) {
          if (Date.now() > end) throw new Error(`not sealed on disk:\n${fs.readFileSync(file, 'utf8')}`);
          await page.waitForTimeout(300);
        }
        if (fs.readFileSync(file, 'utf8').includes(ID)) throw new Error('the plain value is still in the file');

        // Unlock: the open dialog (the workbench's own in a browser), a custodian's identity file typed in.
        await runCommand(page, 'Records: Unlock Key Store…');
        const quick = page.locator('.quick-input-widget');
        await quick.locator('input').waitFor({ timeout: 10000 });
        await page.waitForTimeout(500);
        await quick.locator('input').fill(path.join(secrets, 'alice.key'));
        await page.waitForTimeout(500);
        await page.keyboard.press('Enter');
        await page.locator('.statusbar-item', { hasText: 'Keys unlocked' }).first().waitFor({ timeout: 20000 });

        // The hover on the sealed value: masked, with the link that shows it whole.
        const box = await sealed.boundingBox();
        const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Sealed' });
        for (let i = 0; ; i++) {
          await page.mouse.move(box.x + 180 + i * 7, box.y + box.height / 2);
          try {
            await hover.locator('text=110***********002X').first().waitFor({ timeout: 4000 });
            break;
          } catch (err) {
            if (i === 4) throw err;
            await page.mouse.move(box.x, box.y - 200);
            await page.waitForTimeout(500);
          }
        }
        if ((await hover.innerText()).includes(ID)) throw new Error('the hover shows the whole value before it is asked for');
        await page.waitForTimeout(400);
        await shot('seal-hover.png');
        await hover.locator('a', { hasText: 'Show full value' }).first().click();
        await page.locator('.monaco-hover:not(.hidden)', { hasText: ID }).first().waitFor({ timeout: 10000 });
        await page.waitForTimeout(300);
        await shot('seal-hover-full.png');
      } finally {
        // The custodians' identities and the store: nothing of them outlives the check.
        fs.rmSync(secrets, { recursive: true, force: true });
      }
    },
  },
];
