/**
 * The key store: a folder OUTSIDE the repository holding each customer's private age identity, each key file
 * itself encrypted to the custodians' age recipients (at least two by default, so no single loss locks the
 * records away). The repository holds only the public recipients (registry.ts). Its files are written through
 * the one safe write path with the store as the root, so no link in it is followed.
 *
 *   store.yaml          custodians (name, recipient) and the paths of the store's backups
 *   keys/<fp>.age       a customer's identity, an age file for the custodians (`age -d -i custodian.key`)
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseDocument, stringify } from 'yaml';
import { readFileInside, shredFileInside, tryReadFileInside, writeFileInside } from '../io/safe-fs';
import type { AgeIdentity } from './age';
import type { AgeLib } from './age-lib';
import { fingerprintOf } from './registry';

export const STORE_FILE = 'store.yaml';
export const MIN_CUSTODIANS = 2;

export interface Custodian {
  name: string;
  recipient: string;
}

export interface KeyStore {
  /** The store folder, absolute. */
  dir: string;
  custodians: Custodian[];
  /** Folders that hold copies of the store (a USB disk, a safe's backup): a destroyed key must be gone from each. */
  backups: string[];
}

export class KeyStoreError extends Error {
  constructor(
    message: string,
    readonly zh: string,
  ) {
    super(message);
    this.name = 'KeyStoreError';
  }
}

const RECIPIENT = /^age1[02-9ac-hj-np-z]{58}$/;

export function isRecipient(s: unknown): boolean {
  return typeof s === 'string' && RECIPIENT.test(s);
}

