import { yieldToEventLoop } from '../async/slices';

/**
 * A pacer for long loops between git processes: `await pace()` lets the event loop run whenever `sliceMs`
 * have passed since it last did, so a purge check over 100,000 files never holds the extension host.
 */
export function pacer(sliceMs = 8): () => Promise<void> {
  let start = Date.now();
  return async () => {
    if (Date.now() - start < sliceMs) return;
    await yieldToEventLoop();
    start = Date.now();
  };
}
