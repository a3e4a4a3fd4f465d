/** What the import view shows of each column: its first values, personal numbers masked. */
import { findPersonalInfo, maskValue } from '../values/pii';
import { cellText, type Table } from './table';

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
