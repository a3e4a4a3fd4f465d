import type * as vscode from 'vscode';
import type { KeyAccess, Services } from '../../services';

/** What the lazily loaded part is given by the part every start loads. */
export interface SealHost {
  readonly context: vscode.ExtensionContext;
  readonly services: Services;
  /** The key store was unlocked (true) or locked: the status bar and the `recordsCurator.keysUnlocked` context key follow. */
  setUnlocked(on: boolean): void;
}

export interface SealResult {
  sealed: number;
  refused: number;
  files: number;
  applied: boolean;
}

/** The quick fix's target: one field of one record, as the `plain-sensitive` finding names it. */
export interface SealOne {
  uri: vscode.Uri;
  record: number;
  field: string;
}

/** The sealing UI (dist/seal-ui.js), loaded on the first sealing command or the first hover on a sealed value. */
export interface SealUi {
  unlockKeyStore(options?: { identityFile?: string }): Promise<boolean>;
  lockKeyStore(): void;
  sealFields(arg?: unknown, nodes?: unknown[], options?: { preview?: boolean }): Promise<SealResult | undefined>;
  /** Returns the value masked (for automation); the full value is shown only in a modal dialog, on request. */
  unsealForViewing(uri?: vscode.Uri, options?: { field?: string; record?: number }): Promise<string | undefined>;
  showSealedValue(uri: string, offset: number): Promise<boolean>;
  hover(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | undefined>;
  /** The quick fix "Seal" of each plain-sensitive finding among the diagnostics. */
  codeActions(doc: vscode.TextDocument, ctx: vscode.CodeActionContext): vscode.CodeAction[];
  readonly keys: KeyAccess;
}
