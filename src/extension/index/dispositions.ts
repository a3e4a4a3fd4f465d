import type { RecordEntry } from '../../core/model/records';
import {
  dispositionBasis,
  shownDisposition,
  stateIn,
  type DayWindow,
  type DispositionBasis,
  type DispositionState,
  type ShownDisposition,
} from '../../core/retention/disposition';
import type { Schema } from '../../core/model/schema';
import type { RecordIndex } from '../../core/index/record-index';

/** What the grouping and the dispositions need of a folder (a FolderIndex is one; so is a test's plain object). */
export interface IndexedFolder {
  readonly index: RecordIndex;
  readonly schema: Schema;
}

/**
 * Each record's disposition basis, worked out once per record and schema — an entry is replaced, never
 * changed, when its file changes — so the status bar, the Disposal view and the Records view can ask about
 * 100,000 records after every change without working out 100,000 retentions again.
 */
const bases = new WeakMap<Schema, WeakMap<RecordEntry, DispositionBasis>>();

function table(schema: Schema): WeakMap<RecordEntry, DispositionBasis> {
  let t = bases.get(schema);
  if (!t) bases.set(schema, (t = new WeakMap()));
  return t;
}

export function basisOf(folder: IndexedFolder, r: RecordEntry): DispositionBasis {
  const t = table(folder.schema);
  let basis = t.get(r);
  if (!basis) t.set(r, (basis = dispositionBasis(r.data, folder.schema)));
  return basis;
}

export function dispositionStateOf(folder: IndexedFolder, r: RecordEntry, w: DayWindow): DispositionState {
  return stateIn(basisOf(folder, r), w);
}

/** The key a batch lists a record under (Batches.pending): the folder, the file, the document. */
export function batchKey(root: string, r: Pick<RecordEntry, 'file' | 'index'>): string {
  return `${root}\u0000${r.file}#${r.index}`;
}

/** The records of one folder listed in batches, keyed "path#index" as the Health Report keys them. */
export function pendingIn(root: string, pending: ReadonlyMap<string, unknown> | undefined): Set<string> {
  const prefix = `${root}\u0000`;
  return new Set([...(pending?.keys() ?? [])].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)));
}

/** The one disposition a record shows as (see shownDisposition); `pending`: records listed in batches not executed. */
export function shownDispositionOf(
  folder: IndexedFolder & { root?: string },
  r: RecordEntry,
  w: DayWindow,
  pending?: ReadonlyMap<string, unknown>,
): ShownDisposition {
  const inBatch = pending !== undefined && pending.size > 0 && folder.root !== undefined && pending.has(batchKey(folder.root, r));
  return shownDisposition(basisOf(folder, r), w, { errors: folder.index.problemCounts(r).errors, inBatch });
}
