/**
 * A PDF's page count, read by pdf-lib: the page tree walked as the PDF's own cross-reference table (or
 * stream) says, not a guess from `/Count` text. An encrypted PDF is opened without its password where its
 * page tree is readable (only strings and streams are encrypted in older files); in one whose objects are
 * all inside encrypted streams the pages cannot be counted, which is said, not guessed.
 *
 * This module is bundled on its own (dist/pdf-reader.js) and loaded only when PDFs are imported as scans,
 * so the rest of the tool does not load pdf-lib.
 */
import { PDFDocument } from 'pdf-lib';
import type { PdfInfo } from './scan-pages';

const QUIET = ['log', 'warn', 'error'] as const;

export async function readPdf(bytes: Uint8Array): Promise<PdfInfo> {
  // Searched in the bytes, not a string copy of them: a scan may be hundreds of megabytes.
  const encrypted = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf('/Encrypt') >= 0;
  // pdf-lib reports objects it cannot parse on the console; here they become the answer's problem.
  const saved = QUIET.map((k) => Reflect.get(console, k) as unknown);
  const said: string[] = [];
  for (const k of QUIET) console[k] = (...a: unknown[]) => void said.push(a.map(String).join(' '));
  try {
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
    const pages = doc.getPageCount();
    if (pages < 1) return { encrypted: encrypted || doc.isEncrypted, problem: said[0] ?? 'it has no pages' };
    return { pages, encrypted: encrypted || doc.isEncrypted };
  } catch (err) {
    const problem = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return { encrypted, problem: problem.length > 200 ? `${problem.slice(0, 199)}…` : problem };
  } finally {
    QUIET.forEach((k, i) => Reflect.set(console, k, saved[i]));
  }
}
