import * as vscode from 'vscode';
import { langOf } from '../core/model/lang';
import type { LabelLanguage } from '../core/text/bilingual';

const config = () => vscode.workspace.getConfiguration('recordsCurator');

/** Records whose retention ends within this many days are "due soon". */
export function dueWithinDays(): number {
  return config().get<number>('disposal.dueWithinDays', 90);
}

/** Language of generated documents: the setting, or the display language. */
export function documentLanguage(): LabelLanguage {
  const v = config().get<string>('documentLanguage', 'auto');
  return v === 'zh' || v === 'en' || v === 'both' ? v : langOf(vscode.env.language);
}
