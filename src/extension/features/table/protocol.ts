/**
 * What passes between the records table's page and the host: the messages the page sends (a browser page's
 * words, checked, not trusted) and the page itself, loaded from a bundle of its own.
 */
import { createRequire } from 'module';
import * as path from 'path';
import type { Lang } from '../../../core/model/lang';
import type { TableGroupBy } from '../../../core/table';

/** What the page asks of the host. */
export type TableMessage =
  | { type: 'ready' }
  | { type: 'window'; start: unknown; count: unknown }
  | { type: 'sort'; key: string }
  | { type: 'filter'; text: unknown }
  | { type: 'columnFilter'; key: string; text: unknown }
  | { type: 'group'; by: TableGroupBy }
  | { type: 'columns'; visible: string[]; widths: Record<string, number> }
  | { type: 'open'; key: string }
  | { type: 'check' | 'edit'; seq: number; key: string; field: string; value: unknown }
  | { type: 'select'; key: string; line: number; mode: 'only' | 'toggle' | 'range' }
  | { type: 'selectAll' | 'clearSelection' | 'print' }
  | { type: 'export'; format?: 'csv' | 'xlsx' }
  | { type: 'bulk'; op: 'set' | 'remove'; field: string; value?: unknown; preview?: boolean }
  /** Without `field` and `to`, the person is asked which field and its new name. */
  | { type: 'bulk'; op: 'rename'; field?: unknown; to?: unknown; preview?: boolean };

type TablePage = typeof import('./page');
let page: TablePage | undefined;

/**
 * The page — its markup, style and script, about 8 KB compressed — is a bundle of its own (dist/table-page.js),
 * read when a table first opens: every start without a table goes without it.
 */
export function tablePage(nonce: string, cspSource: string, lang: Lang): string {
  page ??= createRequire(__filename)(path.join(__dirname, 'table-page.js')) as TablePage;
  return page.tablePage(nonce, cspSource, lang);
}

/** The page is a browser page: what it sends is checked, not trusted. */
export const str = (v: unknown): string => (typeof v === 'string' ? v : '');
