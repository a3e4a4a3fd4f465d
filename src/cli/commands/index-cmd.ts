import { printable } from '../../core/text/terminal';
import { field, type FileEntry } from '../../core/model/records';
import { Interner } from '../../core/index/record-index';
import type { CliCommand } from '../command';
import { cliLang, folderOf, format } from '../load';
import { scanFolder } from '../../core/index/scan';
import { readWorkspaceSchema } from '../../core/schema/workspace';
import { optimiseAgain } from '../tiering';

export const indexCommand: CliCommand = {
  name: 'index',
  summary: 'print the record index (path, range, category, customer, id, fields)',
  usage:
    'Usage: records-curator index [folder] [--format text|json] [--lang en|zh]\n\nLists every record of FOLDER (default: the current folder) from the same index the extension uses.',
  valueOptions: ['format', 'lang'],
  async run(args, io) {
    const fmt = format(args, ['text', 'json']);
    // The index as it is read, without the whole-folder structures a check builds on it (duplicates, numbering):
    // nothing printed here needs them, and at 100,000 records they were a tenth of the peak memory.
    const root = folderOf(args, io);
    // The entries' repeated strings are shared as each batch arrives, as the index does: held as posted, the
    // copies of 100,000 records were a sixth of the peak.
    const interner = new Interner();
    const files: FileEntry[] = [];
    await scanFolder({
      root,
      schema: readWorkspaceSchema(root).schema,
      lang: cliLang(args),
      listInThread: true,
      leanWorkers: true,
      whenLarge: optimiseAgain,
      onEntries(entries) {
        for (const e of entries) {
          if (!e.isRecordFile) continue;
          interner.entry(e);
          files.push(e);
        }
      },
    });
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const records = files.flatMap((f) => f.records);
    if (fmt === 'json') {
      // Streamed, a few hundred records at a time: one string of 100,000 records took more memory than the index.
      io.out('[');
      for (let i = 0; i < records.length; i++) {
        const r = records[i];
        const item = {
          path: r.file,
          index: r.index,
          range: { start: { line: r.line + 1 }, end: { line: r.endLine + 1 } },
          id: field(r, 'id') ?? null,
          category: field(r, 'category') ?? null,
          customer: field(r, 'customer') ?? null,
          title: field(r, 'title') ?? null,
          fields: r.data ?? null,
          errors: r.errors,
          warnings: r.warnings,
        };
        io.out(`${i ? ',' : ''}\n  ${JSON.stringify(item, null, 2).replace(/\n/g, '\n  ')}`);
        if (i % 500 === 499) await io.drain?.();
      }
      io.out(records.length ? '\n]\n' : ']\n');
    } else {
      for (const r of records) {
        io.out(
          `${[`${r.file}:${r.line + 1}`, field(r, 'id') ?? '-', field(r, 'category') ?? '-', field(r, 'customer') ?? '-', field(r, 'title') ?? ''].map(printable).join('\t')}\n`,
        );
      }
      io.out(`${records.length} records in ${files.length} files\n`);
    }
    return 0;
  },
};
