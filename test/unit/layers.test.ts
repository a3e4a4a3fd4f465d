import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from './helpers';

const SRC = path.join(REPO, 'src');

/** Every .ts file under src, repository-relative with `/`. */
function sources(): string[] {
  return fs
    .readdirSync(SRC, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) =>
      path
        .relative(REPO, path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
        .split(path.sep)
        .join('/'),
    );
}

/** The files a source imports (static imports and re-exports of relative paths), resolved. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(REPO, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\b[^'"`]*?\bfrom\s+['"](\.[^'"]*)['"]|^\s*import\s+['"](\.[^'"]*)['"]/gm)) {
    const spec = m[1] ?? m[2];
    const base = path.join(path.dirname(path.join(REPO, file)), spec);
    const hit = [`${base}.ts`, path.join(base, 'index.ts')].find((p) => fs.existsSync(p));
    if (hit) out.push(path.relative(REPO, hit).split(path.sep).join('/'));
  }
  return out;
}

/** The core's layers, bottom first, as README's "Folder layout" lists them (`  name/  what`). */
function documentedLayers(): string[] {
  const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const section = readme.split(/^## Folder layout\s*$/m)[1]?.split(/^## /m)[0] ?? '';
  const block = section.split('```')[1] ?? '';
  const start = block.split('\n').findIndex((l) => l.startsWith('src/core/'));
  const layers: string[] = [];
  for (const line of block.split('\n').slice(start + 1)) {
    const m = /^ {2}([a-z][a-z-]*)\/\s/.exec(line);
    if (!m) break;
    layers.push(m[1]);
  }
  return layers;
}

/** The layer a core file is in: its folder under src/core, or '' for a file directly in src/core (a leaf). */
const layerOf = (file: string) => {
  const rest = file.slice('src/core/'.length);
  return rest.includes('/') ? rest.split('/')[0] : '';
};

describe('the shape of the code', () => {
  const files = sources();
  const graph = new Map(files.map((f) => [f, importsOf(f)]));

  test('README lists every folder of src/core as a layer, once', () => {
    const layers = documentedLayers();
    const folders = [
      ...new Set(
        files
          .filter((f) => f.startsWith('src/core/'))
          .map(layerOf)
          .filter(Boolean),
      ),
    ].sort();
    assert.ok(layers.length > 5, `README's Folder layout lists ${layers.length} layers`);
    assert.deepEqual([...layers].sort(), folders);
    assert.equal(new Set(layers).size, layers.length);
  });

  test('no module under src/core imports from a layer above its own', () => {
    const rank = new Map(documentedLayers().map((l, i) => [l, i]));
    const upward: string[] = [];
    for (const [from, targets] of graph) {
      if (!from.startsWith('src/core/')) continue;
      for (const to of targets) {
        if (!to.startsWith('src/core/')) {
          upward.push(`${from} -> ${to} (outside the core)`);
          continue;
        }
        const a = layerOf(from);
        const b = layerOf(to);
        if (b === '' || a === b) continue;
        if (a === '' || (rank.get(b) ?? Infinity) > (rank.get(a) ?? -1)) upward.push(`${from} (${a || 'leaf'}) -> ${to} (${b})`);
      }
    }
    assert.deepEqual(upward, []);
  });

  test('the command line and the extension never import each other', () => {
    const crossing = [...graph].flatMap(([from, to]) =>
      to
        .filter((t) => (from.startsWith('src/cli/') && t.startsWith('src/extension/')) || (from.startsWith('src/extension/') && t.startsWith('src/cli/')))
        .map((t) => `${from} -> ${t}`),
    );
    assert.deepEqual(crossing, []);
  });

  test("the extension's features never import one another, and what they share imports no feature", () => {
    const featureOf = (f: string) => /^src\/extension\/features\/([^/]+)\//.exec(f)?.[1];
    // The composition root lists the features and types the API the tests use; nothing else may know one.
    const roots = new Set(['src/extension/features/index.ts', 'src/extension/extension.ts']);
    const crossing = [...graph].flatMap(([from, to]) =>
      to.filter((t) => featureOf(t) !== undefined && featureOf(t) !== featureOf(from) && !roots.has(from)).map((t) => `${from} -> ${t}`),
    );
    assert.deepEqual(crossing, []);
  });

  test('no cycle between files', () => {
    // Tarjan's strongly connected components: any component of more than one file is a cycle.
    let next = 0;
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const on = new Set<string>();
    const cycles: string[][] = [];
    const visit = (v: string) => {
      index.set(v, next);
      low.set(v, next++);
      stack.push(v);
      on.add(v);
      for (const w of graph.get(v) ?? []) {
        if (!index.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
      if (low.get(v) === index.get(v)) {
        const comp: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          on.delete(w);
          comp.push(w);
        } while (w !== v);
        if (comp.length > 1) cycles.push(comp.sort());
      }
    };
    for (const f of graph.keys()) if (!index.has(f)) visit(f);
    assert.deepEqual(cycles, []);
  });
});
