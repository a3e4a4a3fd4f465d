/**
 * Archive numbers read from the text of a file whose YAML could not be parsed. Such a file still holds its
 * records, and numbering must not hand out a number that one of them already has: a line scan, not a parser,
 * finds `archive_no:` values, quoted or not. Taking a value too many (a key nested under another) costs at most
 * a skipped number; missing one would duplicate it, so whatever is not a plain value makes the scan unclear.
 */
export interface RawNumbers {
  numbers: string[];
  /** A value was found that is not a plain one-line scalar (alias, block scalar, flow collection, undecodable bytes). */
  unclear: boolean;
}

// `m`: ^ and $ at every line break, \r included; the key may be quoted, indented or a list item's.
const KEY_LINE = /^[ \t]*(?:-[ \t]+)?(["']?)archive_no\1[ \t]*:(?:[ \t]+(.*))?$/gm;

export function rawArchiveNumbers(text: string): RawNumbers {
  const out: RawNumbers = { numbers: [], unclear: false };
  // Most broken files have no archive number at all: one indexOf instead of a regex run.
  if (!text.includes('archive_no')) return out;
  KEY_LINE.lastIndex = 0;
  for (let m = KEY_LINE.exec(text); m; m = KEY_LINE.exec(text)) {
    const v = scalar(m[2] ?? '');
    if (v === undefined) out.unclear = true;
    else if (v !== '') out.numbers.push(v);
  }
  return out;
}

/** The value of one line's scalar: '' for none (empty, null), undefined for anything not plain. */
function scalar(raw: string): string | undefined {
  let v = raw.replace(/\r$/, '').trim();
  // An anchor or a tag before the value changes nothing about it.
  while (/^[&!]\S*\s/.test(v)) v = v.replace(/^[&!]\S*\s+/, '');
  if (v.includes('\uFFFD')) return undefined;
  if (v === '' || v === '~' || v === 'null' || v.startsWith('#')) return '';
  const q = v[0];
  if (q === '"' || q === "'") {
    let s = '';
    for (let i = 1; i < v.length; i++) {
      const c = v[i];
      if (q === "'" && c === "'" && v[i + 1] === "'") s += v[++i];
      else if (q === '"' && c === '\\' && i + 1 < v.length) s += v[++i];
      else if (c === q) return s.trim();
      else s += c;
    }
    return undefined; // the quote runs on to the next line
  }
  if ('|>*[{'.includes(q)) return undefined;
  // A comment starts at a `#` after a space.
  return v.replace(/\s+#.*$/, '').trim();
}
