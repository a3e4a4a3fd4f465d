/**
 * The import's planning, in a worker thread of its own (dist/import-worker.js): reading the table and
 * planning every row takes seconds for a large file, which the extension host must never be held for. The
 * worker reads the folder as `check` does (openFolder), keeps it while the mapping is edited, and reads it
 * again for the final plan before Import writes.
 */
import { parentPort } from 'worker_threads';
import { openFolder, type OpenFolder } from '../../../core/check/folder';
import { indexOptions } from '../../../core/index/scan';
import { prepareEditedImport } from '../../../core/import/edited';
import type { ImportMapping } from '../../../core/import/mapping';
import type { ImportResult } from '../../../core/import/session';
import type { Lang } from '../../../core/model/lang';
import type { SeveritySetting } from '../../../core/model/schema';
import { readMailMessages, readXlsxTable } from './readers';

export interface PlanRequest {
  id: number;
  root: string;
  lang: Lang;
  severities: Map<string, SeveritySetting>;
  /** Read the folder again first (the plan Import writes). */
  fresh: boolean;
  fileName: string;
  bytes: Uint8Array;
  category: string | undefined;
  mapping: ImportMapping | undefined;
  today: string;
}

export type PlanReply = { id: number; result: ImportResult } | { id: number; error: string };

let folder: Promise<OpenFolder> | undefined;

async function plan(r: PlanRequest): Promise<ImportResult> {
  if (!folder || r.fresh) folder = openFolder(r.root, r.lang, { severities: r.severities });
  const f = await folder;
  return prepareEditedImport(
    {
      root: r.root,
      schema: f.schema.schema,
      index: f.index,
      indexOptions: { ...indexOptions({ root: r.root, schema: f.schema.schema, lang: r.lang }), severities: r.severities },
      fileName: r.fileName,
      bytes: r.bytes,
      category: r.category,
      today: r.today,
      readXlsx: readXlsxTable,
      readMail: readMailMessages,
    },
    r.mapping,
  );
}

parentPort?.on('message', (r: PlanRequest) => {
  plan(r).then(
    (result) => parentPort?.postMessage({ id: r.id, result } satisfies PlanReply),
    (err: unknown) => parentPort?.postMessage({ id: r.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies PlanReply),
  );
});
