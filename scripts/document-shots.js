#!/usr/bin/env node
// Renders the archive documents of the bundled sample in Chinese with the command line (stamps and spines,
// the catalogue with its covers, the box note sheets) and photographs them with Chromium for the README:
// node esbuild.js && node scripts/document-shots.js [out-dir, default docs/images]
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const repo = path.resolve(__dirname, '..');
const outDir = path.resolve(process.argv[2] ?? path.join(repo, 'docs/images'));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-shots-'));

function cli(...args) {
  const r = spawnSync(process.execPath, [path.join(repo, 'dist/cli.js'), ...args], { cwd: path.join(repo, 'examples/sample-records'), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`records-curator ${args.join(' ')}: ${r.stderr}`);
}

const docs = [
  // [file, CLI arguments, viewport width in CSS pixels, the sheet to photograph (none: the top of the page)]
  ['stamps-spines.png', ['--kind', 'stamp,spine', '--category', 'transaction', '--per-box', '2'], 820],
  ['catalogue-cover.png', ['--catalogue'], 1160, ['section.cover', '2021']],
  ['catalogue.png', ['--catalogue'], 1160, ['section.catalogue', 'Z109-WS·2021-D30-JY-0003']],
  ['box-note.png', ['--box-notes', '--category', 'communication'], 840, ['section.box-note', '暂缓处置']],
];

(async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    for (const [file, args, width, sheet] of docs) {
      const html = path.join(tmp, file.replace(/\.png$/, '.html'));
      cli('labels', '.', '--out', html, '--lang', 'zh', ...args);
      const page = await browser.newPage({ viewport: { width, height: 760 }, deviceScaleFactor: 1 });
      await page.goto(`file://${html}`);
      const shot = { path: path.join(outDir, file) };
      if (sheet) await page.locator(sheet[0], { hasText: sheet[1] }).first().screenshot(shot);
      else await page.screenshot(shot);
      await page.close();
      // The pictures ship in the .vsix (README images), which must stay under 1 MB: 8-bit when pngquant is there.
      spawnSync('pngquant', ['--quality=70-95', '--speed', '1', '--force', '--ext', '.png', shot.path], { stdio: 'ignore' });
      console.log(path.join(outDir, file));
    }
  } finally {
    await browser.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
