/** Text from files made safe to print on a terminal. */

/**
 * Text from files (names, values, messages quoting them) made safe for a terminal: control characters —
 * escape sequences that could recolour, move the cursor, retitle the window or hide text — and the
 * bidirectional overrides that make text read differently from its bytes are shown as `\u{1b}`, never sent.
 */
export function printable(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`)
    .replace(/\t/g, ' ');
}

/** The same for text of many lines (a Markdown summary printed to a terminal): line breaks and tabs stay. */
export function printableLines(text: string): string {
  return text
    .split('\n')
    .map((l) =>
      l
        .split('\t')
        .map((p) => printable(p.replace(/\r$/, '')))
        .join('\t'),
    )
    .join('\n');
}
