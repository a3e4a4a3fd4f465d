import * as fs from 'fs';
import * as path from 'path';
import { FileRefusal } from '../io/paths';
import { writeFileInside } from '../io/safe-fs';
import { defaultSchemaText, loadSchema, SCHEMA_PATH, type LoadedSchema } from './load';

/** The schema of a workspace folder: its `.records/schema.yaml`, or the built-in default when it has none. */
export function readWorkspaceSchema(root: string): LoadedSchema & { text: string | undefined } {
  let text: string | undefined;
  try {
    text = fs.readFileSync(path.join(root, SCHEMA_PATH), 'utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  } catch {
    text = undefined;
  }
  return { ...loadSchema(text), text };
}

export type InitResult = { written: true; path: string } | { written: false; path: string; reason: 'exists' };

/**
 * Writes a schema file — the built-in schema, or one Set Up fitted to the records — as a starting point;
 * never overwrites an existing one (nor writes through a link).
 */
export function initSchema(root: string, text: string = defaultSchemaText): InitResult {
  const file = path.join(root, SCHEMA_PATH);
  try {
    writeFileInside(root, SCHEMA_PATH, text);
  } catch (err) {
    if (err instanceof FileRefusal && err.reason === 'exists') return { written: false, path: file, reason: 'exists' };
    throw err;
  }
  return { written: true, path: file };
}
