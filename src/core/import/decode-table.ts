/**
 * A table file's bytes as text. Spreadsheets are saved in whatever the program's locale says: UTF-8 with or
 * without a BOM, UTF-16 with a BOM (Excel's "Unicode text"), or GB18030/GBK (Chinese Excel's "CSV"). Text
 * that is neither valid UTF-8 nor valid GB18030 is refused, never decoded with U+FFFD in a customer's name.
 */
import type { Lang } from '../model/lang';
import { say } from '../text/bilingual';
import { TABLE_MSG } from './table-messages';

export type TableEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type DecodedTable = { ok: true; text: string; encoding: TableEncoding } | { ok: false; message: string };

const decoder = (label: string) => new TextDecoder(label, { fatal: true, ignoreBOM: true });

export function decodeTableBytes(bytes: Uint8Array, lang: Lang = 'en'): DecodedTable {
  const b0 = bytes[0];
  const b1 = bytes[1];
  try {
    if (b0 === 0xff && b1 === 0xfe) return { ok: true, text: decoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
    if (b0 === 0xfe && b1 === 0xff) return { ok: true, text: decoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  } catch {
    return { ok: false, message: say(lang, TABLE_MSG.utf16) };
  }
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    try {
      return { ok: true, text: decoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
    } catch {
      return { ok: false, message: say(lang, TABLE_MSG.utf8) };
    }
  }
  try {
    return { ok: true, text: decoder('utf-8').decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: GB18030 is a superset of GBK and GB2312, which is what Chinese Excel writes.
  }
  try {
    return { ok: true, text: decoder('gb18030').decode(bytes), encoding: 'gb18030' };
  } catch {
    return { ok: false, message: say(lang, TABLE_MSG.encoding) };
  }
}
