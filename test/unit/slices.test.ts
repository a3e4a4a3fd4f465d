import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { forEachInSlices } from '../../src/core/async/slices';

test('passes started together run one after another, each over its items as they are when it starts', async () => {
  const seen: string[] = [];
  const data = new Map<string, number>(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i]));
  const slow = (x: number) => {
    const until = Date.now() + (x % 1000 === 0 ? 2 : 0);
    while (Date.now() < until);
  };
  const first = forEachInSlices(
    () => [...data.values()],
    (x) => {
      slow(x);
      if (x === 0 || x === 4999) seen.push(`first ${x}`);
    },
    { sliceMs: 1 },
  );
  // Called now, but the second pass starts after the first: it must see the map as it is then.
  const second = forEachInSlices(
    () => [...data.keys()],
    (k) => {
      if (k === 'k0' || k === 'late') seen.push(`second ${k}`);
    },
  );
  data.set('late', 1);
  await Promise.all([first, second]);
  assert.deepEqual(seen, ['first 0', 'first 4999', 'second k0', 'second late']);
});

test('a pass that is no longer current stops between slices', async () => {
  let current = true;
  let visited = 0;
  await forEachInSlices(
    Array.from({ length: 100_000 }, (_, i) => i),
    () => {
      visited++;
      if (visited === 64 * 10) current = false;
      const until = Date.now() + (visited % 64 === 0 ? 1 : 0);
      while (Date.now() < until);
    },
    { sliceMs: 1, isCurrent: () => current },
  );
  assert.ok(visited < 100_000, `stopped early (${visited})`);
});
