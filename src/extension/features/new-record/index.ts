import * as vscode from 'vscode';
import { GuardedEdit } from '../../guarded-edit';
import { langOf } from '../../../core/model/lang';
import { field } from '../../../core/model/records';
import { newRecordPath, newRecordText, nextId, slug } from '../../../core/new-record';
import { today } from '../../../core/retention/dates';
import type { Feature } from '../../feature';

export interface NewRecordArgs {
  category?: string;
  customer?: string;
  customerType?: 'person' | 'organization';
  title?: string;
}

/**
 * "New Record": a category, a customer (existing or new), then a file with the schema's fields in order,
 * typed placeholders, the next id, and the cursor on the first empty field.
 */
export const newRecordFeature: Feature = {
  id: 'new-record',
  activate(context, services) {
    context.subscriptions.push(
      vscode.commands.registerCommand('recordsCurator.newRecord', async (args?: NewRecordArgs) => {
        if (!vscode.workspace.isTrusted) {
          void vscode.window.showWarningMessage(vscode.l10n.t('Writing files is off in Restricted Mode. Trust the workspace first.'));
          return undefined;
        }
        await services.index.whenReady();
        const folder = services.index.all()[0];
        if (!folder) return undefined;
        const lang = langOf(vscode.env.language);
        const schema = folder.schema;
        const category =
          args?.category ??
          (
            await vscode.window.showQuickPick(
              [...schema.categories.values()].map((c) => ({ label: lang === 'zh' ? c.label.zh : c.label.en, description: `${c.key} · ${c.code}`, key: c.key })),
              { title: vscode.l10n.t('New Record'), placeHolder: vscode.l10n.t('Category') },
            )
          )?.key;
        if (!category) return undefined;
        const records = [...folder.index.records()];
        const known = new Map<string, string>();
        for (const r of records) {
          const c = field(r, 'customer');
          if (c && !known.has(c)) known.set(c, field(r, 'customer_type') ?? '');
        }
        let customer = args?.customer;
        if (customer === undefined) {
          const NEW = vscode.l10n.t('New customer…');
          const pick = await vscode.window.showQuickPick(
            [
              { label: `$(add) ${NEW}`, isNew: true },
              ...[...known].sort(([a], [b]) => a.localeCompare(b, 'zh-CN')).map(([name, type]) => ({ label: name, description: type, isNew: false })),
            ],
            { title: vscode.l10n.t('New Record'), placeHolder: vscode.l10n.t('Customer') },
          );
          if (!pick) return undefined;
          customer = pick.isNew
            ? await vscode.window.showInputBox({ title: vscode.l10n.t('New Record'), prompt: vscode.l10n.t('Customer name (a person or an organisation)') })
            : pick.label;
        }
        if (!customer) return undefined;
        let customerType = args?.customerType ?? (known.get(customer) as 'person' | 'organization' | undefined);
        if (customerType !== 'person' && customerType !== 'organization') {
          const t = await vscode.window.showQuickPick(
            [
              { label: vscode.l10n.t('Organisation'), v: 'organization' as const },
              { label: vscode.l10n.t('Person'), v: 'person' as const },
            ],
            { title: vscode.l10n.t('Customer type') },
          );
          if (!t) return undefined;
          customerType = t.v;
        }
        const date = today();
        const id = nextId(records, schema, category, date.slice(0, 4));
        const { text, cursor } = newRecordText(schema, { category, customer, customerType, id, date, title: args?.title, lang });
        const edit = new GuardedEdit();
        const uri = edit.createFile(folder, newRecordPath(schema, category, slug(customer), id, date), text);
        if (!(await edit.apply(services.log))) return undefined;
        const editor = await vscode.window.showTextDocument(uri);
        const pos = new vscode.Position(cursor.line, cursor.col);
        editor.selection = new vscode.Selection(pos, pos);
        return uri;
      }),
    );
  },
};
