/**
 * The extension's side of the import worker: one worker per import view, asked for a plan whenever the
 * mapping changes, stopped when the view closes. Only the result crosses back (structured clone: the
 * table, the plan and every file's bytes).
 */
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { ImportResult } from '../../../core/import/session';
import type { PlanReply, PlanRequest } from './worker';

/** Bytes come back as plain Uint8Arrays: made Buffers again, as the core's FileChange has them. */
function withBuffers(r: ImportResult): ImportResult {
  if (!r.ok) return r;
  const buf = (b: Uint8Array | null) => (b === null ? null : Buffer.from(b.buffer, b.byteOffset, b.byteLength));
  r.session.changes = r.session.changes.map((c) => ({ ...c, before: buf(c.before), after: buf(c.after) }));
  return r;
}

export class ImportPlanner {
  private worker: Worker | undefined;
  private next = 1;
  private readonly waiting = new Map<number, { resolve(r: ImportResult): void; reject(e: Error): void }>();

  private start(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(path.join(__dirname, 'import-worker.js'));
    w.on('message', (m: PlanReply) => {
      const p = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if ('error' in m) p?.reject(new Error(m.error));
      else p?.resolve(withBuffers(m.result));
    });
    const fail = (err: Error) => {
      for (const p of this.waiting.values()) p.reject(err);
      this.waiting.clear();
      this.worker = undefined;
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`the import worker stopped (exit code ${code})`)));
    // The extension host may end while a plan runs: the worker does not keep it alive.
    w.unref();
    return (this.worker = w);
  }

  plan(request: Omit<PlanRequest, 'id'>): Promise<ImportResult> {
    const id = this.next++;
    const w = this.start();
    return new Promise<ImportResult>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      w.postMessage({ ...request, id } satisfies PlanRequest);
    });
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
