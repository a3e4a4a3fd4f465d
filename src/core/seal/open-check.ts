/**
 * `check --keys`: sealed values opened in memory, with the customers' identities from the key store, and
 * checked as plain ones are (formats, check digits) by the same rules — the record is checked again with the
 * opened values in its text, which never leaves this function. A finding quotes the value masked. A value no
 * key opens, or one changed after sealing, is a finding of its own.
 */
import { applyEdits } from '../fix/text-edit';
import { yamlScalar } from '../fix/scalars';
import { startsFlow } from '../fix/fixes';
import { indexText, type IndexOptions } from '../index/index-file';
import { FileRefusal } from '../io/paths';
import { readFileInside } from '../io/safe-fs';
import type { Finding } from '../model/findings';
import type { FileEntry } from '../model/records';
import { recordKind } from '../model/records';
import { decodeRecordBytes } from '../parse/decode';
import { LineIndex } from '../parse/lines';
import { parseRecordText } from '../parse/record-file';
import { severityOf } from '../rules/catalogue';
import { say } from '../text/bilingual';
import type { Opened } from './age';
import type { KeyRegistry } from './registry';
import { isSealed, maskValue, readSealed } from '../values/sealed';

export interface OpenCheckInput {
  root: string;
  files: Iterable<FileEntry>;
  options: IndexOptions;
  registry: KeyRegistry;
  /** Opens a value with the customer's identity (undefined: the store has no key of that fingerprint). */
  open(fingerprint: string, sealed: string): Promise<Opened | undefined>;
  /** Every identity in the store: which customer a value that does not open with its own key belongs to. */
  openAny?(sealed: string): Promise<string | undefined>;
  /** The text a file has now when that is not the disk's (an editor's unsaved changes). */
  textOf?(path: string): string | undefined;
}

export interface OpenCheckResult {
  findings: { path: string; finding: Finding }[];
  /** Values opened and checked. */
  opened: number;
}

const TYPE_CODES = /^invalid-/;

export async function checkSealedValues(input: OpenCheckInput): Promise<OpenCheckResult> {
  const out: OpenCheckResult = { findings: [], opened: 0 };
  const lang = input.options.lang;
  for (const entry of input.files) {
    if (!entry.isRecordFile) continue;
    let text = input.textOf?.(entry.path);
    if (text === undefined)
      try {
        const decoded = decodeRecordBytes(readFileInside(input.root, entry.path));
        if (!decoded.ok) continue;
        text = decoded.text;
      } catch (err) {
        if (err instanceof FileRefusal || (err as NodeJS.ErrnoException).code === 'ENOENT') continue; // the index reports it
        throw err;
      }
    const kind = recordKind(entry.path) ?? 'markdown';
    const parsed = parseRecordText(text, kind, { aliases: input.options.schema.aliases });
    const lines = new LineIndex(text);
    const edits: { start: number; end: number; newText: string }[] = [];
    const opened = new Map<string, { plain: string; start: number; end: number }>();
    const report = (record: number, start: number, end: number, code: string, message: string, field: string) => {
      const severity = severityOf(code, input.options.severities, input.options.schema.rules);
      if (severity === 'off') return;
      const s = lines.positionAt(start);
      const e = lines.positionAt(end);
      out.findings.push({
        path: entry.path,
        finding: { code, severity, message, start: { line: s.line, col: s.character }, end: { line: e.line, col: e.character }, record, data: { field } },
      });
    };
    for (const record of parsed.records) {
      if (!record.data) continue;
      const customer = typeof record.data.customer === 'string' ? record.data.customer : undefined;
      for (const [name, spans] of record.fields) {
        const value = record.data[name];
        if (!isSealed(value) || !readSealed(value).ok) continue; // a damaged form: sealed-invalid, without keys
        const key = customer === undefined ? undefined : input.registry.customers.get(customer);
        const where = (m: { en: string; zh: string }, p: Record<string, string>) => say(lang, m, { f: name, ...p });
        if (!key || key.destroyed) {
          const m = key?.destroyed
            ? {
                en: "{f}: {c}'s key was destroyed on {d}; the sealed value can no longer be opened (crypto-erased)",
                zh: '{f}：{c} 的密钥已于 {d} 销毁，加密值已无法打开（加密擦除）',
              }
            : { en: '{f}: sealed, but {c} has no key in .records/keys.yaml', zh: '{f}：已加密，但 .records/keys.yaml 中没有 {c} 的密钥' };
          report(
            record.index,
            spans.value.start,
            spans.value.end,
            key?.destroyed ? 'sealed-erased' : 'sealed-wrong-key',
            where(m, { c: customer ?? '?', d: key?.destroyed ?? '' }),
            name,
          );
          continue;
        }
        const result = await input.open(key.fingerprint, value);
        if (!result) {
          report(
            record.index,
            spans.value.start,
            spans.value.end,
            'sealed-wrong-key',
            where(
              { en: "{f}: {c}'s key ({k}) is not in the key store", zh: '{f}：密钥库中没有 {c} 的密钥（{k}）' },
              { c: customer ?? '?', k: key.fingerprint },
            ),
            name,
          );
          continue;
        }
        if (!result.ok) {
          const owner = result.reason === 'key' ? await input.openAny?.(value) : undefined;
          const m =
            result.reason === 'damaged'
              ? {
                  en: "{f}: the sealed value was changed after sealing (its authentication fails); it does not open with {c}'s key",
                  zh: '{f}：加密值在加密后被改动（认证失败），无法用 {c} 的密钥打开',
                }
              : owner !== undefined
                ? {
                    en: "{f}: sealed to {o}'s key, not {c}'s: a value copied from another customer's record",
                    zh: '{f}：用 {o} 的密钥加密，而非 {c} 的——是从其他客户的记录复制来的值',
                  }
                : { en: "{f}: sealed to a recipient that is not {c}'s key (an unknown recipient)", zh: '{f}：加密所用公钥不是 {c} 的密钥（未知公钥）' };
          report(
            record.index,
            spans.value.start,
            spans.value.end,
            result.reason === 'damaged' ? 'sealed-tampered' : 'sealed-wrong-key',
            where(m, { c: customer ?? '?', o: owner ?? '' }),
            name,
          );
          continue;
        }
        out.opened++;
        const flow = startsFlow(text, record.contentSpan.start, record.contentSpan.end);
        edits.push({ start: spans.value.start, end: spans.value.end, newText: yamlScalar('"', result.value, flow) });
        opened.set(`${record.index}/${name}`, { plain: result.value, start: spans.value.start, end: spans.value.end });
      }
    }
    if (!edits.length) continue;
    // The record as it reads open, checked in memory; only the opened fields' format findings are kept.
    const open = indexText(entry.path, applyEdits(text, edits), { mtimeMs: 0, size: 0 }, { ...input.options, detach: false });
    for (const f of open.findings) {
      const field = f.data?.field;
      const o = field === undefined ? undefined : opened.get(`${f.record ?? 0}/${field}`);
      if (!o || !TYPE_CODES.test(f.code)) continue;
      const s = lines.positionAt(o.start);
      const e = lines.positionAt(o.end);
      const masked = maskValue(o.plain);
      const message = f.message.split(o.plain).join(masked) + (lang === 'zh' ? '（加密值，已在内存中解密检查）' : ' (sealed; opened in memory to check)');
      out.findings.push({
        path: entry.path,
        finding: { ...f, message, start: { line: s.line, col: s.character }, end: { line: e.line, col: e.character }, fix: undefined },
      });
    }
  }
  return out;
}
