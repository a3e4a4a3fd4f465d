/**
 * Integers a JavaScript number cannot hold exactly keep their text.
 *
 * The YAML 1.2 core schema reads `id_number: 320102198511204566` as an integer, and a JS number rounds it to
 * 320102198511204540: an ID number, bank card or contract number would then be indexed, exported, labelled and
 * diffed with digits it does not have. `contract_no: 000123` reads as 123, losing the zeros that are part of
 * the number's identity. So an integer scalar (decimal, `0x` or `0o`) whose value is not a safe integer
 * (beyond ±(2^53 − 1)), or a decimal one with leading zeros (`00`, `0123`, `-007`), resolves to its exact
 * source text, as a string: `data.id_number === '320102198511204566'`. Every other integer (`0`, `-0`, `42`,
 * `+12`, `0x1F`) stays a number as before.
 *
 * Why a string and not BigInt or a wrapper object: record data goes through JSON (the index cache, the JSON
 * export) and structured clone (worker threads), and into every renderer that calls String() or compares with
 * `===`. A BigInt breaks JSON.stringify and loses the zeros of `000123`; a wrapper breaks equality, sorting and
 * String() everywhere. A string survives all of these unchanged and shows the text the person typed. The
 * `unquoted-number` rule tells such values from quoted strings by their source text and asks for quotes.
 */
import type { ScalarTag, Tags } from 'yaml';

/** The source texts the core schema's int tags resolve: what a kept value looks like. */
export const INT_TEXT = /^(?:[-+]?[0-9]+|0x[0-9a-fA-F]+|0o[0-7]+)$/;

/** `0123`, `-00`, `+007`: a decimal integer with a zero before other digits. */
export function hasLeadingZero(s: string): boolean {
  const c = s.charCodeAt(0);
  const at = c === 45 /* - */ || c === 43 /* + */ ? 1 : 0;
  return s.charCodeAt(at) === 48 /* 0 */ && s.length > at + 1;
}

const WRAPPED = new Map<ScalarTag, ScalarTag>();

/** The core int tag with a resolver that keeps the text when the number would not be exact. */
function exact(tag: ScalarTag): ScalarTag {
  let w = WRAPPED.get(tag);
  if (!w) {
    const resolve = tag.resolve.bind(tag);
    // Only the decimal tag: `0x0F` and `0o017` are not identifiers, their zeros carry no identity.
    const decimal = tag.format === undefined;
    w = {
      ...tag,
      resolve(str, onError, options) {
        const v = resolve(str, onError, options);
        return typeof v === 'number' && (!Number.isSafeInteger(v) || (decimal && hasLeadingZero(str))) ? str : v;
      },
    };
    WRAPPED.set(tag, w);
  }
  return w;
}

/**
 * `customTags` for the yaml package (and the fast reader's copy of the schema): the core tags with exact
 * integers. The wrapped tags are made once; the yaml package builds a schema per document.
 */
export function exactIntegers(tags: Tags): Tags {
  return tags.map((t) => (typeof t === 'object' && !t.collection && t.tag === 'tag:yaml.org,2002:int' ? exact(t) : t));
}

/** Whether the parser keeps this plain scalar text as a string although it is an integer (what the tags above do). */
export function keepsText(s: string): boolean {
  if (!INT_TEXT.test(s)) return false;
  const x = s[1];
  if (s[0] === '0' && (x === 'x' || x === 'o')) return !Number.isSafeInteger(parseInt(s.slice(2), x === 'x' ? 16 : 8));
  return hasLeadingZero(s) || !Number.isSafeInteger(parseInt(s, 10));
}

/**
 * Whether a record's value is an integer the parser kept as its text, written plain: `raw` is the value's
 * source text (its span), which for a quoted or block scalar includes the quotes or the header and so differs.
 */
export function isKeptInteger(value: unknown, raw: string): value is string {
  return typeof value === 'string' && value === raw && keepsText(value);
}
