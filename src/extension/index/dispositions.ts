import type { RecordEntry } from '../../core/model/records';
import { dispositionBasis, stateIn, type DayWindow, type DispositionBasis, type DispositionState } from '../../core/retention/disposition';
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
