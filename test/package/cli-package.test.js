// The command line outside this repository: packed and installed into a fresh project, run by the real
// pre-commit from this repository's hook, and run as the GitHub Action (its steps, on a repository with two
// commits, the workflow taken from the README). Real npm, real git, real pre-commit; no network but npm's cache.
'use strict';
const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');

const REPO = path.resolve(__dirname, '../..');
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-cli-package-'));
const NPM_ENV = { ...process.env, npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

function sh(cmd, args, cwd, env = NPM_ENV, input) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', input, maxBuffer: 1 << 28 });
  if (r.error) throw r.error;
  return r;
}
function ok(cmd, args, cwd, env) {
  const r = sh(cmd, args, cwd, env);
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')}\n${r.stdout}\n${r.stderr}`);
  return r;
}
const git = (cwd, ...args) => ok('git', ['-c', 'user.name=Test', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args], cwd);

const GOOD = [
  '---',
  'id: FW-2026-001',
  'category: service',
  'customer: 张伟',
  'customer_type: person',
  'title: 上门服务',
  'date: 2026-03-01',
  'service_type: support',
  'staff: 王工',
  '---',
  '',
  'Body.',
  '',
].join('\n');
const BROKEN = GOOD.replace('date: 2026-03-01', 'date: 2026-02-30').replace('FW-2026-001', 'FW-2026-002');

