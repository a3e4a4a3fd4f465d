import { archiveKeyFor } from '../archive/expected';
import type { Schema, SeveritySetting } from '../model/schema';
import type { RecordIndex } from './record-index';

/** Sets what the index's own findings (duplicates, numbering gaps) depend on: the schema and rule settings. */
export function configureIndex(index: RecordIndex, schema: Schema, settings?: ReadonlyMap<string, SeveritySetting>): void {
  index.setArchiveKey(archiveKeyFor(schema));
  index.setSeverities(new Map([...schema.rules, ...(settings ?? [])]));
}
