import * as vscode from 'vscode';
import type { Feature } from '../../feature';
import { FieldCompletionProvider } from './completion';
import { FieldHoverProvider } from './hover';

/** Help while writing a record's YAML: what a field means on hover, and field names and allowed values as completions. */
export const editingFeature: Feature = {
  id: 'editing',
  activate(context, services) {
    // Providers check for themselves that a document is a record file of an indexed folder.
    const selector: vscode.DocumentSelector = [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'yaml' },
    ];
    context.subscriptions.push(
      vscode.languages.registerHoverProvider(selector, new FieldHoverProvider(services)),
      vscode.languages.registerCompletionItemProvider(selector, new FieldCompletionProvider(services), ':', ' '),
    );
  },
};
