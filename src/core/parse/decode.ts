/**
 * Turns the bytes of a record file into text, refusing anything that would have to be
 * decoded lossily: a record shown with U+FFFD in place of a customer's name is worse
 * than a clear "re-save as UTF-8".
 */
export interface FileProblem {
  code: 'binary' | 'too-large' | 'encoding';
  message: string;
  /** 0-based. */
  line: number;
  /** 0-based, in UTF-16 code units of the valid text before the problem. */
  col: number;
}

export type Decoded = { ok: true; text: string; bom: boolean } | { ok: false; problem: FileProblem };

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const SNIFF_BYTES = 8192;
/** Share of control bytes above which a NUL-free file is still treated as binary. */
const CONTROL_SHARE = 0.1;

// One decoder per process: with `fatal` and no streaming it keeps no state between calls.
// `ignoreBOM` because the BOM is stripped (and noted) here; a second U+FEFF is content.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Lenient = new TextDecoder('utf-8', { ignoreBOM: true });
let gb18030: InstanceType<typeof TextDecoder> | null | undefined;

export function decodeRecordBytes(bytes: Uint8Array, opts?: { maxBytes?: number }): Decoded {
  const maxBytes = opts?.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) return { ok: false, problem: tooLargeProblem(bytes.length, maxBytes) };
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return fail('encoding', 'file is UTF-16 (it starts with a UTF-16 byte order mark); re-save as UTF-8');
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    return looksBinary(body) ? binary() : encodingProblem(body, bom ? 3 : 0);
  }
  // Control bytes are ASCII, so they are in the text exactly when they are in the bytes: one native search
  // instead of a loop over every byte (which, run cold by a command line on a small folder, cost 9 µs a file).
  if (CONTROL.test(text) && looksBinary(body)) return binary();
  return { ok: true, text, bom };
}

/** The control characters `looksBinary` counts (all but tab, LF, FF, CR and ESC). */
const CONTROL = /[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]/;

function binary(): Decoded {
  return fail('binary', 'file looks binary (it contains NUL or many control bytes), not a text record');
}

/** The finding for a file over the size limit, from its size alone (such a file is never read). */
export function tooLargeProblem(size: number, maxBytes = DEFAULT_MAX_BYTES): FileProblem {
  return { code: 'too-large', message: `file is ${size} bytes, more than the limit of ${maxBytes} bytes`, line: 0, col: 0 };
}

function fail(code: FileProblem['code'], message: string, line = 0, col = 0): Decoded {
  return { ok: false, problem: { code, message, line, col } };
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.length > SNIFF_BYTES ? bytes.subarray(0, SNIFF_BYTES) : bytes;
  if (sample.indexOf(0) !== -1) return true;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    // Tab, LF, FF, CR and ESC (ANSI colour codes in logs) are normal in text files.
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) control++;
  }
  return sample.length > 0 && control / sample.length > CONTROL_SHARE;
}

function encodingProblem(body: Uint8Array, bomLength: number): Decoded {
  const bad = firstInvalidUtf8(body);
  // Everything before `bad` is valid UTF-8, so the column can be counted in UTF-16 units like an editor does.
  let lineStart = 0;
  let line = 0;
  for (let i = 0; i < bad; i++) {
    const b = body[i];
    if (b === 10 || (b === 13 && body[i + 1] !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  const col = utf8Lenient.decode(body.subarray(lineStart, bad)).length;
  const where = `at byte ${bad + bomLength} (line ${line + 1}, column ${col + 1})`;
  const hint = looksLikeGbk(body) ? '; it looks like GBK/GB18030' : '';
  return fail('encoding', `file is not valid UTF-8 ${where}${hint}; re-save as UTF-8`, line, col);
}

function looksLikeGbk(bytes: Uint8Array): boolean {
  if (gb18030 === undefined) {
    try {
      gb18030 = new TextDecoder('gb18030', { fatal: true });
    } catch {
      gb18030 = null; // Node built without full ICU
    }
  }
  if (!gb18030) return false;
  try {
    // Plenty of Latin-1 byte soup also decodes as GB18030; real GBK records contain Han characters.
    return /[\u3400-\u9fff]/.test(gb18030.decode(bytes));
  } catch {
    return false;
  }
}

/** Byte offset of the first ill-formed UTF-8 sequence (per the WHATWG decoder), or `bytes.length`. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return i;
    if (i + need >= n) return i; // truncated at end of file
    const second = bytes[i + 1];
    if (second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k];
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return n;
}
