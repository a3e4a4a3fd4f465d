// Starts the VS Code server on a workspace with the extension under development and opens the workbench in
// headless Chromium. Shared by the UI checks and `npm start`.
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { installLanguagePack } = require('./language-pack');

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(url, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`VS Code server did not answer at ${url}`);
}

/**
 * `extensionsDir`: an extensions folder the packaged extension is installed in, instead of loading `ext` as the
 * extension under development. Without the smoke-test driver that loading needs, modal dialogs show (the
 * driver refuses them), so a check can press a modal's button as a person does.
 * @param {{vscodeDir: string, ext: string, workspace: string, port?: number, trusted?: boolean,
 *          locale?: string (a display language; zh-cn installs the stand-in language pack, see language-pack.js), stateDir?: string, settings?: object, stdio?: 'inherit'|'ignore', extensionsDir?: string}} o
 */
async function startServer(o) {
  const port = o.port || (await freePort());
  const state = o.stateDir || fs.mkdtempSync(path.join(os.tmpdir(), 'rc-vscode-'));
  fs.mkdirSync(path.join(state, 'ud/User'), { recursive: true });
  fs.mkdirSync(path.join(state, 'ext'), { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'workbench.tips.enabled': false,
    'security.workspace.trust.startupPrompt': 'never',
    ...o.settings,
  };
  fs.writeFileSync(path.join(state, 'ud/User/settings.json'), JSON.stringify(settings, null, 2));
  if (o.locale) fs.writeFileSync(path.join(state, 'ud/User/argv.json'), JSON.stringify({ locale: o.locale }));
  // A display language other than English needs an installed language pack, or the workbench falls back to English.
  if (o.locale && !o.locale.toLowerCase().startsWith('en')) {
    installLanguagePack({
      vscodeDir: o.vscodeDir,
      locale: o.locale,
      userDataDir: path.join(state, 'ud'),
      extensionsDir: o.extensionsDir || path.join(state, 'ext'),
    });
  }
  const serverMain = path.join(o.vscodeDir, 'node_modules/code-server/lib/vscode/out/server-main.js');
  const args = [
    serverMain,
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    ...(o.extensionsDir ? [] : ['--enable-smoke-test-driver']),
    '--disable-telemetry',
    '--user-data-dir',
    path.join(state, 'ud'),
    '--server-data-dir',
    path.join(state, 'ud'),
    '--extensions-dir',
    o.extensionsDir || path.join(state, 'ext'),
  ];
  if (o.trusted !== false) args.push('--disable-workspace-trust');
  if (o.locale) args.push('--locale', o.locale);
  const log = fs.openSync(path.join(state, 'server.log'), 'a');
  const child = spawn(path.join(o.vscodeDir, 'bin/node'), args, {
    detached: true,
    stdio: ['ignore', o.stdio === 'inherit' ? 'inherit' : log, o.stdio === 'inherit' ? 'inherit' : log],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/version`, 30000);
  const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${path.resolve(o.ext)}`]];
  const url = `${base}/?folder=${encodeURIComponent(path.resolve(o.workspace))}${o.extensionsDir ? '' : `&payload=${encodeURIComponent(JSON.stringify(payload))}`}`;
  const stop = () => {
    // The server keeps extension hosts alive waiting for a reconnect: end the whole process group.
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    if (!o.stateDir) fs.rmSync(state, { recursive: true, force: true });
  };
  return { url, port, child, stop, state };
}

async function openBrowser(opts = {}) {
  const { chromium } = require('playwright-core');
  const udd = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-chrome-'));
  const ctx = await chromium.launchPersistentContext(udd, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: opts.viewport || { width: 1400, height: 860 },
    locale: opts.locale,
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
  const close = async () => {
    await ctx.close();
    fs.rmSync(udd, { recursive: true, force: true });
  };
  return { ctx, page, close };
}

module.exports = { startServer, openBrowser, freePort };
