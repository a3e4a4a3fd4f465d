/**
 * Readers loaded only when their kind of file is imported: exceljs for .xlsx, mailparser for .eml/.mbox and
 * pdf-lib for scanned PDFs are bundles of their own beside this one (dist/xlsx-reader.js, dist/mail-reader.js,
 * dist/pdf-reader.js), so `check` and every other command start without them. The age library
 * (dist/age-crypto.js) likewise, for the commands that seal, open values or manage keys.
 */
import { createRequire } from 'module';
import * as fs from 'fs';
import * as path from 'path';
import type { Lang } from '../core/model/lang';
import type { MailMessage } from '../core/import/mail';
import type { ReadTable } from '../core/import/read-text-table';
import type { PdfInfo } from '../core/import/scan-pages';
import type { AgeLib } from '../core/seal/age-lib';
import { KeyStoreError } from '../core/seal/key-store';

type XlsxReader = typeof import('../core/import/read-xlsx');
type MailReader = typeof import('../core/import/read-mail');
type PdfReader = typeof import('../core/import/read-pdf');

const load = (bundle: string): unknown => createRequire(__filename)(path.join(__dirname, bundle));
let xlsx: XlsxReader | undefined;
let mail: MailReader | undefined;
let pdf: PdfReader | undefined;
let age: AgeLib | undefined;

export function readXlsxTable(bytes: Uint8Array, known: (header: string) => boolean, lang?: Lang): Promise<ReadTable> {
  xlsx ??= load('xlsx-reader.js') as XlsxReader;
  return xlsx.readXlsx(bytes, known, lang);
}

export function readMailMessages(bytes: Uint8Array, kind: 'eml' | 'mbox'): Promise<MailMessage[]> {
  mail ??= load('mail-reader.js') as MailReader;
  return mail.readMail(bytes, kind);
}

export function readPdfPages(bytes: Uint8Array): Promise<PdfInfo> {
  pdf ??= load('pdf-reader.js') as PdfReader;
  return pdf.readPdf(bytes);
}

/** The age library; a KeyStoreError (one line for the user) where this installation lacks it (the CLI inside the .vsix). */
export function ageLibrary(): AgeLib {
  const bundle = path.join(__dirname, 'age-crypto.js');
  if (!age && !fs.existsSync(bundle))
    throw new KeyStoreError(
      `this installation has no age library (${bundle} is missing); install the records-curator npm package`,
      `此安装中没有 age 加密库（缺少 ${bundle}）；请安装 records-curator npm 包`,
    );
  age ??= load('age-crypto.js') as AgeLib;
  return age;
}
