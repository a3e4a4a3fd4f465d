#!/usr/bin/env node
// The action's steps (action.yml): check the records, write SARIF, put the pull request's record-by-record
// summary on the job summary and, when asked, on the pull request; exit 1 when check finds errors.
// It reads only what GitHub Actions gives every step (GITHUB_* variables, the event file) and the INPUT_*
// variables action.yml sets; it needs nothing but Node and the built command line beside it.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const env = process.env;
const CLI = path.join(__dirname, '..', 'dist', 'cli.js');
const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd());
const folder = path.resolve(workspace, env.INPUT_FOLDER || '.');
const lang = env.INPUT_LANG === 'zh' ? 'zh' : 'en';
const MARKER = '<!-- records-curator summary -->';

/** Runs the command line in the records folder; its output, never thrown. */
function cli(args) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: folder, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  return r;
}

function appendTo(file, text) {
  if (file) fs.appendFileSync(file, text);
}

const setOutput = (name, value) => appendTo(env.GITHUB_OUTPUT, `${name}=${value}\n`);

function readEvent() {
  try {
    return env.GITHUB_EVENT_PATH ? JSON.parse(fs.readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) : {};
  } catch {
    return {};
  }
}

/** Folder-relative SARIF locations made relative to the repository, where code scanning looks for them. */
function sarifForRepository(text) {
  const sarif = JSON.parse(text);
  const prefix = path.relative(workspace, folder).split(path.sep).join('/');
  for (const run of sarif.runs) {
    if (run.originalUriBaseIds) run.originalUriBaseIds.SRCROOT = { uri: 'file://' + workspace.split(path.sep).join('/') + '/' };
    for (const result of run.results) {
      for (const loc of result.locations || []) {
        const a = loc.physicalLocation && loc.physicalLocation.artifactLocation;
        if (a && prefix) a.uri = `${prefix}/${a.uri}`;
      }
    }
  }
  return sarif;
}

function countOf(sarif) {
  let errors = 0;
  let warnings = 0;
  for (const run of sarif.runs)
    for (const r of run.results) {
      if (r.suppressions && r.suppressions.length) continue;
      if (r.level === 'error') errors++;
      else if (r.level === 'warning') warnings++;
    }
  return { errors, warnings };
}

function commitExists(rev) {
  return spawnSync('git', ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], { cwd: folder }).status === 0;
}

/** The pull request's summary (`records-curator diff BASE...HEAD`), or a line saying why there is none. */
function pullRequestSummary(event) {
  const pr = event.pull_request;
  const head = (pr && pr.head && pr.head.sha) || env.GITHUB_SHA || 'HEAD';
  const base = env.INPUT_BASE || (pr && pr.base && pr.base.sha) || (event.before && !/^0+$/.test(event.before) ? event.before : `${head}~1`);
  if (!commitExists(base) || !commitExists(head)) {
    return `_No record summary: commit ${base} is not in the checkout — use actions/checkout with \`fetch-depth: 0\`._\n`;
  }
  const r = cli(['diff', `${base}...${head}`, '--lang', lang]);
  if (r.status !== 0) return `_No record summary: ${r.stderr.trim()}_\n`;
  return r.stdout;
}

/** Posts the summary on the pull request, or updates the comment it posted before. */
async function comment(event, body) {
  const number = event.pull_request && event.pull_request.number;
  if (!number) return console.log('comment: not a pull request; nothing posted');
  const api = env.GITHUB_API_URL || 'https://api.github.com';
  const headers = { authorization: `Bearer ${env.INPUT_TOKEN}`, accept: 'application/vnd.github+json', 'content-type': 'application/json' };
  const base = `${api}/repos/${env.GITHUB_REPOSITORY}/issues`;
  const list = await fetch(`${base}/${number}/comments?per_page=100`, { headers });
  const old = list.ok ? (await list.json()).find((c) => typeof c.body === 'string' && c.body.includes(MARKER)) : undefined;
  const res = old
    ? await fetch(`${base}/comments/${old.id}`, { method: 'PATCH', headers, body: JSON.stringify({ body }) })
    : await fetch(`${base}/${number}/comments`, { method: 'POST', headers, body: JSON.stringify({ body }) });
  if (!res.ok) console.log(`::warning::records-curator could not comment on the pull request: HTTP ${res.status}`);
}

async function main() {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: the build step did not run`);
  const event = readEvent();
  const langArgs = ['--lang', lang];

  let counts;
  if (env.INPUT_SARIF) {
    const r = cli(['check', '.', '--format', 'sarif', ...langArgs]);
    if (r.status === 2) throw new Error(r.stderr);
    const sarif = sarifForRepository(r.stdout);
    const out = path.resolve(workspace, env.INPUT_SARIF);
    fs.writeFileSync(out, JSON.stringify(sarif, null, 2) + '\n');
    setOutput('sarif', out);
    counts = countOf(sarif);
  }

  // Annotations on the changed files, and the verdict.
  const max = env.INPUT_MAX_WARNINGS ? ['--max-warnings', env.INPUT_MAX_WARNINGS] : [];
  const check = cli(['check', '.', '--format', 'github', ...max, ...langArgs]);
  const prefix = path.relative(workspace, folder).split(path.sep).join('/');
  process.stdout.write(prefix ? check.stdout.replace(/^(::\w+ file=)/gm, `$1${prefix}/`) : check.stdout);
  process.stderr.write(check.stderr);
  if (check.status === 2) return 2;
  if (!counts) counts = countOf(JSON.parse(cli(['check', '.', '--format', 'sarif', ...langArgs]).stdout));
  setOutput('errors', counts.errors);
  setOutput('warnings', counts.warnings);

  const verdict =
    lang === 'zh'
      ? `**Records Curator**：${counts.errors} 个错误，${counts.warnings} 个警告${check.status === 0 ? '' : '（检查未通过）'}`
      : `**Records Curator**: ${counts.errors} errors, ${counts.warnings} warnings${check.status === 0 ? '' : ' (check failed)'}`;
  const body = `${MARKER}\n${verdict}\n\n${pullRequestSummary(event)}`;
  appendTo(env.GITHUB_STEP_SUMMARY, body + '\n');
  if (env.INPUT_COMMENT === 'true') await comment(event, body);
  return check.status === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.log(`::error::records-curator: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);
