/**
 * What the last import of a file wrote, kept beside its mapping (`.records/imports/<name>.state.json`): each
 * key's record and the values imported into it. A re-run compares with it to tell a field the source changed
 * (updated) from one someone edited by hand since (a conflict, left as it is). Values are kept as hashes:
 * the state needs only to recognise a value, and must not become a second, plain copy of personal numbers.
 *
 * Version 2 keeps each record on one line: its path and one 66-bit hash per field, the fields named once
 * at the top. Version 1 (each record an indented object of 128-bit hex hashes) was 67 MB and took seconds
 * to write at 100,000 rows; it is still read, and its hashes still recognise the values they were made of.
 */
import * as crypto from 'crypto';
import type { ImportValue } from './record-text';

/** sha256 in one call where Node has it (20.12 and later): a hash object for each value was most of its cost. */
const sha256: (text: string, encoding: 'hex' | 'base64url') => string =
  typeof crypto.hash === 'function'
    ? (text, encoding) => crypto.hash('sha256', text, encoding)
    : (text, encoding) => crypto.createHash('sha256').update(text).digest(encoding);

/** What the state keeps of a value: enough to recognise it, nothing to read it back from. */
export function valueHash(v: ImportValue | undefined): string | undefined {
  return v === undefined ? undefined : sha256(JSON.stringify(v), 'base64url').slice(0, 11);
}

/** Whether `hash`, kept by this version or by version 1 (32 hex digits), was made of the value `v`. */
export function hashOf(hash: string, v: ImportValue | undefined): boolean {
  if (v === undefined) return false;
  return hash.length === 32 ? sha256(JSON.stringify(v), 'hex').slice(0, 32) === hash : valueHash(v) === hash;
}

export interface ImportState {
  key: string;
  records: Map<string, StateRecord>;
}

export interface StateRecord {
  path: string;
  fields: Map<string, string>;
  /** Mail imported one record per thread: the keys of the thread's messages in the record. */
  messages?: string[];
}

export function emptyState(key: string): ImportState {
  return { key, records: new Map() };
}

/** A hash as either version writes it; anything else is not one (the field then counts as never imported). */
const HASH = /^[A-Za-z0-9_-]{1,64}$/;

type Version1Record = { path: unknown; fields?: Record<string, unknown>; messages?: unknown };
type Version2Record = [path: unknown, hashes?: unknown, messages?: unknown];

export function readState(text: string | undefined, key: string): ImportState {
  if (text === undefined) return emptyState(key);
  const data = JSON.parse(text) as { key?: unknown; fields?: unknown; records?: Record<string, Version1Record | Version2Record> };
  // Another key means other records: nothing of the old state applies.
  if (data.key !== key || !data.records || typeof data.records !== 'object') return emptyState(key);
  const names = Array.isArray(data.fields) ? data.fields.map(String) : [];
  const records = new Map<string, StateRecord>();
  for (const [k, r] of Object.entries(data.records)) {
    if (Array.isArray(r)) {
      const fields = new Map<string, string>();
      const hashes = typeof r[1] === 'string' ? r[1].split(' ') : [];
      hashes.forEach((h, i) => {
        if (names[i] !== undefined && HASH.test(h)) fields.set(names[i], h);
      });
      const rec: StateRecord = { path: String(r[0]), fields };
      if (Array.isArray(r[2])) rec.messages = r[2].map(String);
      records.set(k, rec);
      continue;
    }
    const fields = new Map<string, string>();
    for (const [f, h] of Object.entries(r?.fields ?? {})) if (typeof h === 'string' && HASH.test(h)) fields.set(f, h);
    const rec: StateRecord = { path: String(r?.path), fields };
    if (Array.isArray(r?.messages)) rec.messages = r.messages.map(String);
    records.set(k, rec);
  }
  return { key, records };
}

/**
 * Version 2: `"fields"` names every field once; each record is `[path, "hash hash …", messages?]`, its
 * hashes in the order of `fields`, an empty place for a field the record has none of.
 */
export function writeState(state: ImportState): string {
  const q = JSON.stringify;
  const column = new Map<string, number>();
  const keys = [...state.records.keys()].sort();
  for (const k of keys) for (const f of state.records.get(k)!.fields.keys()) if (!column.has(f)) column.set(f, column.size);
  const lines: string[] = [];
  const row: string[] = [];
  for (const k of keys) {
    const r = state.records.get(k)!;
    row.length = 0;
    // Every hash here is one valueHash made or readState let through (HASH): none holds a space or a quote.
    for (const [f, h] of r.fields) row[column.get(f)!] = h;
    let last = row.length;
    while (last > 0 && !row[last - 1]) last--;
    let hashes = '';
    for (let i = 0; i < last; i++) hashes += (i ? ' ' : '') + (row[i] ?? '');
    lines.push(`    ${q(k)}: [${q(r.path)}, "${hashes}"${r.messages ? `, ${q(r.messages)}` : ''}]`);
  }
  const records = lines.length ? `{\n${lines.join(',\n')}\n  }` : '{}';
  return `{\n  "version": 2,\n  "key": ${q(state.key)},\n  "fields": ${q([...column.keys()])},\n  "records": ${records}\n}\n`;
}
