/**
 * Record text made inert for each output format. Every value the tool writes into a document comes from a
 * file someone typed — or an attacker wrote — so it is escaped for where it goes: HTML, Markdown, CSV.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside an element or a quoted attribute. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * Escaped for inline Markdown and table cells: the punctuation that makes markup (emphasis, code, links,
 * images, raw HTML, tables, strikethrough, entities) is backslash-escaped and line breaks become `<br>`, so
 * a value reads as the text it is and cannot start a heading, a list, a link or a tag.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&#!]/g, '\\$&').replace(/\r\n|\r|\n/g, '<br>');
}

/** A Markdown code span that holds any text: backticks inside get a longer fence, pipes are escaped for tables. */
export function markdownCode(text: string): string {
  const t = text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...[...t.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return longest ? `${fence} ${t} ${fence}` : `${fence}${t}${fence}`;
}
