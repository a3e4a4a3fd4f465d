import { recordKey, type TableView } from './view';

export type SelectMode = 'only' | 'toggle' | 'range';

/**
 * A click on a row as a sheet reads it: alone (`only`), Ctrl/Cmd (`toggle`), Shift (`range`: every record row
 * from the anchor to this line, group headings skipped). Changes `selected` (record keys); returns the new anchor.
 */
export function selectRows(view: TableView, selected: Set<string>, anchor: number, key: string, line: number, mode: SelectMode): number {
  if (mode === 'range' && anchor >= 0) {
    const [from, to] = anchor < line ? [anchor, line] : [line, anchor];
    for (let l = Math.max(0, from); l <= Math.min(view.lineCount - 1, to); l++) {
      const row = view.lines[l];
      if (row >= 0) selected.add(recordKey(view.rows[row]));
    }
    return anchor;
  }
  if (mode === 'only') selected.clear();
  if (mode === 'toggle' && selected.has(key)) selected.delete(key);
  else selected.add(key);
  return line;
}
