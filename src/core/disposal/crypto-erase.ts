/**
 * Crypto-erasure as a method of destruction (NIST SP 800-88 Purge): an executed destruction batch whose
 * `method:` names `crypto-erase` destroys the keys of the customers it lists (`crypto_erase:`, else every
 * customer of its records). Their sealed values then open nowhere — in no commit, clone, remote or backup.
 * A key is destroyed only so: by an executed batch, for a customer with no sealed record left outside it.
 */
import type { RecordEntry } from '../model/records';
import type { Schema } from '../model/schema';
import { destroyCustomerKey, type KeyAbsence, type KeyStore } from '../seal/key-store';
import { registryChange, type CustomerKey, type KeyRegistry } from '../seal/registry';
import type { FileChange } from '../io/changes';
import { isSealed } from '../values/sealed';
import { readBatch } from './batch';
import { matchMethods } from './methods';

export interface EraseTarget {
  customer: string;
  key: CustomerKey;
}

export type EraseRefusal = {
  customer: string;
  reason: 'no-key' | 'destroyed' | 'sealed-elsewhere';
  /** sealed-elsewhere: the records outside the batch whose values would become unreadable too. */
  records?: string[];
};

export type ErasePlan =
  | { ok: true; batchId: string; targets: EraseTarget[]; refused: EraseRefusal[] }
  | { ok: false; reason: 'not-a-batch' | 'not-executed' | 'not-crypto-erase' | 'no-customer' };

/** Who an executed crypto-erase batch erases, and who it cannot (no key, or sealed records left outside it). */
export function planCryptoErase(batchText: string, schema: Schema, registry: KeyRegistry, records: Iterable<RecordEntry>, only?: string): ErasePlan {
  const batch = readBatch(batchText);
  if (!batch || batch.kind !== 'destruction-batch') return { ok: false, reason: 'not-a-batch' };
  if (batch.status !== 'executed') return { ok: false, reason: 'not-executed' };
  if (!matchMethods(batch.data.method, schema).methods.some((m) => m.key === 'crypto-erase')) return { ok: false, reason: 'not-crypto-erase' };
  const listed = Array.isArray(batch.data.crypto_erase) ? batch.data.crypto_erase.filter((c): c is string => typeof c === 'string') : undefined;
  let customers = [...new Set(listed ?? batch.items.map((i) => i.customer).filter((c) => c !== ''))];
  if (only !== undefined) customers = customers.filter((c) => c === only);
  if (!customers.length) return { ok: false, reason: 'no-customer' };
  const sensitive = [...schema.fields.values()].filter((f) => f.sensitive).map((f) => f.name);
  const elsewhere = new Map<string, string[]>();
  for (const r of records) {
    const c = typeof r.data?.customer === 'string' ? r.data.customer : undefined;
    if (c === undefined || !customers.includes(c)) continue;
    const names = sensitive.length ? sensitive : Object.keys(r.data ?? {});
    if (names.some((n) => isSealed(r.data?.[n]))) elsewhere.set(c, [...(elsewhere.get(c) ?? []), `${r.file}:${r.line + 1}`]);
  }
  const targets: EraseTarget[] = [];
  const refused: EraseRefusal[] = [];
  for (const customer of customers) {
    const key = registry.customers.get(customer);
    if (!key) refused.push({ customer, reason: 'no-key' });
    else if (key.destroyed) refused.push({ customer, reason: 'destroyed' });
    else if (elsewhere.has(customer)) refused.push({ customer, reason: 'sealed-elsewhere', records: elsewhere.get(customer) });
    else targets.push({ customer, key });
  }
  return { ok: true, batchId: typeof batch.data.batch_id === 'string' ? batch.data.batch_id : '', targets, refused };
}

export interface Erased {
  customer: string;
  fingerprint: string;
  absence: KeyAbsence[];
}

/** Destroys the keys (the store first, so a tombstone never stands for a key still there) and the registry's change. */
export function eraseKeys(
  store: KeyStore,
  registry: KeyRegistry,
  targets: readonly EraseTarget[],
  batchPath: string,
  today: string,
): { erased: Erased[]; change: FileChange } {
  const erased: Erased[] = [];
  for (const t of targets) erased.push({ customer: t.customer, fingerprint: t.key.fingerprint, absence: destroyCustomerKey(store, t.key.fingerprint) });
  const gone = new Set(erased.filter((e) => e.absence[0].absent).map((e) => e.customer));
  const keys = [...registry.customers.values()].map((k): CustomerKey =>
    gone.has(k.customer) ? { customer: k.customer, fingerprint: k.fingerprint, created: k.created, destroyed: today, batch: batchPath } : k,
  );
  return { erased, change: registryChange(registry, keys) };
}

