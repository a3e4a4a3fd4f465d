import * as vscode from 'vscode';
import type { BatchFile } from '../core/disposal/batch';
import type { RecordEntry } from '../core/model/records';
import type { RecordChange } from '../core/review/changes';
import type { ReviewMark } from '../core/review/marks';
import type { FolderIndex } from './index/folder-index';
import { WorkspaceIndex } from './index/workspace-index';

/** Records a command acts on, per folder. */
export interface Picked {
  folder: FolderIndex;
  records: RecordEntry[];
}

/** The Records view, as other features act on it: the records under a selection, a refresh. */
export interface RecordsSelection {
  /** The records under the view's nodes (a record node itself, every record of a group); other values are ignored. */
  recordsOf(nodes: readonly unknown[]): Picked[];
  refreshSoon(): void;
}

export interface KnownBatch {
  folder: FolderIndex;
  path: string;
  uri: vscode.Uri;
  batch: BatchFile;
}

/** The disposal batches found in the folders. */
export interface BatchList {
  all(): readonly KnownBatch[];
  /** Records listed in batches that are not executed yet, keyed by folder root, path and index. */
  pending(): Map<string, KnownBatch>;
  /** Every document of a folder's disposal folder as the editors have them (batches, opinions, certificates). */
  texts(folder: FolderIndex): { path: string; text: string }[];
  readonly onDidChange: vscode.Event<void>;
}

export interface FolderReview {
  folder: FolderIndex;
  mark?: ReviewMark;
  changes: RecordChange[];
}

export type ReviewStatus = { kind: 'untrusted' } | { kind: 'no-git' } | { kind: 'ready'; folders: FolderReview[] };

/** What changed since the last review mark. */
export interface ReviewView {
  readonly status: ReviewStatus;
  refresh(): Promise<ReviewStatus>;
}

export interface BackupState {
  remote: boolean;
  unpushed: number;
}

/** Whether the records have a copy anywhere else. */
export interface BackupView {
  readonly state: BackupState | undefined;
}

/** What crypto-erasure of an executed batch did: the customers whose keys are gone, and the statement of it. */
export interface Erasure {
  erased: string[];
  /** Customers listed but not erased, with why. */
  refused: string[];
  /** Every key verified absent everywhere, and no plain version left in history. */
  complete: boolean;
  statement?: vscode.TextDocument;
}

/** The key store, as the disposal feature reaches it: a batch whose method names crypto-erase destroys keys. */
export interface KeyAccess {
  /**
   * Before a crypto-erase batch is executed: why its keys cannot be destroyed now (no key store set, or it
   * cannot be opened) — then nothing is destroyed — or the warning its confirmation adds.
   */
  prepareErase(folder: FolderIndex): Promise<{ refusal: string } | { warning: string }>;
  /** After the batch is executed: its customers' keys destroyed, the registry's tombstones written, the statement shown. */
  eraseForBatch(folder: FolderIndex, batchPath: string, touched: readonly string[]): Promise<Erasure | undefined>;
}

/** What features share. Built once in `activate`, handed to every feature. */
export interface Services {
  readonly log: vscode.LogOutputChannel;
  readonly index: WorkspaceIndex;
  /**
   * Views other features act on (a command run on the tree's selection); set by the feature that owns them.
   * Each is the narrow contract other features use, so no feature imports another.
   */
  readonly ui: { recordsTree?: RecordsSelection; review?: ReviewView; backup?: BackupView; batches?: BatchList; keys?: KeyAccess };
}

export function createServices(context: vscode.ExtensionContext): Services {
  const log = vscode.window.createOutputChannel('Records Curator', { log: true });
  const index = new WorkspaceIndex(context, log);
  context.subscriptions.push(log, index);
  return { log, index, ui: {} };
}
