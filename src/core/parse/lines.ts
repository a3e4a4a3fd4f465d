/**
 * Maps UTF-16 offsets to 0-based line/character positions and back.
 * Line breaks are `\n`, `\r\n` and a lone `\r`, the same set VS Code uses, so
 * positions computed here agree with what the editor shows.
 */
export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  /** Offset of the first character of every line; lineStarts[0] is always 0. */
  private readonly lineStarts: number[];
  private readonly length: number;

  constructor(private readonly text: string) {
    this.length = text.length;
    const starts = [0];
    // Most files have no `\r` at all; indexOf runs natively and is much faster than a charCodeAt loop.
    if (text.indexOf('\r') === -1) {
      let i = text.indexOf('\n');
      while (i !== -1) {
        starts.push(i + 1);
        i = text.indexOf('\n', i + 1);
      }
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        } else if (c === 10) {
          starts.push(i + 1);
        }
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offsets outside the text are clamped to it. */
  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(Math.floor(offset), this.length));
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - starts[lo] };
  }

  /** Out-of-range lines and characters are clamped; a character past the line's end lands before its line break. */
  offsetAt(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.lineStarts.length) return this.length;
    const start = this.lineStarts[line];
    return start + Math.max(0, Math.min(character, this.lineContentEnd(line) - start));
  }

  /** Offset just before the line break that ends `line` (or the end of the text). */
  lineContentEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.length;
    let end = this.lineStarts[line + 1] - 1;
    if (this.text.charCodeAt(end) === 10 && end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}
