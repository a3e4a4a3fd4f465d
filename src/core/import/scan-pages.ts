/**
 * What a scan is and how many pages it has, from its bytes, never from its name alone: a `.pdf` must start as
 * a PDF and end with `%%EOF` (a cut-off copy does not), its pages counted by a PDF library (the caller's
 * `readPdf`, loaded only when PDFs are imported); a JPEG or PNG is one page; a TIFF has one page per image
 * in its chain of IFDs (reduced-resolution thumbnails not counted). A damaged file — cut off, a chain that loops —
 * is not attached: filed as the record's scan, it would make the record look complete.
 */
import type { Lang } from '../model/lang';
import { say } from '../text/bilingual';
import { SCAN_MSG } from './scan-messages';

export type ScanKind = 'pdf' | 'jpeg' | 'png' | 'tiff';

export function scanKind(name: string): ScanKind | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'pdf') return 'pdf';
  if (ext === 'jpg' || ext === 'jpeg') return 'jpeg';
  if (ext === 'png') return 'png';
  if (ext === 'tif' || ext === 'tiff') return 'tiff';
  return undefined;
}

/** What a PDF reader says: its pages, and whether it is encrypted (a password set). */
export interface PdfInfo {
  pages?: number;
  encrypted: boolean;
  /** Why the pages could not be counted. */
  problem?: string;
}

export type ReadPdf = (bytes: Uint8Array) => Promise<PdfInfo>;

export type ScanPages =
  /** A scan that can be attached; `pages` undefined when it cannot be counted, `note` says why. */
  | { ok: true; pages: number | undefined; note?: string }
  /** Not what its name says, or damaged: not attached. */
  | { ok: false; reason: string };

const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);

export async function scanPages(kind: ScanKind, bytes: Uint8Array, readPdf: ReadPdf | undefined, lang: Lang = 'en'): Promise<ScanPages> {
  if (bytes.length === 0) return { ok: false, reason: say(lang, SCAN_MSG.empty) };
  if (kind === 'pdf') {
    if (!startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { ok: false, reason: say(lang, SCAN_MSG.notPdf) };
    const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(-2048).toString('latin1');
    if (!tail.includes('%%EOF')) return { ok: false, reason: say(lang, SCAN_MSG.pdfCut) };
    if (!readPdf) return { ok: true, pages: undefined, note: say(lang, SCAN_MSG.pdfUncounted) };
    let info: PdfInfo;
    try {
      info = await readPdf(bytes);
    } catch (err) {
      return { ok: false, reason: say(lang, SCAN_MSG.pdfUnreadable, { why: err instanceof Error ? err.message : String(err) }) };
    }
    if (info.encrypted) {
      const counted = info.pages !== undefined ? say(lang, SCAN_MSG.pagesCounted, { count: info.pages }) : say(lang, SCAN_MSG.pagesUncounted);
      return { ok: true, pages: info.pages, note: say(lang, SCAN_MSG.password, { counted }) };
    }
    if (info.pages === undefined || info.pages < 1)
      return { ok: false, reason: say(lang, SCAN_MSG.pdfUnreadable, { why: info.problem ?? say(lang, SCAN_MSG.noPages) }) };
    return { ok: true, pages: info.pages };
  }
  if (kind === 'jpeg') return startsWith(bytes, [0xff, 0xd8, 0xff]) ? { ok: true, pages: 1 } : { ok: false, reason: say(lang, SCAN_MSG.notJpeg) };
  if (kind === 'png')
    return startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) ? { ok: true, pages: 1 } : { ok: false, reason: say(lang, SCAN_MSG.notPng) };
  return tiffPages(bytes, lang);
}

/** The pages of a TIFF: the IFD chain, classic or BigTIFF, each visited once (a loop in the chain ends it). */
export function tiffPages(bytes: Uint8Array, lang: Lang = 'en'): ScanPages {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const order = b.subarray(0, 2).toString('latin1');
  if (b.length < 8 || (order !== 'II' && order !== 'MM')) return { ok: false, reason: say(lang, SCAN_MSG.notTiff) };
  const le = order === 'II';
  const u16 = (o: number) => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
  const u32 = (o: number) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const u64 = (o: number) => Number(le ? b.readBigUInt64LE(o) : b.readBigUInt64BE(o));
  const version = u16(2);
  if (version !== 42 && version !== 43) return { ok: false, reason: say(lang, SCAN_MSG.notTiff) };
  const big = version === 43;
  if (big && b.length < 16) return { ok: false, reason: say(lang, SCAN_MSG.tiffCut) };
  let ifd = big ? u64(8) : u32(4);
  const seen = new Set<number>();
  let pages = 0;
  let images = 0;
  while (ifd !== 0) {
    if (seen.has(ifd)) return { ok: false, reason: say(lang, SCAN_MSG.tiffLoop) };
    seen.add(ifd);
    const head = big ? 8 : 2;
    const size = big ? 20 : 12;
    if (ifd + head > b.length) break;
    const n = big ? u64(ifd) : u16(ifd);
    const end = ifd + head + n * size;
    if (end + (big ? 8 : 4) > b.length) break;
    images++;
    let reduced = false;
    for (let i = 0; i < n; i++) {
      const e = ifd + head + i * size;
      // NewSubfileType (254), bit 0: a reduced-resolution copy of another page, not a page.
      const at = e + (big ? 12 : 8);
      if (u16(e) === 254) reduced = ((u16(e + 2) === 3 ? u16(at) : u32(at)) & 1) === 1;
    }
    if (!reduced) pages++;
    ifd = big ? u64(end) : u32(end);
  }
  if (!images) return { ok: false, reason: say(lang, SCAN_MSG.tiffNoFirst) };
  if (ifd !== 0) return { ok: false, reason: images === 1 ? say(lang, SCAN_MSG.tiffCutAfterOne) : say(lang, SCAN_MSG.tiffCutAfter, { count: images }) };
  return { ok: true, pages: pages || 1 };
}
