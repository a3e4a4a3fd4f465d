// Serves a real VS Code (web) with the extension under development on a workspace until Ctrl-C.
// usage: node scripts/serve.js VSCODE_DIR WORKSPACE     (PORT=18780 by default; PORT=0 picks a free one)
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { startServer } = require('../test/harness/workbench');

/** Whether nothing listens on the port yet: another server there would answer for ours, and we would print its URL. */
function portFree(port) {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/** PORT if it is free; the default port, or else a free one (said so); an explicit PORT that is taken is an error. */
async function choosePort() {
  const asked = process.env.PORT;
  const port = Number(asked ?? 18780);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT=${asked} is not a port number`);
  if (port === 0) return 0;
  if (await portFree(port)) return port;
  if (asked !== undefined) {
    console.error(`Port ${port} is in use by another program. Stop it, or choose another port: PORT=18781 npm start (PORT=0 picks a free one).`);
    process.exit(1);
  }
  console.log(`Port ${port} is in use by another program; using a free port instead (set PORT to choose one).`);
  return 0;
}

(async () => {
  const [vscodeDir, workspace] = process.argv.slice(2);
  const chosen = await choosePort();
  const stateDir = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'records-curator/start-state');
  fs.mkdirSync(stateDir, { recursive: true });
  const server = await startServer({
    vscodeDir,
    ext: path.resolve(__dirname, '..'),
    workspace,
    port: chosen || undefined,
    stateDir,
    locale: process.env.RC_LOCALE,
  });
  console.log(
    `Records Curator on ${path.resolve(workspace)} in VS Code ${require(path.join(vscodeDir, 'node_modules/code-server/lib/vscode/package.json')).version}`,
  );
  console.log(`open: ${server.url}`);
  console.log('Ctrl-C stops the server.');
  const stop = () => {
    server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.child.on('exit', (code) => {
    console.log(`VS Code server exited (${code})`);
    process.exit(code ?? 1);
  });
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
