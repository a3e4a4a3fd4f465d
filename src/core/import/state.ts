/**
 * What the last import of a file wrote, kept beside its mapping (`.records/imports/<name>.state.json`): each
 * key's record and the values imported into it. A re-run compares with it to tell a field the source changed
 * (updated) from one someone edited by hand since (a conflict, left as it is). Values are kept as hashes:
 * the state needs only to recognise a value, and must not become a second, plain copy of personal numbers.
 */
import * as crypto from 'crypto';
import type { ImportValue } from './record-text';

/** sha256 in one call where Node has it (20.12 and later): a hash object for each value was most of its cost. */
const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function' ? (text) => crypto.hash('sha256', text, 'hex') : (text) => crypto.createHash('sha256').update(text).digest('hex');

/** What the state keeps of a value: enough to recognise it, nothing to read it back from. */
export function valueHash(v: ImportValue | undefined): string | undefined {
  return v === undefined ? undefined : sha256Hex(JSON.stringify(v)).slice(0, 32);
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

export function readState(text: string | undefined, key: string): ImportState {
  if (text === undefined) return emptyState(key);
  const data = JSON.parse(text) as { key?: unknown; records?: Record<string, { path: unknown; fields?: Record<string, unknown>; messages?: unknown }> };
  // Another key means other records: nothing of the old state applies.
  if (data.key !== key || !data.records || typeof data.records !== 'object') return emptyState(key);
  const records = new Map<string, StateRecord>();
  for (const [k, r] of Object.entries(data.records)) {
    const rec: StateRecord = { path: String(r.path), fields: new Map(Object.entries(r.fields ?? {}).map(([f, h]) => [f, String(h)])) };
    if (Array.isArray(r.messages)) rec.messages = r.messages.map(String);
    records.set(k, rec);
  }
  return { key, records };
}

export function writeState(state: ImportState): string {
  const records: Record<string, { path: string; fields: Record<string, string>; messages?: string[] }> = {};
  for (const [k, r] of [...state.records].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    records[k] = { path: r.path, fields: Object.fromEntries(r.fields), ...(r.messages ? { messages: r.messages } : {}) };
  }
  return JSON.stringify({ version: 1, key: state.key, records }, null, 2) + '\n';
}
