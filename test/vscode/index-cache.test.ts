import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { field } from '../../src/core/model/records';
import { activated, workspaceRoot } from './helpers';

const REL = 'service/2024/cache-probe.md';
const probe = (title: string) => `---
id: FW-2024-950
category: service
customer: 缓存测试客户 Cache Probe Ltd
customer_type: organization
title: ${title}
date: 2024-06-01
service_type: support
staff: 王工
---
Body.
`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function folder() {
  const api = await activated();
  await api.services.index.whenReady();
  const f = api.services.index.all()[0];
  assert.ok(f, 'the sample folder is indexed');
  return f;
}

suite('index cache', () => {
  const abs = () => path.join(workspaceRoot().fsPath, REL);
  suiteTeardown(async () => {
    fs.rmSync(abs(), { force: true });
    await (await folder()).build('test cleanup');
  });

  test('a rebuild after the cache is saved reads only what changed on disk since', async () => {
    const f = await folder();
    fs.mkdirSync(path.dirname(abs()), { recursive: true });
    fs.writeFileSync(abs(), probe('Before the save'));
    await f.build('test: new file');
    // What a window closed mid-save leaves behind: a temporary file of a process that is gone.
    let deadPid = 4_000_000;
    while (alive(deadPid)) deadPid++;
    const orphan = `${f.cacheFile}.${deadPid}.tmp`;
    fs.mkdirSync(path.dirname(orphan), { recursive: true });
    fs.writeFileSync(orphan, 'half a cache');
    await f.saveCache();
    assert.ok(f.cacheFile && fs.existsSync(f.cacheFile), 'the cache is written to the extension storage folder');
    assert.ok(!fs.existsSync(orphan), 'the orphaned temporary file is removed');
    assert.ok(!f.cacheFile.startsWith(workspaceRoot().fsPath), 'and never into the workspace');

    await f.build('test: nothing changed');
    assert.deepStrictEqual(
      { read: f.lastBuild?.read, reused: f.lastBuild?.reused },
      { read: 0, reused: f.lastBuild?.listed },
      'every entry came from the cache',
    );

    // Another size, so the change shows even within the file system's timestamp resolution.
    fs.writeFileSync(abs(), probe('Changed on disk while VS Code was not looking'));
    await f.build('test: one file changed');
    assert.strictEqual(f.lastBuild?.read, 1, 'only the changed file is read again');
    const entry = f.index.get(REL);
    assert.strictEqual(entry && field(entry.records[0], 'title'), 'Changed on disk while VS Code was not looking');
  });

  test('a corrupt cache is not trusted: the folder is read again, with the same result', async () => {
    const f = await folder();
    await f.saveCache();
    const before = f.index.size;
    const text = fs.readFileSync(f.cacheFile!, 'utf8');
    fs.writeFileSync(f.cacheFile!, text.slice(0, Math.floor(text.length / 2))); // a crash mid-write, say
    // The views say "indexing" (not "no records") while a build runs: the workspace index tells them when.
    const api = await activated();
    const states: boolean[] = [];
    const sub = api.services.index.onDidChangeBuilding((b) => states.push(b));
    const build = f.build('test: corrupt cache');
    assert.strictEqual(api.services.index.building, true);
    await build;
    sub.dispose();
    assert.deepStrictEqual(states, [true, false]);
    assert.strictEqual(api.services.index.building, false);
    // A build asked for while one runs (a schema saved mid-build, say) is a second build after it, not lost.
    states.length = 0;
    const sub2 = api.services.index.onDidChangeBuilding((b) => states.push(b));
    const first = f.build('test: first');
    const second = f.build('test: asked for meanwhile');
    await Promise.all([first, second]);
    sub2.dispose();
    assert.deepStrictEqual(states, [true, false, true, false]);
    assert.strictEqual(f.lastBuild?.reused, 0, 'nothing taken from a truncated cache');
    assert.strictEqual(f.lastBuild?.read, f.lastBuild?.listed);
    assert.strictEqual(f.index.size, before);
  });
});
