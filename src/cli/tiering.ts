/**
 * A command line run on a small folder is over before V8's optimising compiler pays for itself: `check` at
 * 1,000 records took 0.45 s of CPU with it and 0.30 s without (`--help` 0.09 s), on this project's 2-core
 * machine kind. On a large folder it is the other way round (100,000 records: 7.7 s with, 18.6 s without), so
 * it is turned back on as soon as the folder turns out large (scanFolder's `whenLarge`), before the index
 * workers start: V8's flags are the process's, workers included.
 */
import * as v8 from 'v8';

let quick = false;

/** For the commands that read a folder and may find it small: check, index. */
export function startQuick(): void {
  if (process.env.RECORDS_CURATOR_OPTIMISE === '1') return;
  v8.setFlagsFromString('--no-opt');
  quick = true;
}

/** The folder is large: optimise hot code again from here on. */
export function optimiseAgain(): void {
  if (!quick) return;
  v8.setFlagsFromString('--opt');
  quick = false;
}
