/**
 * `.records/keys.yaml`: the public half of sealing, kept in the repository — each customer's age recipient,
 * its fingerprint and when it was made; a destroyed key leaves a tombstone (fingerprint, when, by which batch)
 * and no recipient, so nothing is sealed to it again. No private key is ever written here.
 */
import { createHash } from 'crypto';
import { parseDocument, stringify } from 'yaml';
import type { FileChange } from '../io/changes';
import { tryReadFileInside } from '../io/safe-fs';
import { KEYS_PATH } from '../values/sealed';

export { KEYS_PATH };

export interface CustomerKey {
  customer: string;
  /** age1…; absent once destroyed. */
  recipient?: string;
  fingerprint: string;
  created: string;
  destroyed?: string;
  /** The destruction batch that destroyed it. */
  batch?: string;
}

export interface KeyRegistry {
  /** By customer, as records write the customer. */
  customers: Map<string, CustomerKey>;
  /** The file as read (null: none yet), for the change that rewrites it. */
  bytes: Uint8Array | null;
  problems: string[];
}

/** sha256 of the recipient, 16 hex digits: names the key file, and the tombstone. */
export function fingerprintOf(recipient: string): string {
  return createHash('sha256').update(recipient).digest('hex').slice(0, 16);
}

export function readKeyRegistry(root: string): KeyRegistry {
  const bytes = tryReadFileInside(root, KEYS_PATH) ?? null;
  const out: KeyRegistry = { customers: new Map(), bytes, problems: [] };
  if (!bytes) return out;
  const doc = parseDocument(Buffer.from(bytes).toString('utf8'), { uniqueKeys: true });
  if (doc.errors.length) {
    out.problems.push(`${KEYS_PATH}: ${doc.errors[0].message}`);
    return out;
  }
  const data = doc.toJS() as { customers?: Record<string, unknown> } | null;
  const seen = new Map<string, string>();
  for (const [customer, v] of Object.entries(data?.customers ?? {})) {
    const o = v as Record<string, unknown> | null;
    if (!o || typeof o.fingerprint !== 'string' || (typeof o.created !== 'string' && typeof o.created !== 'number')) {
      out.problems.push(`${KEYS_PATH}: ${customer} needs a fingerprint and a created date`);
      continue;
    }
    const key: CustomerKey = { customer, fingerprint: o.fingerprint, created: String(o.created) };
    if (typeof o.recipient === 'string') key.recipient = o.recipient;
    if (typeof o.destroyed === 'string' || typeof o.destroyed === 'number') key.destroyed = String(o.destroyed);
    if (typeof o.batch === 'string') key.batch = o.batch;
    if (key.recipient && fingerprintOf(key.recipient) !== key.fingerprint)
      out.problems.push(`${KEYS_PATH}: ${customer}'s fingerprint is not that of its recipient`);
    const other = seen.get(key.fingerprint);
    if (other !== undefined)
      out.problems.push(`${KEYS_PATH}: ${customer} and ${other} share one key (${key.fingerprint}); each customer needs a key of their own`);
    seen.set(key.fingerprint, customer);
    out.customers.set(customer, key);
  }
  return out;
}

/** The registry's text: customers in the order given. */
export function registryText(keys: Iterable<CustomerKey>): string {
  const customers: Record<string, Omit<CustomerKey, 'customer'>> = {};
  for (const { customer, ...rest } of keys) customers[customer] = rest;
  return (
    "# Public recipients of the customers' sealing keys (records-curator keys). The private keys are in the key\n" +
    '# store outside this repository; a destroyed key keeps its fingerprint here as a tombstone.\n' +
    stringify({ customers }, { lineWidth: 0 })
  );
}

/** The change that writes the registry with these keys (through applyChanges, checked against what was read). */
export function registryChange(registry: KeyRegistry, keys: Iterable<CustomerKey>): FileChange {
  return { path: KEYS_PATH, before: registry.bytes, after: Buffer.from(registryText(keys), 'utf8') };
}
