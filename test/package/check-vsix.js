// Lists the .vsix and fails when it holds what must not ship or lacks what must.
const fs = require('fs');
const file = process.argv[2];
const buf = fs.readFileSync(file);
// Central directory: find the end record, then walk the entries (no unzip on a fresh machine).
const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
const count = buf.readUInt16LE(eocd + 10);
let p = buf.readUInt32LE(eocd + 16);
const names = [];
let code = 0; // compressed bytes of the bundles every start loads (the extension, its index worker, the CLI)
// Bundles only some commands load — Import Records… (its worker; the Excel, mail and PDF readers; the CLI's
// import), sealing (the age library), the records table (its page; the Excel writer shares exceljs with the
// reader, 0.6 KB more) — each with a budget of its own, so growth in one shows by name.
const LAZY = new Map([
  ['extension/dist/import-worker.js', 150 * 1024],
  ['extension/dist/import-command.js', 170 * 1024],
  ['extension/dist/xlsx-reader.js', 380 * 1024],
  ['extension/dist/mail-reader.js', 430 * 1024],
  ['extension/dist/pdf-reader.js', 200 * 1024],
  ['extension/dist/age-crypto.js', 60 * 1024],
  ['extension/dist/table-page.js', 12 * 1024],
  ['extension/dist/seal-ui.js', 30 * 1024],
]);
const lazy = new Map();
for (let i = 0; i < count; i++) {
  const n = buf.readUInt16LE(p + 28),
    x = buf.readUInt16LE(p + 30),
    c = buf.readUInt16LE(p + 32);
  names.push(buf.subarray(p + 46, p + 46 + n).toString('utf8'));
  const name = names[names.length - 1];
  if (LAZY.has(name)) lazy.set(name, buf.readUInt32LE(p + 20));
  else if (name.startsWith('extension/dist/')) code += buf.readUInt32LE(p + 20);
  p += 46 + n + x + c;
}
const problems = [];
const size = fs.statSync(file).size;
// Budgets: the code every start loads (compressed), each lazily loaded bundle (above), and the whole package.
// The start code is what every window and every CLI run pays for. The package was 2 MB until the lazily
// loaded readers went in (about 1.1 MB compressed; without them the packaged extension could not import a
// workbook or a mailbox, and its CLI's import could not start); the rest is mostly the README's screenshots
// (about 900 KB), which only the extension's details page reads.
if (code > 600 * 1024) problems.push(`the start bundles are ${code} bytes compressed, over 600 KB`);
for (const [name, limit] of LAZY) {
  const got = lazy.get(name) ?? 0;
  if (got > limit) problems.push(`${name} is ${got} bytes compressed, over ${limit / 1024} KB`);
}
if (size > 3.5 * 1024 * 1024) problems.push(`${file} is ${size} bytes, over 3.5 MB`);
for (const bad of ['node_modules/', 'src/', 'test/', 'examples/', 'out/', '.map']) {
  const hit = names.filter((n) => n.includes(bad));
  if (hit.length) problems.push(`must not ship ${bad}: ${hit.slice(0, 3).join(', ')}`);
}
for (const need of [
  'extension/dist/extension.js',
  'extension/dist/cli.js',
  'extension/dist/index-worker.js',
  ...LAZY.keys(),
  'extension/package.json',
  'extension/package.nls.zh-cn.json',
  'extension/media/records.svg',
]) {
  if (!names.includes(need)) problems.push(`missing ${need}`);
}
console.log(
  `${file}: ${(size / 1024).toFixed(1)} KB, ${names.length} files; start bundles ${(code / 1024).toFixed(1)} KB compressed` +
    [...lazy].map(([n, b]) => `, ${n.split('/').pop()} ${(b / 1024).toFixed(1)} KB`).join(''),
);
if (problems.length) {
  for (const m of problems) console.error(`  ✘ ${m}`);
  process.exit(1);
}
