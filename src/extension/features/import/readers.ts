/**
 * The .xlsx and mail readers the command line uses, loaded from their own bundles beside the extension's
 * (dist/xlsx-reader.js, dist/mail-reader.js) only when such a file is imported: every other start goes without.
 */
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import type { MailMessage } from '../../../core/import/mail';
import type { Lang } from '../../../core/model/lang';
import type { ReadTable } from '../../../core/import/read-text-table';

type XlsxReader = typeof import('../../../core/import/read-xlsx');
type MailReader = typeof import('../../../core/import/read-mail');

const load = (bundle: string): unknown => createRequire(__filename)(path.join(__dirname, bundle));
let xlsx: XlsxReader | undefined;
let mail: MailReader | undefined;

export function readXlsxTable(bytes: Uint8Array, known: (header: string) => boolean, lang?: Lang): Promise<ReadTable> {
  xlsx ??= load('xlsx-reader.js') as XlsxReader;
  return xlsx.readXlsx(bytes, known, lang);
}

export function readMailMessages(bytes: Uint8Array, kind: 'eml' | 'mbox'): Promise<MailMessage[]> {
  mail ??= load('mail-reader.js') as MailReader;
  return mail.readMail(bytes, kind);
}

/** Whether this installation has the reader for `kind` (the packaged extension leaves the large ones out). */
export function hasReader(kind: 'xlsx' | 'mail'): boolean {
  return fs.existsSync(path.join(__dirname, kind === 'xlsx' ? 'xlsx-reader.js' : 'mail-reader.js'));
}
