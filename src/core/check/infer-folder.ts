/**
 * A folder's records read for Set Up (`records-curator init --infer`): every file the built-in schema would
 * take as a record, decoded as the index decodes it (a GBK file adds nothing: it is no readable record yet),
 * up to a bound — a proposal from 20,000 records says all there is to say.
 */
import { walkRecordFiles } from '../index/walk';
import { tryReadFileInside } from '../io/safe-fs';
import type { Schema } from '../model/schema';
import { decodeRecordBytes } from '../parse/decode';
import { SchemaInference, type Proposal } from '../schema/infer';

export const INFER_MAX_FILES = 20000;

export function inferFolder(root: string, base: Schema): Proposal {
  const inference = new SchemaInference(base);
  const { files } = walkRecordFiles(root, base.include, base.exclude, false);
  for (const f of files.slice(0, INFER_MAX_FILES)) {
    const bytes = tryReadFileInside(root, f.path);
    const decoded = bytes && decodeRecordBytes(bytes);
    if (decoded?.ok) inference.addFile(f.path, decoded.text);
  }
  return inference.proposal();
}
