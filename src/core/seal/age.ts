/**
 * The age library (age-encryption, the reference TypeScript implementation of age-encryption.org/v1): X25519
 * identities, and encryption to recipients, in the binary format the `age` command reads. A bundle of its own
 * (dist/age-crypto.js), loaded only by the commands that seal, open or manage keys.
 */
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { readSealed, writeSealed } from '../values/sealed';

export interface AgeIdentity {
  /** AGE-SECRET-KEY-1…: never written anywhere but an encrypted key file. */
  identity: string;
  /** age1…: public, in .records/keys.yaml. */
  recipient: string;
}

export async function newIdentity(): Promise<AgeIdentity> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

export function recipientOf(identity: string): Promise<string> {
  return identityToRecipient(identity);
}

/** An age file encrypted to every recipient. */
export async function encryptTo(recipients: readonly string[], data: string | Uint8Array): Promise<Uint8Array> {
  if (!recipients.length) throw new Error('no recipients');
  const e = new Encrypter();
  for (const r of recipients) e.addRecipient(r);
  return e.encrypt(data);
}

/** The age file's content, or an Error when no identity opens it or it was changed (the MAC or a tag fails). */
export async function decryptWith(identities: readonly string[], bytes: Uint8Array): Promise<Uint8Array> {
  const d = new Decrypter();
  for (const i of identities) d.addIdentity(i);
  return d.decrypt(bytes);
}

/** A value sealed for one customer: `age:` and base64, one line. */
export async function sealValue(recipient: string, plain: string): Promise<string> {
  return writeSealed(await encryptTo([recipient], plain));
}

export type Opened = { ok: true; value: string } | { ok: false; reason: 'form' | 'key' | 'damaged' };

/** A sealed value's plain text, in memory only. */
export async function openValue(identities: readonly string[], sealed: string): Promise<Opened> {
  const form = readSealed(sealed);
  if (!form.ok) return { ok: false, reason: 'form' };
  try {
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(await decryptWith(identities, form.bytes)) };
  } catch (err) {
    // age says "no identity matched any of the file's recipients" for a key that does not open it.
    return { ok: false, reason: /no identity matched/i.test((err as Error).message) ? 'key' : 'damaged' };
  }
}
