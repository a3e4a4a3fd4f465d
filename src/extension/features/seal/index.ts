import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import * as vscode from 'vscode';
import { KEYS_PATH } from '../../../core/values/sealed';
import { codeOf } from '../../diagnostic';
import type { Feature } from '../../feature';
import type { SealHost, SealUi } from './types';

const RECORDS: vscode.DocumentSelector = [
  { scheme: 'file', language: 'markdown' },
  { scheme: 'file', language: 'yaml' },
];
/** A sealed value on a line, told without a key: `age:` and base64. Only such a hover loads the sealing UI. */
const SEALED_ON_LINE = /age:[A-Za-z0-9+/]{16}/;

/**
 * Sealed values in the editor (issue 21). Only this part loads at every start: the commands, the status bar
 * item and the two providers' first look. Everything else — the key store, age, sealing, opening values,
 * crypto-erasure — is dist/seal-ui.js, loaded on first use (see esbuild.js for what it shares with this bundle).
 */
export const sealFeature: Feature = {
  id: 'seal',
  activate(context, services) {
    const status = vscode.window.createStatusBarItem('recordsCurator.keys', vscode.StatusBarAlignment.Left, 19);
    status.name = vscode.l10n.t('Key store');
    let unlocked = false;
    const show = () => {
      status.text = unlocked ? `$(unlock) ${vscode.l10n.t('Keys unlocked')}` : `$(lock) ${vscode.l10n.t('Keys locked')}`;
      status.tooltip = unlocked ? vscode.l10n.t('Keys in memory only, in this window. Click to lock.') : vscode.l10n.t('Click to unlock the key store.');
      status.command = unlocked ? 'recordsCurator.lockKeyStore' : 'recordsCurator.unlockKeyStore';
      // Shown where a folder seals (it has .records/keys.yaml), or while keys are in memory.
      if (unlocked || services.index.all().some((f) => fs.existsSync(path.join(f.root, KEYS_PATH)))) status.show();
      else status.hide();
    };
    const host: SealHost = {
      context,
      services,
      setUnlocked(on) {
        unlocked = on;
        void vscode.commands.executeCommand('setContext', 'recordsCurator.keysUnlocked', on);
        show();
      },
    };
    let ui: SealUi | undefined;
    const load = (): SealUi => (ui ??= (createRequire(__filename)(path.join(__dirname, 'seal-ui.js')) as typeof import('./ui')).createSealUi(host));
    const command = (name: Exclude<keyof SealUi, 'keys' | 'hover' | 'codeActions'>) =>
      vscode.commands.registerCommand(`recordsCurator.${name}`, (...args: unknown[]) => (load()[name] as (...a: unknown[]) => unknown)(...args));
    services.ui.keys = {
      prepareErase: (folder) => load().keys.prepareErase(folder),
      eraseForBatch: (folder, batch, touched) => load().keys.eraseForBatch(folder, batch, touched),
    };
    context.subscriptions.push(
      status,
      command('unlockKeyStore'),
      command('lockKeyStore'),
      command('sealFields'),
      command('unsealForViewing'),
      command('showSealedValue'),
      vscode.languages.registerHoverProvider(RECORDS, {
        provideHover: (doc, pos) => (SEALED_ON_LINE.test(doc.lineAt(pos.line).text) ? load().hover(doc, pos) : undefined),
      }),
      vscode.languages.registerCodeActionsProvider(
        RECORDS,
        {
          // "Seal" on a plain sensitive value (the finding says it can be sealed): only such a value loads the UI.
          provideCodeActions: (doc, _range, ctx) =>
            vscode.workspace.isTrusted && ctx.diagnostics.some((d) => codeOf(d) === 'plain-sensitive') ? load().codeActions(doc, ctx) : undefined,
        },
        { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
      ),
      services.index.onDidChange(show),
    );
    void services.index.whenReady().then(show);
  },
};
