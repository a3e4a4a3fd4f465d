import { exportCsv, exportJson } from '../../core/export';
import type { DocLang } from '../../core/text/bilingual';
import { field } from '../../core/model/records';
import { UsageError } from '../args';
import type { CliCommand } from '../command';
import { docLangOption, format, loadFolder, recordIndexOf, writeOutput } from '../load';

const USAGE = `Usage: records-curator export [folder] [--format csv|json] [--out FILE] [options]

Exports the record index of FOLDER (default: the current folder): one row per record, one column per field.
CSV has a UTF-8 BOM and CRLF line ends so spreadsheet programs show Chinese; JSON is [{path, index, line, fields}].

  --format csv|json      default csv
  --out FILE             write to FILE instead of standard output; an existing file is not replaced unless --force
  --category KEY         only this category
  --lang zh|en|both      language of the CSV header (default: from LANG)
  --force                replace FILE if it exists`;

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'export the record index as CSV or JSON',
  usage: USAGE,
  valueOptions: ['format', 'out', 'category', 'lang'],
  flags: ['force'],
  async run(args, io) {
    const fmt = format(args, ['csv', 'json']);
    const out = args.options.get('out');
    if (out === true) throw new UsageError('--out needs a file name');
    const folder = await loadFolder(args, io);
    const language: DocLang = docLangOption(args, folder.lang);
    const category = args.options.get('category');
    if (category !== undefined && !folder.schema.schema.categories.has(String(category))) {
      throw new UsageError(`--category must be one of ${[...folder.schema.schema.categories.keys()].join(', ')}`);
    }
    const records = [...recordIndexOf(folder).records()].filter((r) => category === undefined || field(r, 'category') === category);
    const text = fmt === 'json' ? await exportJson(records) : await exportCsv(records, folder.schema.schema, language);
    if (out === undefined) {
      io.out(text);
      return 0;
    }
    return writeOutput('export', args, io, out, text, records.length);
  },
};
