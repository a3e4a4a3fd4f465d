// usage: node runtests.js PORT EXT_DIR TESTS_ENTRY WORKSPACE
// Opens code-server's workbench with extensionDevelopmentPath/extensionTestsPath passed through the `payload`
// query parameter (what VS Code web uses for Extension Development Host windows) and waits for the test exit code.
const { chromium } = require('playwright-core');
const fs = require('fs');
const [port, extDir, testsEntry, ws] = process.argv.slice(2);
const t0 = Date.now();
const el = () => ((Date.now() - t0) / 1000).toFixed(1) + 's';
const auth = `127.0.0.1:${port}`;
const payload = [
  ['extensionDevelopmentPath', `vscode-remote://${auth}${extDir}`],
  ['extensionTestsPath', `vscode-remote://${auth}${testsEntry}`],
];
const url = `http://${auth}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
(async () => {
  const udd = fs.mkdtempSync(require('os').tmpdir() + '/chrome-ud-');
  const ctx = await chromium.launchPersistentContext(udd, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = ctx.pages()[0] || (await ctx.newPage());
  let done;
  const exited = new Promise((r) => (done = r));
  await page.exposeFunction('codeAutomationLog', (type, args) => console.log(...args));
  await page.exposeFunction('codeAutomationExit', (code) => done(code));
  page.on('console', (m) => {
    const t = m.text();
    if (process.env.VERBOSE || (/Extension Host/.test(t) && !/ENOTFOUND/.test(t))) console.log('[browser]', t.replace(/%c/g, '').slice(0, 2000));
  });
  // A ceiling for a hung workbench, not a budget: the main suite takes 4–5 minutes on a busy 2-core machine.
  const timer = setTimeout(() => done('timeout'), Number(process.env.TEST_TIMEOUT_MS || 600000));
  await page.goto(url);
  const code = await exited;
  clearTimeout(timer);
  console.log(`extension tests exit code: ${code} (after ${el()})`);
  await ctx.close();
  fs.rmSync(udd, { recursive: true, force: true });
  process.exit(code === 0 ? 0 : 1);
})().catch((e) => {
  console.error(e);
  process.exit(2);
});
