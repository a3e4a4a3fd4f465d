/**
 * What the commands that use the key store share: where it is (`--keys DIR`, else RECORDS_CURATOR_KEYS), the
 * custodian identity that opens its key files (`--identity FILE`, else RECORDS_CURATOR_IDENTITY), and its
 * refusals as one line for the user.
 */
import * as fs from 'fs';
import * as path from 'path';
import { KeyStoreError, openKeyStore, type KeyStore } from '../core/seal/key-store';
import { identitiesIn } from '../core/seal/session';
import { printable } from '../core/text/terminal';
import { UsageError, type ParsedArgs } from './args';
import type { CliIo } from './command';

export function keysDirOf(args: ParsedArgs, io: CliIo): string | undefined {
  const k = args.options.get('keys');
  const dir = typeof k === 'string' ? k : process.env.RECORDS_CURATOR_KEYS || undefined;
  return dir === undefined ? undefined : path.resolve(io.cwd, dir);
}

export function needKeysDir(args: ParsedArgs, io: CliIo): string {
  const dir = keysDirOf(args, io);
  if (!dir) throw new UsageError('this needs the key store: --keys DIR (or RECORDS_CURATOR_KEYS)');
  return dir;
}

export function openStore(root: string, args: ParsedArgs, io: CliIo): KeyStore {
  return openKeyStore(root, needKeysDir(args, io));
}

/** The custodian identities given; a usage error when none is, or a file holds none. */
export function custodianIdentities(args: ParsedArgs, io: CliIo): string[] {
  const files = args.values.get('identity') ?? (process.env.RECORDS_CURATOR_IDENTITY ? [process.env.RECORDS_CURATOR_IDENTITY] : []);
  if (!files.length) throw new UsageError("this opens the key store's key files: --identity FILE, a custodian's age identity (or RECORDS_CURATOR_IDENTITY)");
  const out: string[] = [];
  for (const f of files) {
    const abs = path.resolve(io.cwd, f);
    let text: string;
    try {
      text = fs.readFileSync(abs, 'utf8');
    } catch (err) {
      throw new UsageError(`--identity ${abs}: ${(err as Error).message}`);
    }
    const ids = identitiesIn(text);
    if (!ids.length) throw new UsageError(`--identity ${abs} holds no age identity (AGE-SECRET-KEY-1…)`);
    out.push(...ids);
  }
  return out;
}

/** A key-store refusal as the one line printed, or undefined for any other error (rethrown by the caller). */
export function keyStoreText(err: unknown, zh: boolean): string | undefined {
  if (err instanceof KeyStoreError) return printable(zh ? err.zh : err.message);
  return undefined;
}