/** A records repository: a schema from `init`, one good record, committed. */
function recordsRepo(name, cli) {
  const dir = path.join(TMP, name);
  fs.mkdirSync(path.join(dir, 'service'), { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  fs.writeFileSync(path.join(dir, 'service/a.md'), GOOD);
  if (cli) ok(cli[0], [...cli.slice(1), 'init', '.'], dir);
  return dir;
}

after(() => fs.rmSync(TMP, { recursive: true, force: true }));

describe('an installable command line', () => {
  let tarball;
  before(() => {
    const r = ok('npm', ['pack', '--json', '--pack-destination', TMP], REPO);
    const info = JSON.parse(r.stdout.slice(r.stdout.indexOf('[')))[0];
    tarball = { file: path.join(TMP, info.filename), files: info.files.map((f) => f.path) };
  });

  test('npm pack: the CLI bundle, its worker, the schema JSON and the rule pages; no sources, tests, maps or dependencies', () => {
    const files = tarball.files;
    for (const f of [
      'dist/cli.js',
      'dist/index-worker.js',
      'dist/xlsx-reader.js',
      'dist/mail-reader.js',
      'dist/pdf-reader.js',
      'dist/age-crypto.js',
      'schemas/records-schema.json',
      'docs/rules/invalid-date.md',
      'package.json',
      'README.md',
      'LICENSE',
    ]) {
      assert.ok(files.includes(f), `${f} in ${files.join(', ')}`);
    }
    assert.deepEqual(
      files.filter((f) => /^(src|test|bench|out|node_modules|examples)\/|\.map$|\.ts$/.test(f)),
      [],
    );
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    assert.equal(manifest.dependencies, undefined, 'everything the CLI runs is in its bundle');
    assert.match(manifest.engines.node, /^>=\d+/);
  });

  test('installs into a fresh project with its own records repository and runs as npx records-curator', () => {
    const project = recordsRepo('project');
    ok('npm', ['init', '-y'], project);
    ok('npm', ['install', '--offline', '--no-package-lock', tarball.file], project);
    const npx = (...args) => sh('npx', ['--no-install', 'records-curator', ...args], project, { ...NPM_ENV, LANG: 'C' });
    assert.equal(npx('--version').stdout.trim(), JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
    assert.equal(npx('init', '.').status, 0);
    assert.ok(fs.existsSync(path.join(project, '.records/schema.yaml')));
    const clean = npx('check', '.', '--quiet');
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    fs.writeFileSync(path.join(project, 'service/b.md'), BROKEN);
    const broken = npx('check', 'service/b.md');
    assert.equal(broken.status, 1);
    assert.match(broken.stdout, /service\/b\.md:7:7 error invalid-date/);
    const sarif = JSON.parse(npx('check', '.', '--format', 'sarif').stdout);
    assert.ok(sarif.runs[0].tool.driver.rules.some((r) => r.id === 'invalid-date'));
  });
});

describe('pre-commit, with this repository as the hook repository', () => {
  test('a commit with a broken record is refused, naming the finding; a clean one passes', (t) => {
    if (sh('pre-commit', ['--version'], TMP).status !== 0) return t.skip('pre-commit is not installed (test/harness/install-tools.sh installs it)');
    // The hook repository as it stands in this working tree (tracked and new files), committed in a copy.
    const hooks = path.join(TMP, 'hook-repo');
    const listed = ok('git', ['ls-files', '-co', '--exclude-standard', '-z'], REPO).stdout.split('\0').filter(Boolean);
    for (const rel of listed) {
      const from = path.join(REPO, rel);
      if (!fs.existsSync(from) || fs.lstatSync(from).isSymbolicLink() || !fs.statSync(from).isFile()) continue;
      fs.mkdirSync(path.dirname(path.join(hooks, rel)), { recursive: true });
      fs.copyFileSync(from, path.join(hooks, rel));
    }
    git(hooks, 'init', '-q', '-b', 'main');
    git(hooks, 'add', '-A');
    git(hooks, 'commit', '-qm', 'snapshot');
    const rev = git(hooks, 'rev-parse', 'HEAD').stdout.trim();

    const repo = recordsRepo('pre-commit-records', [process.execPath, path.join(REPO, 'dist/cli.js')]);
    // The three lines a records repository adds (README, "pre-commit").
    fs.writeFileSync(path.join(repo, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hooks}\n    rev: ${rev}\n    hooks: [{ id: records-curator }]\n`);
    const env = { ...NPM_ENV, PRE_COMMIT_HOME: path.join(TMP, 'pre-commit-home'), XDG_CACHE_HOME: path.join(TMP, 'cache-home'), LANG: 'C' };
    const pc = (...args) => sh('pre-commit', args, repo, env);
    git(repo, 'add', '-A');
    const installed = pc('install-hooks');
    assert.equal(installed.status, 0, installed.stdout + installed.stderr);

    const clean = pc('run');
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    assert.match(clean.stdout, /records-curator check\.+Passed/);
    git(repo, 'commit', '-qm', 'records');

    fs.writeFileSync(path.join(repo, 'service/b.md'), BROKEN);
    git(repo, 'add', 'service/b.md');
    const refused = pc('run');
    assert.equal(refused.status, 1, refused.stdout);
    assert.match(refused.stdout, /records-curator check\.+Failed/);
    assert.match(refused.stdout, /service\/b\.md:7:7 error invalid-date/);
    // Only the staged file is reported, though the whole folder is indexed (a duplicate id elsewhere would count).
    assert.doesNotMatch(refused.stdout, /service\/a\.md/);

    // As the real git hook.
    ok('pre-commit', ['install'], repo, env);
    const commit = sh('git', ['-c', 'user.name=T', '-c', 'user.email=t@e.invalid', 'commit', '-qm', 'broken'], repo, env);
    assert.notEqual(commit.status, 0, 'the commit is refused');
    fs.writeFileSync(path.join(repo, 'service/b.md'), BROKEN.replace('2026-02-30', '2026-02-28'));
    git(repo, 'add', 'service/b.md');
    const fixed = sh('git', ['-c', 'user.name=T', '-c', 'user.email=t@e.invalid', 'commit', '-qm', 'fixed'], repo, env);
    assert.equal(fixed.status, 0, fixed.stdout + fixed.stderr);
    // The hook runs with --cache: its file is in the user's cache folder, and the repository has nothing new.
    assert.equal(fs.readdirSync(path.join(TMP, 'cache-home/records-curator/check')).length, 1);
    assert.equal(git(repo, 'status', '--porcelain').stdout, '');
  });
});

describe('the GitHub Action', () => {
  /** The workflow the README shows, and the inputs it gives the action. */
  function readmeWorkflow() {
    const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
    const m = /```yaml\n(# \.github\/workflows\/records\.yml[\s\S]*?)```/.exec(readme);
    assert.ok(m, 'the README shows .github/workflows/records.yml');
    return m[1];
  }

  test('on a repository with two commits: annotations, SARIF, the summary with masked numbers, the comment, exit codes', async () => {
    const workflow = readmeWorkflow();
    assert.match(workflow, /fetch-depth: 0/);
    assert.match(workflow, /upload-sarif/);
    const inputs = Object.fromEntries(
      [...workflow.matchAll(/^\s+(comment|sarif|folder|max-warnings|lang): (.+)$/gm)].map((m) => [m[1], m[2].trim().replace(/^'(.*)'$/, '$1')]),
    );
    assert.equal(inputs.comment, 'true');

    const repo = recordsRepo('action-records', [process.execPath, path.join(REPO, 'dist/cli.js')]);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'base');
    const base = git(repo, 'rev-parse', 'HEAD').stdout.trim();
    fs.writeFileSync(path.join(repo, 'service/a.md'), GOOD.replace('staff: 王工', 'staff: 王工\nphone: "13812345678"'));
    fs.writeFileSync(path.join(repo, 'service/b.md'), BROKEN);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'head');
    const head = git(repo, 'rev-parse', 'HEAD').stdout.trim();

    // A stand-in for the GitHub API, on this machine: what the action posts is what a pull request would get.
    const posted = [];
    let comments = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        posted.push({ method: req.method, url: req.url, auth: req.headers.authorization, body });
        res.setHeader('content-type', 'application/json');
        if (req.method === 'POST') comments = [{ id: 41, body: JSON.parse(body).body }];
        res.end(req.method === 'GET' ? JSON.stringify(comments) : '{"id": 41}');
      });
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    const api = `http://127.0.0.1:${server.address().port}`;

    const runAction = async (extra = {}) => {
      const files = {
        summary: path.join(TMP, `summary-${posted.length}.md`),
        output: path.join(TMP, `output-${posted.length}.txt`),
        event: path.join(TMP, 'event.json'),
      };
      fs.writeFileSync(files.event, JSON.stringify({ pull_request: { number: 7, base: { sha: base }, head: { sha: head } } }));
      const env = {
        ...process.env,
        GITHUB_ACTION_PATH: REPO,
        GITHUB_WORKSPACE: repo,
        GITHUB_EVENT_PATH: files.event,
        GITHUB_STEP_SUMMARY: files.summary,
        GITHUB_OUTPUT: files.output,
        GITHUB_REPOSITORY: 'acme/records',
        GITHUB_API_URL: api,
        GITHUB_SHA: head,
        INPUT_FOLDER: inputs.folder ?? '.',
        INPUT_SARIF: inputs.sarif ?? 'records-curator.sarif',
        INPUT_BASE: '',
        INPUT_COMMENT: inputs.comment,
        INPUT_MAX_WARNINGS: inputs['max-warnings'] ?? '',
        INPUT_LANG: inputs.lang ?? 'en',
        INPUT_TOKEN: 'test-token',
        ...extra,
      };
      const r = await new Promise((resolve) => {
        const child = require('node:child_process').spawn(process.execPath, [path.join(REPO, 'action/run.js')], { cwd: repo, env });
        let stdout = '';
        child.stdout.on('data', (c) => (stdout += c));
        child.stderr.on('data', () => {});
        child.on('close', (status) => resolve({ status, stdout }));
      });
      return { ...r, summary: fs.readFileSync(files.summary, 'utf8'), output: fs.readFileSync(files.output, 'utf8') };
    };

    try {
      const failed = await runAction();
      assert.equal(failed.status, 1, failed.stdout);
      assert.match(failed.stdout, /^::error file=service\/b\.md,line=7,col=7,.*title=invalid-date::/m);
      const sarif = JSON.parse(fs.readFileSync(path.join(repo, 'records-curator.sarif'), 'utf8'));
      assert.equal(sarif.version, '2.1.0');
      assert.ok(sarif.runs[0].results.some((r) => r.ruleId === 'invalid-date' && r.locations[0].physicalLocation.artifactLocation.uri === 'service/b.md'));
      assert.match(failed.output, /^errors=1$/m);
      assert.match(failed.output, /^sarif=.*records-curator\.sarif$/m);
      // The summary: the verdict, the records changed, the finding introduced; the mobile number masked.
      assert.match(failed.summary, /\*\*Records Curator\*\*: 1 errors, \d+ warnings \(check failed\)/);
      assert.match(failed.summary, /service\/b\.md/);
      assert.match(failed.summary, /invalid-date/);
      assert.doesNotMatch(failed.summary, /13812345678/);
      assert.match(failed.summary, /138(\\\*){4}5678/, 'masked, its asterisks escaped for Markdown');
      // Posted on pull request 7 with the token.
      const post = posted.find((p) => p.method === 'POST');
      assert.ok(post, JSON.stringify(posted));
      assert.equal(post.url, '/repos/acme/records/issues/7/comments');
      assert.equal(post.auth, 'Bearer test-token');
      assert.equal(JSON.parse(post.body).body + '\n', failed.summary);

      // Fixed in a third commit: the action passes, and updates its comment instead of adding one.
      fs.writeFileSync(path.join(repo, 'service/b.md'), BROKEN.replace('2026-02-30', '2026-02-28'));
      git(repo, 'commit', '-qam', 'fix');
      const passed = await runAction({ GITHUB_SHA: git(repo, 'rev-parse', 'HEAD').stdout.trim() });
      assert.equal(passed.status, 0, passed.stdout);
      assert.match(passed.output, /^errors=0$/m);
      const patch = posted.filter((p) => p.method === 'PATCH');
      assert.deepEqual(
        patch.map((p) => p.url),
        ['/repos/acme/records/issues/comments/41'],
      );
      assert.equal(posted.filter((p) => p.method === 'POST').length, 1, 'one comment, kept up to date');
    } finally {
      server.close();
    }
  });
});