function inside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function real(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** The repository a workspace belongs to: the nearest folder up with `.git`, or the workspace itself. */
function repositoryOf(root: string): string {
  for (let cur = real(root); ;) {
    if (fs.existsSync(path.join(cur, '.git'))) return cur;
    const up = path.dirname(cur);
    if (up === cur) return real(root);
    cur = up;
  }
}

/**
 * Why `dir` cannot be the key store of the workspace at `root`, or undefined: a store inside the workspace or
 * its repository would be committed, cloned and backed up with the records it protects.
 */
export function keyStorePlaceProblem(root: string, dir: string): KeyStoreError | undefined {
  const d = real(dir);
  for (const r of new Set([real(root), repositoryOf(root)])) {
    if (inside(r, d))
      return new KeyStoreError(
        `the key store ${dir} is inside the repository ${r}: it would be committed and copied with the records; put it outside (--keys DIR)`,
        `密钥库 ${dir} 位于仓库 ${r} 之内，会随记录一起提交和复制；请放在仓库之外（--keys DIR）`,
      );
  }
  return undefined;
}

/** Reads the store at `dir` (refused inside the workspace); an error says what is missing or wrong. */
export function openKeyStore(root: string, dir: string): KeyStore {
  const place = keyStorePlaceProblem(root, dir);
  if (place) throw place;
  const abs = real(dir);
  const bytes = fs.existsSync(abs) ? tryReadFileInside(abs, STORE_FILE) : undefined;
  if (!bytes)
    throw new KeyStoreError(
      `no key store at ${dir} (no ${STORE_FILE}): run records-curator keys init --keys ${dir} --custodian NAME=age1… --custodian NAME=age1…`,
      `${dir} 不是密钥库（没有 ${STORE_FILE}）：先运行 records-curator keys init --keys ${dir} --custodian 姓名=age1… --custodian 姓名=age1…`,
    );
  const doc = parseDocument(bytes.toString('utf8'));
  const data = doc.errors.length ? undefined : (doc.toJS() as { custodians?: unknown; backups?: unknown } | null);
  const custodians: Custodian[] = [];
  for (const c of Array.isArray(data?.custodians) ? data.custodians : []) {
    const o = c as { name?: unknown; recipient?: unknown };
    if (typeof o?.name === 'string' && typeof o.recipient === 'string' && isRecipient(o.recipient)) custodians.push({ name: o.name, recipient: o.recipient });
  }
  if (!custodians.length)
    throw new KeyStoreError(
      `${path.join(dir, STORE_FILE)} names no custodian with a valid age recipient`,
      `${path.join(dir, STORE_FILE)} 中没有带有效 age 公钥的保管人`,
    );
  const backups = (Array.isArray(data?.backups) ? data.backups : []).filter((b): b is string => typeof b === 'string');
  return { dir: abs, custodians, backups };
}

function storeText(custodians: readonly Custodian[], backups: readonly string[]): string {
  return (
    "# Records Curator key store: custodians of the customers' sealing keys, and where copies of this folder are kept.\n" +
    '# Keep this folder outside every repository. keys/*.age open with `age -d -i <custodian identity>`.\n' +
    stringify({ custodians: custodians.map((c) => ({ name: c.name, recipient: c.recipient })), backups: [...backups] })
  );
}

/** Creates the store: refused inside the workspace, with fewer than `min` custodians, or where one exists. */
export function initKeyStore(root: string, dir: string, custodians: readonly Custodian[], backups: readonly string[], min = MIN_CUSTODIANS): KeyStore {
  const place = keyStorePlaceProblem(root, dir);
  if (place) throw place;
  if (custodians.length < min)
    throw new KeyStoreError(
      `a key store needs at least ${min} custodians (${custodians.length} given), so that no single lost identity locks the records away`,
      `密钥库至少需要 ${min} 位保管人（给出 ${custodians.length} 位），以免丢失一把私钥就无法打开记录`,
    );
  for (const c of custodians)
    if (!isRecipient(c.recipient))
      throw new KeyStoreError(`${c.name}: ${c.recipient} is not an age recipient (age1…)`, `${c.name}：${c.recipient} 不是 age 公钥（age1…）`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const abs = real(dir);
  writeFileInside(abs, STORE_FILE, storeText(custodians, backups));
  return { dir: abs, custodians: [...custodians], backups: [...backups] };
}

export const keyFile = (fingerprint: string): string => `keys/${fingerprint}.age`;

/** A new customer identity, its key file written for the custodians; the identity itself is returned only in memory. */
export async function createCustomerKey(age: AgeLib, store: KeyStore, note: string): Promise<{ recipient: string; fingerprint: string }> {
  return writeCustomerKey(age, store, await age.newIdentity(), note);
}

/**
 * The key file of an identity made earlier, in memory (the editor seals to it in a reviewed edit, and writes
 * the key only once that edit is to be applied). Never replaces a key file.
 */
export async function writeCustomerKey(age: AgeLib, store: KeyStore, id: AgeIdentity, note: string): Promise<{ recipient: string; fingerprint: string }> {
  const fingerprint = fingerprintOf(id.recipient);
  const text = `# ${note.replace(/[\r\n]/g, ' ')}\n# public key: ${id.recipient}\n${id.identity}\n`;
  writeFileInside(
    store.dir,
    keyFile(fingerprint),
    await age.encryptTo(
      store.custodians.map((c) => c.recipient),
      text,
    ),
  );
  return { recipient: id.recipient, fingerprint };
}

/** A customer's identity, opened with a custodian's; undefined when the store has no key of that fingerprint. */
export async function readCustomerIdentity(
  age: AgeLib,
  store: KeyStore,
  fingerprint: string,
  custodianIdentities: readonly string[],
): Promise<string | undefined> {
  const bytes = tryReadFileInside(store.dir, keyFile(fingerprint));
  if (!bytes) return undefined;
  let text: string;
  try {
    text = new TextDecoder().decode(await age.decryptWith(custodianIdentities, new Uint8Array(bytes)));
  } catch (err) {
    throw new KeyStoreError(
      `${keyFile(fingerprint)} does not open with the custodian identity given (${(err as Error).message})`,
      `${keyFile(fingerprint)} 无法用所给保管人私钥打开（${(err as Error).message}）`,
    );
  }
  const identity = /^AGE-SECRET-KEY-1[0-9A-Z]+$/m.exec(text)?.[0];
  if (!identity) throw new KeyStoreError(`${keyFile(fingerprint)} holds no age identity`, `${keyFile(fingerprint)} 中没有 age 私钥`);
  return identity;
}

/** Adds a custodian: every key file is opened with a present custodian's identity and encrypted again to all. */
export async function addCustodian(age: AgeLib, store: KeyStore, custodian: Custodian, custodianIdentities: readonly string[]): Promise<number> {
  if (!isRecipient(custodian.recipient))
    throw new KeyStoreError(`${custodian.recipient} is not an age recipient (age1…)`, `${custodian.recipient} 不是 age 公钥（age1…）`);
  if (store.custodians.some((c) => c.recipient === custodian.recipient || c.name === custodian.name))
    throw new KeyStoreError(`${custodian.name} is a custodian already`, `${custodian.name} 已是保管人`);
  const all = [...store.custodians, custodian];
  const files = keyFiles(store);
  // Every file is opened first: a wrong identity changes nothing.
  const opened: [string, Uint8Array, Uint8Array][] = [];
  for (const rel of files) {
    const before = readFileInside(store.dir, rel);
    try {
      opened.push([rel, before, await age.decryptWith(custodianIdentities, new Uint8Array(before))]);
    } catch (err) {
      throw new KeyStoreError(
        `${rel} does not open with the custodian identity given (${(err as Error).message}); nothing changed`,
        `${rel} 无法用所给保管人私钥打开；未作任何更改`,
      );
    }
  }
  for (const [rel, before, plain] of opened)
    writeFileInside(
      store.dir,
      rel,
      await age.encryptTo(
        all.map((c) => c.recipient),
        plain,
      ),
      { overwrite: true, expect: before },
    );
  const storeBefore = readFileInside(store.dir, STORE_FILE);
  writeFileInside(store.dir, STORE_FILE, storeText(all, store.backups), { overwrite: true, expect: storeBefore });
  store.custodians = all;
  return opened.length;
}

/** The key files of the store, workspace-style relative paths. */
export function keyFiles(store: Pick<KeyStore, 'dir'>): string[] {
  const dir = path.join(store.dir, 'keys');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.age'))
    .sort()
    .map((n) => `keys/${n}`);
}

export interface KeyAbsence {
  /** Where the key was looked for: the store, then each backup. */
  place: string;
  /** The key file is not there (a backup folder that cannot be read counts as not verified). */
  absent: boolean;
  verified: boolean;
}

/** Destroys a customer's key file (overwritten, then deleted) and says where the key is verified absent. */
export function destroyCustomerKey(store: KeyStore, fingerprint: string): KeyAbsence[] {
  const rel = keyFile(fingerprint);
  if (tryReadFileInside(store.dir, rel)) shredFileInside(store.dir, rel);
  return keyAbsence(store, fingerprint);
}

export function keyAbsence(store: KeyStore, fingerprint: string): KeyAbsence[] {
  const rel = keyFile(fingerprint);
  const out: KeyAbsence[] = [{ place: store.dir, absent: !fs.existsSync(path.join(store.dir, rel)), verified: true }];
  for (const b of store.backups) {
    const verified = fs.existsSync(b) && fs.statSync(b).isDirectory();
    out.push({ place: b, absent: verified && !fs.existsSync(path.join(b, rel)), verified });
  }
  return out;
}
