// Worker for the reading floor: reads batches of files with readFileSync and returns only byte counts.
import * as fs from 'fs';
import * as path from 'path';
import { parentPort, workerData } from 'worker_threads';

const root = (workerData as { root: string }).root;

parentPort?.on('message', (job: { id: number; files: string[] }) => {
  let bytes = 0;
  for (const f of job.files) bytes += fs.readFileSync(path.join(root, f)).length;
  parentPort?.postMessage({ id: job.id, count: job.files.length, bytes });
});
