/**
 * A sealed value as a record writes it: `age:` and the base64 of an age file (the binary format, one line, so the
 * front matter stays one key per line and valid YAML). Reading the form needs no key and no library: the
 * index, the rules and the exports tell a sealed value from a plain one, and a damaged one, from this alone.
 *
 * The standard `age` command opens it: `printf %s "${VALUE#age:}" | base64 -d | age -d -i customer.key`.
 */

/** The repository's registry of the customers' public recipients (src/core/seal/registry.ts); a workspace with one seals. */
export const KEYS_PATH = '.records/keys.yaml';

export const SEALED_PREFIX = 'age:';
/** The first line of every age file (age-encryption.org/v1). */
export const AGE_HEADER = 'age-encryption.org/v1\n';

/** What a record, an export or a label shows instead of a sealed value. */
export const SEALED_TEXT = { en: '[sealed]', zh: '［已加密］' };

export type SealedForm = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'base64' | 'header' | 'short' };

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Whether a value is written as sealed (`age:…`); it may still be damaged — `readSealed` says. */
export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(SEALED_PREFIX);
}

/** The age file inside a sealed value, or why it is not one (cut short, not base64, not an age file). */
export function readSealed(value: string): SealedForm {
  const b64 = value.slice(SEALED_PREFIX.length).trim();
  if (!BASE64.test(b64) || b64.length % 4 !== 0) return { ok: false, reason: 'base64' };
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length < AGE_HEADER.length || bytes.subarray(0, AGE_HEADER.length).toString('latin1') !== AGE_HEADER) return { ok: false, reason: 'header' };
  // The header ends with `--- MAC`; then a 16-byte nonce and at least one 16-byte tag.
  const end = bytes.indexOf('\n---');
  if (end < 0 || bytes.indexOf('\n', end + 1) < 0 || bytes.length - bytes.indexOf('\n', end + 1) - 1 < 32) return { ok: false, reason: 'short' };
  return { ok: true, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) };
}

/** The value as a record writes it. */
export function writeSealed(bytes: Uint8Array): string {
  return SEALED_PREFIX + Buffer.from(bytes).toString('base64');
}

export const SEALED_PROBLEM_TEXT: Record<'base64' | 'header' | 'short', { en: string; zh: string }> = {
  base64: { en: 'is not base64 after "age:"', zh: '“age:”之后不是 base64' },
  header: { en: 'is not an age file (no age-encryption.org/v1 header)', zh: '不是 age 文件（缺少 age-encryption.org/v1 头）' },
  short: { en: 'is cut short (the age header or the payload is incomplete)', zh: '被截断（age 头或密文不完整）' },
};

/**
 * A value shown masked: the first and last characters kept, the rest starred (a mobile 138****1234, an ID
 * number 110105********002X). Short values are starred whole.
 */
export function maskValue(value: string): string {
  const chars = Array.from(value);
  if (chars.length <= 4) return '*'.repeat(chars.length);
  const keep = chars.length >= 11 ? [3, 4] : [1, 1];
  return chars.slice(0, keep[0]).join('') + '*'.repeat(chars.length - keep[0] - keep[1]) + chars.slice(chars.length - keep[1]).join('');
}

/** Whether a plain value is already masked (it holds `*`): minimised, so sealing it is not asked for. */
export function isMasked(value: string): boolean {
  return /[*＊]{2,}/.test(value);
}
