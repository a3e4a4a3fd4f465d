/** A text edit in offsets of the file's text: what both the editor and the command line apply. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** Applies edits to a text (the command line's --fix, and tests). Edits at the same offset apply in array order. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let pos = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** Sorted by position; of two edits that overlap, the first wins (two findings on the same value). */
export function dropOverlaps(edits: TextEdit[]): TextEdit[] {
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TextEdit[] = [];
  for (const e of edits) {
    const last = out[out.length - 1];
    if (last && e.start < last.end) continue;
    out.push(e);
  }
  return out;
}

/** A field to add: its key, and its value as written in a block mapping and in a flow mapping. */
export interface NewField {
  key: string;
  block: string;
  flow: string;
}
