/**
 * The key store in this window: where it is (the setting, else RECORDS_CURATOR_KEYS, as the command line),
 * and, once a custodian's identity unlocks it, the customers' identities in memory — never anywhere else —
 * until the window closes or Lock Key Store.
 */
import * as fs from 'fs';
import { createRequire } from 'module';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { AgeLib } from '../../../core/seal/age-lib';
import { KeyStoreError, keyStorePlaceProblem, openKeyStore, type KeyStore } from '../../../core/seal/key-store';
import { readKeyRegistry } from '../../../core/seal/registry';
import { identitiesIn, openKeySession, type KeySession } from '../../../core/seal/session';
import { KEYS_PATH } from '../../../core/values/sealed';
import type { FolderIndex } from '../../index/folder-index';
import { plural } from '../../plural';
import type { SealHost } from './types';

let lib: AgeLib | undefined;
/** The age library: a bundle of its own beside this one (dist/age-crypto.js), the one the command line loads. */
export const ageLib = (): AgeLib => (lib ??= createRequire(__filename)(path.join(__dirname, 'age-crypto.js')) as AgeLib);

const zh = () => vscode.env.language.startsWith('zh');
/** A key store's refusal (the core words it in both languages), or undefined for any other error. */
export const storeText = (err: unknown): string | undefined => (err instanceof KeyStoreError ? (zh() ? err.zh : err.message) : undefined);

/** The key store folder as set, `~` for the home folder, a relative path from the workspace folder. */
export function keyStoreDir(folder: FolderIndex): string | undefined {
  const set = vscode.workspace.getConfiguration('recordsCurator').get<string>('keyStore', '').trim() || process.env.RECORDS_CURATOR_KEYS?.trim();
  if (!set) return undefined;
  const home = set === '~' || set.startsWith('~/') ? path.join(os.homedir(), set.slice(1)) : set;
  return path.resolve(folder.root, home);
}

export const seals = (folder: FolderIndex): boolean => fs.existsSync(path.join(folder.root, KEYS_PATH));

async function askToSetStore(message: string): Promise<void> {
  const open = vscode.l10n.t('Open Settings');
  if ((await vscode.window.showWarningMessage(message, open)) === open)
    await vscode.commands.executeCommand('workbench.action.openSettings', 'recordsCurator.keyStore');
}

/** The store of a folder (store.yaml read, its place checked), or undefined with the reason said. */
export function storeOf(folder: FolderIndex): { store?: KeyStore; problem?: string } {
  const dir = keyStoreDir(folder);
  if (!dir) return { problem: vscode.l10n.t('No key store is set: set recordsCurator.keyStore (or RECORDS_CURATOR_KEYS) to a folder outside the repository.') };
  try {
    return { store: openKeyStore(folder.root, dir) };
  } catch (err) {
    const text = storeText(err);
    if (text === undefined) throw err;
    return { problem: text };
  }
}

const MAX_IDENTITY_FILE = 64 * 1024;

export class Keys {
  private sessions = new Map<string, KeySession>();
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Unlocked or locked, or a key added or destroyed. */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly host: SealHost) {
    host.context.subscriptions.push(this.emitter);
  }

  get unlocked(): boolean {
    return this.sessions.size > 0;
  }

  session(folder: FolderIndex): KeySession | undefined {
    return this.sessions.get(folder.root);
  }

  /** A key made in this window (a seal): its identity joins the open session, so its values open at once. */
  remember(folder: FolderIndex, fingerprint: string, identity: string): void {
    this.sessions.get(folder.root)?.identities.set(fingerprint, identity);
  }

  /** A key destroyed (crypto-erasure): its identity leaves memory too. */
  forget(folder: FolderIndex, fingerprint: string): void {
    this.sessions.get(folder.root)?.identities.delete(fingerprint);
  }

  /**
   * "Unlock Key Store…": a custodian's age identity file (made with age-keygen) opens every customer key of
   * the folders that seal. The identity file is read, never kept; the customers' identities stay in memory.
   */
  async unlock(options?: { identityFile?: string }): Promise<boolean> {
    const folders = this.host.services.index.all().filter(seals);
    if (!folders.length) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('No folder here seals values yet (none has {0}): make the key store with records-curator keys init.', KEYS_PATH),
      );
      return false;
    }
    for (const f of folders) {
      const dir = keyStoreDir(f);
      if (!dir) {
        await askToSetStore(
          vscode.l10n.t('Set the key store folder first (recordsCurator.keyStore, or RECORDS_CURATOR_KEYS): a folder outside the repository.'),
        );
        return false;
      }
      const place = keyStorePlaceProblem(f.root, dir);
      if (place) {
        void vscode.window.showErrorMessage(storeText(place)!);
        return false;
      }
    }
    let file = options?.identityFile;
    if (!file) {
      const env = process.env.RECORDS_CURATOR_IDENTITY;
      const picked = await vscode.window.showOpenDialog({
        title: vscode.l10n.t("Unlock Key Store: a custodian's age identity file"),
        openLabel: vscode.l10n.t('Unlock'),
        canSelectFiles: true,
        canSelectFolders: false,
        canSelectMany: false,
        ...(env ? { defaultUri: vscode.Uri.file(env) } : {}),
      });
      file = picked?.[0]?.fsPath;
      if (!file) return false;
    }
    let text: string;
    try {
      const st = fs.statSync(file);
      if (!st.isFile() || st.size > MAX_IDENTITY_FILE) throw new Error(vscode.l10n.t('not an identity file'));
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} cannot be read: {1}', file, (err as Error).message));
      return false;
    }
    const ids = identitiesIn(text);
    if (!ids.length) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} holds no age identity (AGE-SECRET-KEY-1…): pick the file age-keygen wrote.', file));
      return false;
    }
    const opened = new Map<string, KeySession>();
    const missing: string[] = [];
    try {
      for (const f of folders) {
        const session = await openKeySession(ageLib(), openKeyStore(f.root, keyStoreDir(f)!), readKeyRegistry(f.root), ids);
        opened.set(f.root, session);
        missing.push(...session.missing);
      }
    } catch (err) {
      const why = storeText(err);
      if (why === undefined) throw err;
      void vscode.window.showErrorMessage(why);
      return false;
    }
    this.sessions = opened;
    this.host.setUnlocked(true);
    this.emitter.fire();
    const n = [...opened.values()].reduce((sum, s) => sum + s.identities.size, 0);
    if (missing.length) void vscode.window.showWarningMessage(vscode.l10n.t('The key store lacks the keys of: {0}', missing.join(', ')));
    else
      void vscode.window.showInformationMessage(
        plural(
          n,
          vscode.l10n.t('Key store unlocked: 1 customer key, in memory only, until you lock it or close the window.'),
          vscode.l10n.t('Key store unlocked: {0} customer keys, in memory only, until you lock it or close the window.', n),
        ),
      );
    return true;
  }

  lock(): void {
    // Dropped, not cleared one by one: a session given out earlier keeps no identity either.
    for (const s of this.sessions.values()) s.identities.clear();
    this.sessions = new Map();
    this.host.setUnlocked(false);
    this.emitter.fire();
  }
}
