/** The shapes a scan import's plan is made of (scan-plan.ts plans, scan-records.ts edits the records). */
import type { Lang } from '../model/lang';
import { createHash } from 'crypto';
import type { FileChange } from '../io/changes';
import type { Schema } from '../model/schema';
import type { RecordIndex } from '../index/record-index';
import type { ScanState } from './scan-mapping';
import type { ReadPdf } from './scan-pages';
import type { ScanPattern } from './scan-pattern';
import type { ScanTable } from './scan-table';
import type { ScanListing } from './scan-walk';

export interface ScanPlanInput {
  root: string;
  schema: Schema;
  index: RecordIndex;
  listing: ScanListing;
  /** One of the two. */
  pattern?: ScanPattern;
  table?: ScanTable & { path: string };
  category?: string;
  state: ScanState;
  readPdf?: ReadPdf;
  /** The language of what the plan says (default en). */
  lang?: Lang;
}

export interface PlannedScan {
  scan: string;
  record: string;
  index: number;
  /** Where the scan will be (workspace-relative) and the value listed in `attachments`. */
  file: string;
  value: string;
  /** false: the file is there already (beside the record, or copied by hand), only listed. */
  copy: boolean;
  sha256: string;
  pages: number | undefined;
}

export interface ScanPlan {
  attached: PlannedScan[];
  skipped: { scan: string; record?: string; note: string }[];
  conflicts: { scan?: string; record: string; reason: string }[];
  rejected: { scan: string; line?: number; reason: string }[];
  notes: { path: string; note: string }[];
  /** Records whose `pages` is set. */
  pages: { record: string; index: number; from: string | undefined; to: number }[];
  changes: FileChange[];
  state: ScanState;
}

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
