// Serves a real VS Code (web) with the extension under development on a workspace until Ctrl-C.
// usage: node scripts/serve.js VSCODE_DIR WORKSPACE     (PORT=18780 by default)
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startServer } = require('../test/harness/workbench');

(async () => {
  const [vscodeDir, workspace] = process.argv.slice(2);
  const stateDir = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'records-curator/start-state');
  fs.mkdirSync(stateDir, { recursive: true });
  const server = await startServer({
    vscodeDir,
    ext: path.resolve(__dirname, '..'),
    workspace,
    port: Number(process.env.PORT || 18780),
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
