#!/usr/bin/env node
// Summarises a V8 CPU profile (`node --cpu-prof --cpu-prof-dir=DIR …` writes one per thread) without a browser:
//   node scripts/cpu-profile.js FILE.cpuprofile [--top N]   self and inclusive time per function
//   node scripts/cpu-profile.js FILE.cpuprofile --tree NAME [--depth D] [--min MS]
//                                                            the call tree under every call of NAME, merged
//   node scripts/cpu-profile.js FILE.cpuprofile --lines NAME [BUNDLE]
//                                                            NAME's own time by line (of the bundle it ran from)
//   node scripts/cpu-profile.js FILE.cpuprofile --stall STALL.json
//                                                            only the samples of one stretch ({fromUs, toUs} on the
//                                                            profile's clock, as test/vscode/scale.bench.ts writes)
// A function is named with its file and line, so two functions of one name stay apart.
'use strict';
const fs = require('fs');

const args = process.argv.slice(2);
const file = args[0];
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i < 0 ? fallback : args[i + 1];
};
if (!file || args.includes('--help')) {
  console.log(
    fs
      .readFileSync(__filename, 'utf8')
      .split('\n')
      .slice(1, 11)
      .join('\n')
      .replace(/^\/\/ ?/gm, ''),
  );
  process.exit(file ? 0 : 2);
}

const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
/** Microseconds of samples whose top frame is each node (with --stall, of the samples taken in that stretch). */
const own = new Map();
const stall = opt('--stall') && JSON.parse(fs.readFileSync(opt('--stall'), 'utf8'));
let clock = profile.startTime;
for (let i = 0; i < profile.samples.length; i++) {
  clock += profile.timeDeltas[i] ?? 0;
  if (stall && (clock < stall.fromUs || clock > stall.toUs)) continue;
  own.set(profile.samples[i], (own.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
if (stall) console.log(`the stretch of ${((stall.toUs - stall.fromUs) / 1000).toFixed(1)} ms`);
const all = [...own.values()].reduce((a, b) => a + b, 0);
const key = (n) => {
  const f = n.callFrame;
  return `${f.functionName || '(anonymous)'} ${(f.url || '').split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
};
const msText = (us) => `${(us / 1000).toFixed(0).padStart(7)} ms`;
const pct = (us) => `${((100 * us) / all).toFixed(1).padStart(5)}%`;

if (opt('--tree')) {
  const name = opt('--tree');
  const depth = Number(opt('--depth', 4));
  const min = Number(opt('--min', 20)) * 1000;
  const total = new Map();
  const totalOf = (n) => {
    if (total.has(n.id)) return total.get(n.id);
    let t = own.get(n.id) ?? 0;
    for (const c of n.children ?? []) t += totalOf(byId.get(c));
    total.set(n.id, t);
    return t;
  };
  const merged = { t: 0, kids: new Map() };
  const add = (n, into, d) => {
    into.t += totalOf(n);
    if (d >= depth) return;
    for (const c of n.children ?? []) {
      const child = byId.get(c);
      const k = key(child);
      if (!into.kids.has(k)) into.kids.set(k, { t: 0, kids: new Map() });
      add(child, into.kids.get(k), d + 1);
    }
  };
  const walk = (n, inside) => {
    const is = n.callFrame.functionName === name;
    if (is && !inside) add(n, merged, 0);
    for (const c of n.children ?? []) walk(byId.get(c), inside || is);
  };
  walk(profile.nodes[0], false);
  const print = (m, label, indent) => {
    if (m.t < min) return;
    console.log(`${msText(m.t)} ${pct(m.t)} ${' '.repeat(indent)}${label}`);
    for (const [k, c] of [...m.kids].sort((a, b) => b[1].t - a[1].t)) print(c, k, indent + 2);
  };
  print(merged, name, 0);
} else if (opt('--lines')) {
  const name = opt('--lines');
  const bundle = args[args.indexOf('--lines') + 2];
  const source = bundle && fs.existsSync(bundle) ? fs.readFileSync(bundle, 'utf8').split('\n') : [];
  const ticks = new Map();
  for (const n of profile.nodes)
    if (n.callFrame.functionName === name) for (const t of n.positionTicks ?? []) ticks.set(t.line, (ticks.get(t.line) ?? 0) + t.ticks);
  const sum = [...ticks.values()].reduce((a, b) => a + b, 0);
  console.log(`${name}: ${sum} samples of its own`);
  for (const [line, t] of [...ticks].sort((a, b) => b[1] - a[1]).slice(0, Number(opt('--top', 15))))
    console.log(`${String(t).padStart(7)}  line ${line}: ${(source[line - 1] ?? '').trim().slice(0, 140)}`);
} else {
  const top = Number(opt('--top', 30));
  const self = new Map();
  const inclusive = new Map();
  for (const [id, t] of own) {
    const k = key(byId.get(id));
    self.set(k, (self.get(k) ?? 0) + t);
    // A function counted once per sample however often it recurses.
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const ck = key(byId.get(cur));
      if (seen.has(ck)) continue;
      seen.add(ck);
      inclusive.set(ck, (inclusive.get(ck) ?? 0) + t);
    }
  }
  for (const [title, m] of [
    ['own time', self],
    ['with what it calls', inclusive],
  ]) {
    console.log(`\n${title} (of ${(all / 1000).toFixed(0)} ms sampled)`);
    for (const [k, t] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${msText(t)} ${pct(t)}  ${k}`);
  }
}
