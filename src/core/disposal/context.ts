import type { Lang } from '../model/lang';
import type { FileEntry } from '../model/records';
import type { Schema } from '../model/schema';
import { attachmentFields, attachmentsOf } from './attachments';
import { itemKey } from './fingerprints';
import { batchFiles } from './files';
import { schemaOf, type BatchContext } from './items';

/**
 * A batch check's view of a folder from its record index (the editor's or the command line's): the records
 * of each file, and — built once, only if a check asks — which records name each attachment.
 */
export function batchContextOf(
  root: string,
  lang: Lang,
  schema: Schema | undefined,
  get: (path: string) => FileEntry | undefined,
  all: () => Iterable<FileEntry>,
  documents?: () => { path: string; text: string }[],
): BatchContext {
  let users: Map<string, string[]> | undefined;
  const folder = schema?.disposal.folder ?? 'disposal';
  return {
    lang,
    root,
    ...(schema ? { schema } : {}),
    // Read when asked (a batch command asks a few times): a document written meanwhile is seen.
    documents: () => documents?.() ?? batchFiles(root, folder).map(([path, text]) => ({ path, text })),
    allRecords: function* () {
      for (const e of all()) yield* e.records;
    },
    records: (p) => {
      const entry = get(p);
      return entry?.records.length ? new Map(entry.records.map((r) => [r.index, r.data])) : undefined;
    },
    attachmentUsers: (rel) => {
      if (!users) {
        users = new Map();
        const fields = attachmentFields(schemaOf({ lang, root, records: () => undefined, ...(schema ? { schema } : {}) }));
        for (const e of all()) {
          for (const r of e.records) {
            for (const a of attachmentsOf(r.data, r.file, fields)) if (a.rel) users.set(a.rel, [...(users.get(a.rel) ?? []), itemKey(r.file, r.index)]);
          }
        }
      }
      return users.get(rel) ?? [];
    },
  };
}
