import * as vscode from 'vscode';
import { langOf } from '../core/model/lang';
import { docLang, type DocLang } from '../core/text/bilingual';

const config = () => vscode.workspace.getConfiguration('recordsCurator');

/** Records whose retention ends within this many days are "due soon". */
export function dueWithinDays(): number {
  return config().get<number>('disposal.dueWithinDays', 90);
}

/** Language of generated documents: the setting, or the display language. */
export function documentLanguage(): DocLang {
  return docLang(config().get<string>('documentLanguage', 'auto'), langOf(vscode.env.language));
}
