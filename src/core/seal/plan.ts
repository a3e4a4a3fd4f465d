/**
 * `seal`: every plain value of a sensitive field, in every record of the folder, replaced by the same value
 * sealed to its customer's recipient — one edit per value, the rest of the file byte for byte as it was (CRLF,
 * comments, quotes, key order), each file read back before it is written (combineFixes, as `check --fix`).
 * Sealing needs only public recipients; a customer with no key gets one only where the key store is open.
 */
import { combineFixes, type FixToApply } from '../fix/apply-fixes';
import { writtenKey } from '../fix/finding-fix';
import { startsFlow } from '../fix/fixes';
import { yamlScalar } from '../fix/scalars';
import type { TextEdit } from '../fix/text-edit';
import type { FileChange } from '../io/changes';
import { FileRefusal } from '../io/paths';
import { readFileWithStat } from '../io/safe-fs';
import type { FileEntry } from '../model/records';
import { recordKind } from '../model/records';
import type { Schema } from '../model/schema';
import { decodeRecordBytes } from '../parse/decode';
import { parseRecordText } from '../parse/record-file';
import type { CustomerKey } from './registry';
import { isMasked, isSealed } from '../values/sealed';

export interface SealTarget {
  path: string;
  line: number;
  field: string;
  /** The key as the file writes it. */
  key: string;
  customer: string | undefined;
}

export type SealRefusal = SealTarget & { reason: 'no-customer' | 'no-key' | 'destroyed' | 'not-scalar' | 'read-back'; detail?: string };

export interface SealPlan {
  /** Each file's change; `edits` are the same change as offsets into the text read (the editor applies those). */
  changes: (FileChange & { sealed: number; edits: TextEdit[] })[];
  sealed: SealTarget[];
  refused: SealRefusal[];
  /** Files changed since they were indexed, or gone: not sealed this run. */
  changed: string[];
}

export interface SealInput {
  root: string;
  files: Iterable<FileEntry>;
  schema: Schema;
  /** The customer's key (undefined: none yet), asked once per customer; may make one when the store is open. */
  keyOf(customer: string): Promise<CustomerKey | undefined>;
  seal(recipient: string, plain: string): Promise<string>;
  /**
   * The text a file has now when that is not the disk's — an editor's unsaved changes: planned from it, with
   * no size and time to compare (the editor applies the edits to exactly this text).
   */
  textOf?(path: string): string | undefined;
  /** Only these values (a quick fix seals one field of one record); undefined: every sensitive value. */
  only?(path: string, record: number, field: string): boolean;
}

/** The plain text of a value as written: the string, or a number's own digits (never 1.1e+17 for an 18-digit number). */
function plainOf(value: unknown, raw: string): string {
  if (typeof value === 'string') return value;
  const t = raw.trim();
  return t.length >= 2 && (t[0] === '"' || t[0] === "'") ? t.slice(1, -1) : t;
}

export async function planSeal(input: SealInput): Promise<SealPlan> {
  const plan: SealPlan = { changes: [], sealed: [], refused: [], changed: [] };
  // Asked once per customer, as promised: a keyOf that makes a key must not make one per value.
  const asked = new Map<string, Promise<CustomerKey | undefined>>();
  const keyOf = (customer: string) => {
    let key = asked.get(customer);
    if (!key) asked.set(customer, (key = input.keyOf(customer)));
    return key;
  };
  for (const entry of input.files) {
    if (!entry.isRecordFile) continue;
    const open = input.textOf?.(entry.path);
    let bytes: Buffer;
    let bom = false;
    let text: string;
    if (open !== undefined) {
      bytes = Buffer.from(open, 'utf8');
      text = open;
    } else {
      let stat: { size: number; mtimeMs: number };
      try {
        ({ bytes, stat } = readFileWithStat(input.root, entry.path));
      } catch (err) {
        if (!(err instanceof FileRefusal) && (err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        plan.changed.push(entry.path);
        continue;
      }
      if (stat.size !== entry.size || stat.mtimeMs !== entry.mtimeMs) {
        plan.changed.push(entry.path);
        continue;
      }
      const decoded = decodeRecordBytes(bytes);
      if (!decoded.ok) continue;
      text = decoded.text;
      bom = decoded.bom;
    }
    const kind = recordKind(entry.path) ?? 'markdown';
    const parsed = parseRecordText(text, kind, { aliases: input.schema.aliases });
    const fixes: FixToApply[] = [];
    const targets: SealTarget[] = [];
    for (const record of parsed.records) {
      if (!record.data) continue;
      const customer = typeof record.data.customer === 'string' && record.data.customer.trim() ? record.data.customer : undefined;
      for (const [name, spans] of record.fields) {
        const def = input.schema.fields.get(name);
        const value = record.data[name];
        if (!def?.sensitive || value === null || value === undefined || value === '' || isSealed(value)) continue;
        if (typeof value === 'string' && isMasked(value)) continue;
        if (input.only && !input.only(entry.path, record.index, name)) continue;
        const target: SealTarget = { path: entry.path, line: lineOf(text, spans.value.start), field: name, key: writtenKey(record, name), customer };
        if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'bigint') {
          plan.refused.push({ ...target, reason: 'not-scalar' });
          continue;
        }
        if (!customer) {
          plan.refused.push({ ...target, reason: 'no-customer' });
          continue;
        }
        const key = await keyOf(customer);
        if (!key?.recipient) {
          plan.refused.push({ ...target, reason: key?.destroyed ? 'destroyed' : 'no-key' });
          continue;
        }
        const raw = text.slice(spans.value.start, spans.value.end);
        const sealed = await input.seal(key.recipient, plainOf(value, raw));
        const flow = startsFlow(text, record.contentSpan.start, record.contentSpan.end);
        fixes.push({
          record: record.index,
          fix: {
            title: `seal ${target.key}`,
            edits: [{ start: spans.value.start, end: spans.value.end, newText: yamlScalar(raw, sealed, flow) }],
            fields: [target.key],
          },
        });
        targets.push(target);
      }
    }
    if (!fixes.length) continue;
    const combined = combineFixes(entry.path, text, fixes);
    for (const r of combined.refused) {
      const t = targets[fixes.findIndex((f) => f.fix === r.fix)];
      plan.refused.push({ ...t, reason: 'read-back', detail: r.reason });
    }
    const done = targets.filter((_, i) => combined.applied.includes(fixes[i].fix));
    if (!done.length) continue;
    plan.sealed.push(...done);
    plan.changes.push({
      path: entry.path,
      before: bytes,
      after: Buffer.from((bom ? '\uFEFF' : '') + combined.text, 'utf8'),
      sealed: done.length,
      edits: combined.edits,
    });
  }
  return plan;
}

function lineOf(text: string, offset: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export const SEAL_REFUSAL_TEXT: Record<SealRefusal['reason'], { en: string; zh: string }> = {
  'no-customer': { en: 'the record names no customer, so no key can be chosen', zh: '记录未写明客户，无法选定密钥' },
  'no-key': { en: 'the customer has no key yet: run again with --keys DIR to make one', zh: '该客户尚无密钥：加 --keys DIR 再运行以生成' },
  destroyed: { en: "the customer's key was destroyed (crypto-erased); nothing is sealed to it again", zh: '该客户的密钥已销毁（加密擦除），不再用它加密' },
  'not-scalar': { en: 'the value is a list or mapping: write it as one value to seal it', zh: '该值是列表或映射：写成单个值才能加密' },
  'read-back': { en: 'the file would not read back the same with only this value changed', zh: '只改此值后文件无法按原样读回' },
};