/** A version in history that still holds a customer's value in plain text: crypto-erasure does not reach it. */
export interface PlainVersion {
  commit: string;
  path: string;
  fields: string[];
}

export const ERASE_REFUSAL_TEXT: Record<EraseRefusal['reason'], { en: string; zh: string }> = {
  'no-key': {
    en: 'has no key in .records/keys.yaml: nothing of theirs is sealed, nothing to erase',
    zh: '在 .records/keys.yaml 中没有密钥：其信息未加密，无可擦除',
  },
  destroyed: { en: 'was crypto-erased already', zh: '已做过加密擦除' },
  'sealed-elsewhere': {
    en: 'still has sealed records outside this batch, which would become unreadable too: destroy them in the batch or keep the key',
    zh: '在本批次之外仍有加密记录，销毁密钥会使其一并不可读：请将其列入批次，或保留密钥',
  },
};

/** The statement of what was erased and verified, in Markdown: the customers, the places checked, what remains. */
export function erasureStatement(o: {
  batchPath: string;
  batchId: string;
  today: string;
  erased: readonly Erased[];
  refused: readonly EraseRefusal[];
  /** undefined: history was not checked (not a git repository). */
  plain: readonly (PlainVersion & { customer: string })[] | undefined;
}): { text: string; complete: boolean } {
  const lines = [
    `# Crypto-erasure / 加密擦除 — ${o.batchId || o.batchPath}`,
    '',
    `Batch / 批次: ${o.batchPath} · ${o.today} · method / 方式: crypto-erase (NIST SP 800-88 Purge)`,
    '',
    '## Keys destroyed / 已销毁的密钥',
    '',
    '| Customer / 客户 | Key fingerprint / 密钥指纹 | Verified absent / 核实已不存在 |',
    '|---|---|---|',
  ];
  let complete = true;
  for (const e of o.erased) {
    const places = e.absence.map((a) => {
      if (!a.verified) {
        complete = false;
        return `${a.place}: NOT VERIFIED, cannot be read / 无法读取，未核实`;
      }
      if (!a.absent) complete = false;
      return `${a.place}: ${a.absent ? 'absent / 不存在' : 'STILL PRESENT, destroy this copy / 仍存在，须销毁此副本'}`;
    });
    lines.push(`| ${cell(e.customer)} | \`${e.fingerprint}\` | ${places.map(cell).join('<br>')} |`);
  }
  if (o.refused.length) {
    complete = false;
    lines.push('', '## Not erased / 未擦除', '');
    for (const r of o.refused)
      lines.push(
        `- ${cell(r.customer)}: ${ERASE_REFUSAL_TEXT[r.reason].en} / ${ERASE_REFUSAL_TEXT[r.reason].zh}${r.records ? ` (${r.records.join(', ')})` : ''}`,
      );
  }
  lines.push('', '## Plain text in history / 历史中的明文', '');
  if (o.plain === undefined) {
    complete = false;
    lines.push('Not checked: the folder is not in a git repository. / 未检查：文件夹不在 git 仓库中。');
  } else if (!o.plain.length) {
    lines.push(
      'No commit holds these customers\u2019 sensitive values in plain text: the sealed versions are unreadable everywhere. / 没有提交以明文保存这些客户的敏感字段：加密版本在所有副本中均不可读。',
    );
  } else {
    complete = false;
    lines.push(
      'Encryption protects only the versions written after sealing. These versions hold plain values: the history purge is still required (`records-curator purge`). / 加密只保护加密之后写入的版本。以下版本含明文：仍须清除历史（`records-curator purge`）。',
      '',
    );
    for (const p of o.plain) lines.push(`- ${p.commit.slice(0, 12)} ${cell(p.path)} (${cell(p.customer)}): ${p.fields.map(cell).join(', ')}`);
  }
  lines.push(
    '',
    'Copies of the key store beyond the backups registered in its store.yaml (an old USB disk, a laptop) must be destroyed too: the tool cannot see them. / 未登记在 store.yaml 中的密钥库副本（旧 U 盘、笔记本）也须销毁：本工具无法看到它们。',
  );
  return { text: lines.join('\n') + '\n', complete };
}

const cell = (s: string) => s.replace(/[|\r\n<>`]/g, ' ');
