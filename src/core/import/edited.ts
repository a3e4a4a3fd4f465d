/**
 * An import whose mapping a person changes before importing (the editor's import view): the same session
 * as `prepareImport` gives, planned under the edited mapping, and the saved mapping file updated with it
 * when it differs, so the next run repeats what was previewed.
 */
import { tryReadFileInside } from '../io/safe-fs';
import { readMapping, writeMapping, type ImportMapping } from './mapping';
import { prepareImport, type ImportRequest, type ImportResult } from './session';

/** `mapping` undefined: the saved mapping, or the guessed one, as `prepareImport` finds it. */
export async function prepareEditedImport(req: ImportRequest, mapping: ImportMapping | undefined): Promise<ImportResult> {
  if (!mapping) return prepareImport(req);
  const text = writeMapping(mapping, req.fileName);
  const result = await prepareImport({ ...req, mappingText: text });
  if (!result.ok) return result;
  const s = result.session;
  const saved = tryReadFileInside(req.root, s.mappingPath);
  if (!saved || !s.changes.length) return result;
  let same = false;
  try {
    same = writeMapping(readMapping(saved.toString('utf8')), req.fileName) === text;
  } catch {
    // A saved mapping that no longer reads is replaced by the one previewed.
  }
  if (!same) s.changes.push({ path: s.mappingPath, before: saved, after: Buffer.from(text, 'utf8') });
  return result;
}
