/**
 * The key store opened for one command: the customers' identities, decrypted with a custodian's identity,
 * in memory only, and the two ways `check --keys` and `unseal` open a value with them.
 */
import type { Opened } from './age';
import type { AgeLib } from './age-lib';
import { readCustomerIdentity, type KeyStore } from './key-store';
import type { KeyRegistry } from './registry';

export interface KeySession {
  /** fingerprint → identity, for the registered keys the store holds. */
  identities: Map<string, string>;
  /** Registered customers whose key file is not in the store. */
  missing: string[];
  open(fingerprint: string, sealed: string): Promise<Opened | undefined>;
  /** Whose key opens a value (a value copied from another customer's record). */
  openAny(sealed: string): Promise<string | undefined>;
}

export async function openKeySession(age: AgeLib, store: KeyStore, registry: KeyRegistry, custodianIdentities: readonly string[]): Promise<KeySession> {
  const identities = new Map<string, string>();
  const missing: string[] = [];
  for (const key of registry.customers.values()) {
    if (key.destroyed) continue;
    const id = await readCustomerIdentity(age, store, key.fingerprint, custodianIdentities);
    if (id) identities.set(key.fingerprint, id);
    else missing.push(key.customer);
  }
  return {
    identities,
    missing,
    async open(fingerprint, sealed) {
      const id = identities.get(fingerprint);
      return id === undefined ? undefined : age.openValue([id], sealed);
    },
    async openAny(sealed) {
      for (const key of registry.customers.values()) {
        const id = identities.get(key.fingerprint);
        if (id !== undefined && (await age.openValue([id], sealed)).ok) return key.customer;
      }
      return undefined;
    },
  };
}

/** The age identities in a custodian's identity file (`age-keygen` output): comments and blank lines skipped. */
export function identitiesIn(text: string): string[] {
  return [...text.matchAll(/^AGE-SECRET-KEY-1[0-9A-Z]+$/gm)].map((m) => m[0]);
}
