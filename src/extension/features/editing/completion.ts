import * as vscode from 'vscode';
import { langOf, type Lang } from '../../../core/model/lang';
import type { FieldDef } from '../../../core/model/schema';
import type { Services } from '../../services';
import { bilingual, ownerKey, pick, recordYamlAt, type RecordYaml } from './context';
import { categoryFacts, fieldMarkdown } from './hover';

const WORD = /^[\w.-]*/;
/** A new top-level key being typed: nothing but one word on the line. */
const KEY_TYPED = /^(?:[A-Za-z_][\w.-]*)?$/;
/** `key: val|` (a missing space after the colon is added on insert). */
const SCALAR_VALUE = /^([A-Za-z_][\w.-]*)[ \t]*:([ \t]*)([\w.-]*)$/;
/** `key: [a, b|` */
const FLOW_ITEM = /^([A-Za-z_][\w.-]*)[ \t]*:[ \t]*\[([^\]]*?)([ \t]*)([\w.-]*)$/;
/** `  - it|` under a list key. */
const BLOCK_ITEM = /^[ \t]*-([ \t]*)([\w.-]*)$/;

/** Field names of the record's category at the start of a line; allowed values after `key: `, in `[…]` and after `- `. */
export class FieldCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly services: Services) {}

  provideCompletionItems(
    doc: vscode.TextDocument,
    pos: vscode.Position,
    _token: vscode.CancellationToken,
    context: vscode.CompletionContext,
  ): vscode.CompletionItem[] | undefined {
    const line = doc.lineAt(pos.line).text;
    const before = line.slice(0, pos.character);
    const wordEnd = pos.character + (WORD.exec(line.slice(pos.character))?.[0].length ?? 0);
    // Decide from the line alone first: a space typed anywhere in Markdown must not cost a parse.
    const typingKey = context.triggerKind !== vscode.CompletionTriggerKind.TriggerCharacter && KEY_TYPED.test(before) && !line.slice(wordEnd).trim();
    const scalar = SCALAR_VALUE.exec(before);
    const flow = scalar ? undefined : FLOW_ITEM.exec(before);
    const block = scalar || flow ? undefined : BLOCK_ITEM.exec(before);
    if (!typingKey && !scalar && !flow && !block) return undefined;
    const ctx = recordYamlAt(this.services, doc, pos);
    if (!ctx) return undefined;
    const lang = langOf(vscode.env.language);
    if (typingKey) return fieldItems(ctx, lang, new vscode.Range(pos.line, 0, pos.line, wordEnd), pos.line);

    const ranges = (prefix: string) => {
      const start = new vscode.Position(pos.line, pos.character - prefix.length);
      return { inserting: new vscode.Range(start, pos), replacing: new vscode.Range(start, new vscode.Position(pos.line, wordEnd)) };
    };
    if (scalar) {
      const [, key, space, prefix] = scalar;
      const def = ctx.schema.fields.get(key);
      if (!def || def.type === 'list') return undefined;
      return valueItems(ctx, def, lang, [], space ? '' : ' ', ranges(prefix));
    }
    if (flow) {
      const [, key, inside, space, prefix] = flow;
      const def = ctx.schema.fields.get(key);
      if (def?.type !== 'list') return undefined;
      const rest = line.slice(pos.character);
      const present = (inside + rest.slice(0, rest.includes(']') ? rest.indexOf(']') : undefined)).split(',').map((s) => s.trim());
      const lead = !space && inside.trimEnd().endsWith(',') ? ' ' : '';
      return valueItems(ctx, def, lang, present, lead, ranges(prefix));
    }
    if (block) {
      const [, space, prefix] = block;
      const owner = ownerKey(doc, ctx, pos.line);
      const def = owner && owner.line !== pos.line ? ctx.schema.fields.get(owner.key) : undefined;
      if (def?.type !== 'list') return undefined;
      const present: string[] = [];
      for (let l = owner!.line + 1; l <= ctx.lastLine; l++) {
        if (l === pos.line) continue;
        const m = /^[ \t]*-[ \t]+(\S+)/.exec(doc.lineAt(l).text);
        if (m) present.push(m[1]);
        else if (ownerKey(doc, ctx, l)?.line !== owner!.line) break;
      }
      return valueItems(ctx, def, lang, present, space ? '' : ' ', ranges(prefix));
    }
    return undefined;
  }
}

/** Fields of the record's category that it does not have yet; required ones first, then in schema order. */
function fieldItems(ctx: RecordYaml, lang: Lang, range: vscode.Range, line: number): vscode.CompletionItem[] {
  const { schema, category } = ctx;
  const required = new Set([...schema.required, ...(category ? (schema.categories.get(category)?.required ?? []) : [])]);
  const items: vscode.CompletionItem[] = [];
  let order = 0;
  for (const def of schema.fields.values()) {
    order++;
    const present = ctx.keys.get(def.name);
    if (present !== undefined && present !== line) continue;
    // Without a category only the common fields apply.
    if (def.categories && (!category || !def.categories.includes(category))) continue;
    const isRequired = required.has(def.name);
    const item = new vscode.CompletionItem(def.name, vscode.CompletionItemKind.Field);
    const label = bilingual(def.label, lang);
    item.detail = isRequired ? vscode.l10n.t('{0} · required', label) : label;
    item.documentation = fieldMarkdown(def, schema, lang, category);
    item.sortText = `${isRequired ? 0 : 1}${String(order).padStart(4, '0')}`;
    item.range = range;
    item.insertText = insertField(def, ctx);
    items.push(item);
  }
  return items;
}

function insertField(def: FieldDef, ctx: RecordYaml): vscode.SnippetString {
  const s = new vscode.SnippetString().appendText(`${def.name}: `);
  const choices = def.name === 'category' ? [...ctx.schema.categories.keys()] : def.type === 'boolean' ? ['true', 'false'] : def.values;
  if (def.type === 'list') {
    s.appendText('[');
    if (choices?.length) s.appendChoice(choices);
    else s.appendTabstop(1);
    return s.appendText(']');
  }
  if (choices?.length && (def.type === 'enum' || def.type === 'boolean')) return s.appendChoice(choices);
  return s.appendTabstop(0);
}

interface Ranges {
  inserting: vscode.Range;
  replacing: vscode.Range;
}

function valueItems(ctx: RecordYaml, def: FieldDef, lang: Lang, present: string[], lead: string, range: Ranges): vscode.CompletionItem[] | undefined {
  const { schema } = ctx;
  const make = (value: string, i: number) => {
    const item = new vscode.CompletionItem(value, vscode.CompletionItemKind.EnumMember);
    item.insertText = lead + value;
    item.filterText = value;
    item.sortText = String(i).padStart(4, '0');
    item.range = range;
    return item;
  };
  if (def.name === 'category') {
    return [...schema.categories.values()].map((cat, i) => {
      const item = make(cat.key, i);
      item.detail = bilingual(cat.label, lang);
      const doc = new vscode.MarkdownString();
      doc.isTrusted = false;
      doc.supportHtml = false;
      categoryFacts(cat, schema, lang).forEach((line, n) => {
        if (n) doc.appendMarkdown('  \n');
        doc.appendText(line);
      });
      item.documentation = doc;
      return item;
    });
  }
  const values = def.type === 'boolean' ? ['true', 'false'] : def.type === 'enum' || def.type === 'list' ? def.values : undefined;
  if (!values?.length) return undefined;
  const detail = pick(def.label, lang);
  return values
    .filter((v) => !present.includes(v))
    .map((v, i) => {
      const item = make(v, i);
      item.detail = detail;
      return item;
    });
}
