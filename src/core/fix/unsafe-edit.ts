import { recordKind } from '../model/records';
import type { TextEdit } from './text-edit';

/** What the planning functions return: the edits, or why none could be made without risk to the record. */
export type EditPlan = { ok: true; edits: TextEdit[] } | { ok: false; record: number; reason: string };

/**
 * An edit was refused because it could not be made without changing what the record says (or making it
 * unreadable). Nothing was written; `reason` says what stood in the way, in words a user can act on.
 */
export class UnsafeEditError extends Error {
  constructor(
    readonly path: string,
    readonly record: number,
    readonly reason: string,
  ) {
    // A Markdown file holds one record; in a YAML stream, which one matters.
    const where = recordKind(path) === 'markdown' ? path : `${path || 'file'}, record ${record + 1}`;
    super(`${where}: not changed, the edit could damage the record: ${reason}`);
    this.name = 'UnsafeEditError';
  }
}

/** Stops planning the edits of record `record` (caught by the planning functions, which return the refusal). */
export function refuse(record: number, reason: string): never {
  throw new UnsafeEditError('', record, reason);
}
