/**
 * Long passes over every record (100,000 of them) must not hold the extension host: these run `fn` over
 * the items and yield to the event loop whenever about `sliceMs` have passed.
 *
 * Passes run one after another, not interleaved: several passes started by one change (the status bar,
 * the views, the Problems panel) would otherwise each run a slice in the same turn of the event loop, and
 * their slices add up to one long stall.
 */
let queue: Promise<void> = Promise.resolve();

/** Lets the event loop run (timers, I/O, other work) before going on. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export interface SliceOptions {
  sliceMs?: number;
  /** Checked between slices: a pass that a newer one has replaced stops there. */
  isCurrent?: () => boolean;
}

/**
 * `items` may be a function giving them: it is called when the pass starts, which may be later than this
 * call, so a pass over a snapshot (`() => [...map.values()]`) sees the data as it is then, and entries that
 * change meanwhile are neither missed nor visited twice.
 */
export function forEachInSlices<T>(items: Iterable<T> | (() => Iterable<T>), fn: (item: T) => void, opts: SliceOptions = {}): Promise<void> {
  const pass = queue.then(() => run(typeof items === 'function' ? items() : items, fn, opts.sliceMs ?? 8, opts.isCurrent));
  queue = pass.catch(() => undefined);
  return pass;
}

async function run<T>(items: Iterable<T>, fn: (item: T) => void, sliceMs: number, isCurrent?: () => boolean): Promise<void> {
  if (isCurrent && !isCurrent()) return;
  let start = Date.now();
  let n = 0;
  for (const item of items) {
    fn(item);
    // The clock is read every 64 items: reading it costs more than most of the work per item.
    if ((++n & 63) === 0 && Date.now() - start > sliceMs) {
      await yieldToEventLoop();
      if (isCurrent && !isCurrent()) return;
      start = Date.now();
    }
  }
  // The next pass starts in a later turn, not straight after this one's last slice.
  await yieldToEventLoop();
}
