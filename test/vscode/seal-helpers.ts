import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';

/** A custodian's identity made by the real age-keygen, as a person makes one. */
export function keygen(dir: string, name: string): { file: string; recipient: string } {
  const file = path.join(dir, `${name}.key`);
  const r = spawnSync('age-keygen', ['-o', file], { encoding: 'utf8' });
  assert.strictEqual(r.status, 0, `age-keygen: ${r.stderr} (test/harness/install-tools.sh installs age)`);
  return { file, recipient: /age1[0-9a-z]+/.exec(r.stderr)![0] };
}

/** The extension's own command line (dist/cli.js), run as a person would from a terminal. */
export function cli(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  return spawnSync(process.execPath, [path.join(ext.extensionPath, 'dist/cli.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
}

/** A key store outside the workspace for two custodians (keys init), and .records/keys.yaml in it. */
export function keyStoreFor(root: string): {
  dir: string;
  store: string;
  alice: { file: string; recipient: string };
  bob: { file: string; recipient: string };
} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-seal-test-'));
  const alice = keygen(dir, 'alice');
  const bob = keygen(dir, 'bob');
  const store = path.join(dir, 'store');
  const init = cli(root, 'keys', 'init', '.', '--keys', store, '--custodian', `alice=${alice.recipient}`, `--custodian`, `王会计=${bob.recipient}`);
  assert.strictEqual(init.status, 0, init.stderr);
  return { dir, store, alice, bob };
}

/** Whether any of these age identity files opens a sealed value (`age:` + base64), by the standard age command. */
export function ageOpens(value: string, identityFiles: string[]): string | undefined {
  const r = spawnSync('age', ['-d', ...identityFiles.flatMap((f) => ['-i', f])], { input: Buffer.from(value.slice(4), 'base64') });
  return r.status === 0 ? r.stdout.toString('utf8') : undefined;
}

/** Every customer identity the store still holds, opened by a custodian with `age -d`, as files in `dir`. */
export function customerIdentities(store: string, custodian: string, dir: string): string[] {
  const keys = path.join(store, 'keys');
  const out: string[] = [];
  for (const f of fs.existsSync(keys) ? fs.readdirSync(keys) : []) {
    const r = spawnSync('age', ['-d', '-i', custodian, path.join(keys, f)], { encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    const file = path.join(dir, `${f}.identity`);
    fs.writeFileSync(file, r.stdout, { mode: 0o600 });
    out.push(file);
  }
  return out;
}

/** The text of a hover, all its parts. */
export async function hoverText(uri: vscode.Uri, pos: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}
