// Lists the .vsix and fails when it holds what must not ship or lacks what must.
const fs = require('fs');
const file = process.argv[2];
const buf = fs.readFileSync(file);
// Central directory: find the end record, then walk the entries (no unzip on a fresh machine).
const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
const count = buf.readUInt16LE(eocd + 10);
let p = buf.readUInt32LE(eocd + 16);
const names = [];
for (let i = 0; i < count; i++) {
  const n = buf.readUInt16LE(p + 28),
    x = buf.readUInt16LE(p + 30),
    c = buf.readUInt16LE(p + 32);
  names.push(buf.subarray(p + 46, p + 46 + n).toString('utf8'));
  p += 46 + n + x + c;
}
const problems = [];
const size = fs.statSync(file).size;
if (size > 1024 * 1024) problems.push(`${file} is ${size} bytes, over 1 MB`);
for (const bad of ['node_modules/', 'src/', 'test/', 'examples/', 'out/', '.map']) {
  const hit = names.filter((n) => n.includes(bad));
  if (hit.length) problems.push(`must not ship ${bad}: ${hit.slice(0, 3).join(', ')}`);
}
for (const need of [
  'extension/dist/extension.js',
  'extension/dist/cli.js',
  'extension/dist/index-worker.js',
  'extension/package.json',
  'extension/package.nls.zh-cn.json',
  'extension/media/records.svg',
]) {
  if (!names.includes(need)) problems.push(`missing ${need}`);
}
console.log(`${file}: ${(size / 1024).toFixed(1)} KB, ${names.length} files`);
if (problems.length) {
  for (const m of problems) console.error(`  ✘ ${m}`);
  process.exit(1);
}
