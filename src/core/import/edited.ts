/**
 * An import whose mapping a person changes before importing (the editor's import view): the same session
 * as `prepareImport` gives, planned under the edited mapping, and the saved mapping file updated with it
 * when it differs, so the next run repeats what was previewed. Also the sample values a column holds.
 */
import { tryReadFileInside } from '../io/safe-fs';
import { readMapping, writeMapping, type ImportMapping } from './mapping';
import { prepareImport, type ImportRequest, type ImportResult } from './session';
import { findPersonalInfo, maskValue } from '../values/pii';
import { cellText, type Table } from './table';

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

/**
 * The first `n` non-empty values of each column, in the rows' order (what the mapping table shows), with
 * personal numbers masked as the preview masks them: a sample is for recognising the column.
 */
export function columnSamples(table: Table, n = 3): string[][] {
  const out = table.headers.map((): string[] => []);
  for (const row of table.rows) {
    let full = true;
    for (let i = 0; i < out.length; i++) {
      if (out[i].length >= n) continue;
      full = false;
      const text = cellText(row.cells[i] ?? null).trim();
      if (text) out[i].push(masked(text));
    }
    if (full) break;
  }
  return out;
}

function masked(text: string): string {
  let out = '';
  let at = 0;
  for (const hit of findPersonalInfo(text)) {
    out += text.slice(at, hit.start) + maskValue(hit.kind, hit.value);
    at = hit.end;
  }
  return out + text.slice(at);
}
