import { yieldToEventLoop } from './slices';

/**
 * Cuts a loop of uneven steps into slices that leave the event loop free between them: a slice ends after
 * `sliceMs`, or after `maxSteps` steps whatever the clock says, so a loaded machine and a fast one slice alike.
 */
export class Slicer {
  private started = Date.now();
  private steps = 0;

  constructor(
    private readonly sliceMs = 10,
    private readonly maxSteps = 25,
  ) {}

  /** After each step: yields (setImmediate) when the slice is full. */
  async step(): Promise<void> {
    if (++this.steps < this.maxSteps && Date.now() - this.started < this.sliceMs) return;
    await yieldToEventLoop();
    this.started = Date.now();
    this.steps = 0;
  }
}
