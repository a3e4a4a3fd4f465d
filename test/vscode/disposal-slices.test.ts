import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activated, workspaceRoot } from './helpers';

const COUNT = 120;
const DIR = 'disposal/slices-test';
const abs = (rel: string) => path.join(workspaceRoot().fsPath, rel);
const codes = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)));

/** A draft batch listing one path that is no record: one finding the check reports on it. */
const batch = (i: number, listed: string) =>
  [
    '---',
    'kind: destruction-batch',
    `batch_id: "XH-2098-${String(i).padStart(3, '0')}"`,
    'status: draft',
    'records:',
    `  - path: ${JSON.stringify(listed)}`,
    '    index: 0',
    '---',
    '',
  ].join('\n');

/** Counts the turns of the event loop (setImmediate) until `p` settles. */
async function turnsUntil(p: Promise<unknown>): Promise<number> {
  let done = false;
  void p.finally(() => (done = true));
  let turns = 0;
  while (!done) {
    await new Promise((r) => setImmediate(r));
    turns++;
  }
  await p;
  return turns;
}

suite('disposal batches checked in slices', () => {
  suiteSetup(async () => {
    await (await activated()).services.index.whenReady();
    fs.mkdirSync(abs(DIR), { recursive: true });
    for (let i = 0; i < COUNT; i++) fs.writeFileSync(abs(`${DIR}/b-${i}.md`), batch(i, 'README.md'));
    await (await activated()).batches!.refresh();
  });

  suiteTeardown(async () => {
    fs.rmSync(abs(DIR), { recursive: true, force: true });
    await (await activated()).batches!.refresh();
  });

  test('a recheck of many batch files lets the event loop run between slices, and its findings come all at once', async () => {
    const batches = (await activated()).batches!;
    assert.strictEqual(batches.all().filter((b) => b.path.startsWith(DIR + '/')).length, COUNT);
    const turns = await turnsUntil(batches.refresh(false));
    // At most 25 files a slice, whatever the machine's speed: the host was free at least this often.
    assert.ok(turns >= Math.floor(COUNT / 25), `${turns} turns of the event loop during the check of ${COUNT} batch files`);
    const first = vscode.Uri.file(abs(`${DIR}/b-0.md`));
    assert.ok(codes(first).length > 0, 'the batch listing a non-record has its finding');
  });

  test('refresh resolves with a pass that includes the caller’s change, even while a pass is under way; calls meanwhile share one pass', async () => {
    const batches = (await activated()).batches!;
    const last = vscode.Uri.file(abs(`${DIR}/b-${COUNT - 1}.md`));
    const before = codes(last);
    assert.ok(before.length > 0, before.join());
    let passes = 0;
    const sub = batches.onDidChange(() => passes++);
    try {
      const under = batches.refresh(true);
      // The change comes while that pass runs: the next refresh must see it.
      fs.writeFileSync(abs(`${DIR}/b-${COUNT - 1}.md`), batch(COUNT - 1, 'communication/2015/early-call.md'));
      const mine = [batches.refresh(true), batches.refresh(true), batches.refresh(true)];
      await Promise.all([under, ...mine]);
      assert.notDeepStrictEqual(codes(last), before, 'the findings of the batch as changed');
      assert.ok(passes < 4, `${passes} passes for four calls: they share passes`);
    } finally {
      sub.dispose();
    }
  });
});
