import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { appraise, callRecord, cli, commitAll, DETAILS, destroy, git, objectsHolding, repo } from './git-fixtures';
import { tempWorkspace } from './helpers';

const read = (root: string, rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');

describe('the whole workflow from the command line', () => {
  test('disposal lists every record with state, governing code, start, last day and basis', () => {
    const root = repo({ 'calls/a.md': callRecord('GT-1'), 'calls/b.md': callRecord('GT-2', ['hold: true', 'hold_reason: dispute']) });
    const r = cli(root, 'disposal', '.', '--format', 'json', '--date', '2026-11-26');
    assert.equal(r.status, 0, r.stderr);
    const rows = JSON.parse(r.stdout);
    assert.deepEqual(
      rows.map((x: Record<string, unknown>) => [x.path, x.id, x.state, x.retention, x.start, x.until]),
      [
        ['calls/a.md', 'GT-1', 'due', 'D3', '2015-06-11', '2018-06-10'],
        ['calls/b.md', 'GT-2', 'hold', 'D3', '2015-06-11', '2018-06-10'],
      ],
    );
    assert.ok(rows.every((x: { basis: string }) => x.basis.length > 0));
    assert.match(cli(root, 'disposal', '.').stdout, /2 records, 1 due for disposal/);
  });

  test('the certificate refuses with reasons until the checklist, the method and the purge check hold; the unverified record says so', () => {
    const root = repo({ 'calls/a.md': callRecord('GT-1', [], 'SECRET-A\n') });
    const details = DETAILS.map((d) => (d === 'method=git-purge' ? 'method=git rm' : d));
    const created = cli(root, 'batch', 'create', '.', '--due', ...details);
    assert.equal(created.status, 0, created.stderr);
    const file = /wrote (\S+):/.exec(created.stdout)![1];
    appraise(root, file);
    assert.equal(cli(root, 'batch', 'approve', file).status, 0);
    assert.equal(cli(root, 'batch', 'execute', file, '--yes').status, 0);
    commitAll(root, 'destruction');
    const refused = cli(root, 'certificate', file, '--format', 'md');
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /checklist item not checked/);
    assert.match(refused.stderr, /method "git rm" is not one of the configured unrecoverable methods/);
    assert.match(refused.stderr, /the purge check did not pass/);
    assert.equal(refused.stdout, '', 'nothing written');
    const draft = cli(root, 'certificate', file, '--format', 'md', '--unverified', '--lang', 'en');
    assert.equal(draft.status, 0);
    assert.match(draft.stdout, /^---\nkind: destruction-certificate\n[\s\S]*^verified: false$[\s\S]*^# Destruction record \(not yet verified\)/m);
    assert.doesNotMatch(draft.stdout, /cannot be recovered;|Certificate of Destruction/);
    // Now make each condition hold, as people do: check the tasks, name a configured method, purge.
    fs.writeFileSync(
      path.join(root, file),
      read(root, file)
        .replace(/- \[ \]/g, '- [x]')
        .replace('method: "git rm"', 'method: "git-purge"'),
    );
    commitAll(root, 'checklist signed');
    assert.equal(cli(root, 'purge', '.', '--yes').status, 0);
    assert.deepEqual(objectsHolding(root, 'SECRET-A'), []);
    const out = path.join(root, 'certificate.html');
    const cert = cli(root, 'certificate', file, '--out', out, '--lang', 'en');
    assert.equal(cert.status, 0, cert.stderr);
    const html = read(root, 'certificate.html');
    assert.match(html, /<h1>Certificate of Destruction<\/h1>/);
    assert.match(html, /NIST SP 800-88 Clear/);
    const blobs = JSON.parse(cli(root, 'purge-check', '.', '--format', 'json').stdout).blobs as string[];
    assert.ok(blobs.length > 0 && blobs.every((b) => html.includes(b)), 'every blob id checked is listed');
    assert.match(html, new RegExp(git(root, 'rev-parse', 'HEAD').trim().slice(0, 12)), 'the commit range ends at HEAD');
    assert.equal(cli(root, 'certificate', file, '--out', out).status, 1, 'an existing file is not replaced');
  });

  test('a transfer: the records become transferred only on execution, after every task; then they are due for destruction', () => {
    const root = repo({ 'calls/a.md': callRecord('GT-1', ['status: archived']) });
    const created = cli(
      root,
      'batch',
      'create',
      '.',
      '--kind',
      'transfer',
      '--records',
      'GT-1',
      '--recipient',
      '继任公司 Successor Ltd.',
      '--contact',
      'dpo@successor.example',
      '--set',
      'approvers=王强',
      '--set',
      'impact_assessment_ref=PIA-2026-003',
    );
    assert.equal(created.status, 0, created.stderr);
    const file = /wrote (\S+):/.exec(created.stdout)![1];
    assert.match(read(root, 'calls/a.md'), /^status: archived$/m, 'not transferred by creating the batch');
    assert.equal(cli(root, 'batch', 'approve', file).status, 0);
    assert.match(read(root, 'calls/a.md'), /^status: archived$/m, 'nor by approving it');
    const early = cli(root, 'batch', 'execute', file, '--yes');
    assert.equal(early.status, 1);
    assert.match(early.stderr, /- \[ \] 张伟[\s\S]*every task checked/);
    fs.writeFileSync(path.join(root, file), read(root, file).replace(/- \[ \]/g, '- [x]'));
    const done = cli(root, 'batch', 'execute', file, '--yes');
    assert.equal(done.status, 0, done.stderr);
    assert.match(read(root, 'calls/a.md'), /^status: transferred$/m);
    const state = JSON.parse(cli(root, 'disposal', '.', '--format', 'json').stdout)[0].state;
    assert.equal(state, 'due', 'the copy kept here is due (PIPL Art. 47): its legal period has run');
    const destroyBatch = cli(root, 'batch', 'create', '.', '--due', ...DETAILS);
    assert.equal(destroyBatch.status, 0, destroyBatch.stderr);
    assert.match(destroyBatch.stdout, /1 records/);
  });

  test('a hand-edited batch is refused with a finding naming the line; nothing is deleted', () => {
    const root = repo({ 'calls/a.md': callRecord('GT-1', ['attachments: [../../outside.pdf]']), 'calls/b.md': callRecord('GT-2') });
    const first = /wrote (\S+):/.exec(cli(root, 'batch', 'create', '.', '--records', 'GT-1', ...DETAILS).stdout)![1];
    const approve = cli(root, 'batch', 'approve', first);
    assert.equal(approve.status, 1);
    assert.match(
      approve.stderr,
      new RegExp(`${first.replace(/[.]/g, '\\.')}:20:11\tbatch-attachment\tcalls/a\.md: attachment \\.\\./\\.\\./outside\\.pdf leads outside the folder`),
    );
    // Marked approved by hand: no fingerprints from approval.
    const file = /wrote (\S+):/.exec(cli(root, 'batch', 'create', '.', '--records', 'GT-2', ...DETAILS).stdout)![1];
    fs.writeFileSync(path.join(root, file), read(root, file).replace('status: draft', 'status: approved'));
    const run = cli(root, 'batch', 'execute', file, '--yes');
    assert.equal(run.status, 1);
    assert.match(run.stderr, /:20:11\tbatch-item-fingerprint\tcalls\/b\.md has no content fingerprints from approval/);
    fs.writeFileSync(path.join(root, file), read(root, file).replace('calls/b.md', '../calls/b.md'));
    assert.match(cli(root, 'batch', 'execute', file, '--yes').stderr, /batch-item-path\t\.\.\/calls\/b\.md leads outside the folder/);
    fs.writeFileSync(path.join(root, file), read(root, file).replace('status: approved', 'status: aproved'));
    assert.match(cli(root, 'batch', 'execute', file, '--yes').stderr, /only an approved destruction batch/);
    assert.ok(fs.existsSync(path.join(root, 'calls/a.md')) && fs.existsSync(path.join(root, 'calls/b.md')));
  });

  test('a batch file reached through a link, or outside the disposal folder, is refused, never followed', () => {
    const root = repo({ 'calls/a.md': callRecord('GT-1') });
    destroy(root, 'GT-1');
    const elsewhere = tempWorkspace({ 'x.md': '---\nkind: destruction-batch\nstatus: approved\nrecords: []\n---\n' });
    fs.symlinkSync(path.join(elsewhere, 'x.md'), path.join(root, 'disposal/linked.md'));
    const linked = cli(root, 'batch', 'execute', 'disposal/linked.md', '--yes');
    assert.equal(linked.status, 2);
    assert.match(linked.stderr, /symbolic link/);
    assert.doesNotMatch(linked.stderr, /at .*\.js:\d+/, 'a message, not a stack trace');
    assert.match(cli(root, 'batch', 'approve', 'calls/a.md').stderr, /not a batch in/);
  });
});
