/**
 * `records-curator import`: what it is and its options here; its work (the import core, CSV parsing) is a
 * bundle of its own, dist/import-command.js, so every other command starts without it — and the .vsix,
 * which carries the CLI for `check` and the rest, stays within its size budget.
 */
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { UsageError, type ParsedArgs } from '../args';
import type { CliCommand, CliIo } from '../command';

const USAGE = `Usage: records-curator import FILE... [--category KEY] [--map MAP.yaml] [--into FOLDER] [--write] [--format text|json]
       records-curator import --scans DIR (--match PATTERN | --table FILE.csv [--key FIELD]) [--category KEY] [--write] [--format text|json]

Turns the rows of spreadsheets and exports (.csv, .tsv, .json arrays, .xlsx) into records of FOLDER (default:
the current folder), one record per row, at the mapping's path pattern (customers/{customer}/{category}/{id}.md);
and mail (.eml, .mbox) into communication records, one per message (or thread), attachments saved beside each.
Without --write it only shows what it would do: records created, updated, skipped and left with conflicts,
rows rejected, the findings each new record would have, and personal numbers in plain text.

The mapping from columns to fields is guessed from the headers the first time and saved with --write as
.records/imports/<name>.yaml; later runs read it (edit it to change the import). A row whose key field
(contract_no, else id…) matches a record updates only the fields that changed; a field edited by hand since
the last import is a conflict, reported and left. Nothing is overwritten or deleted; all files or none.

  --category KEY   the category of every row without a category column
  --map MAP.yaml   use this mapping instead of the saved or guessed one
  --into FOLDER    the records folder (default: the current folder)
  --customer NAME  mail: the customer of every message (default: the sender's name)
  --per thread     mail: one record per thread (by References/In-Reply-To, else subject and participants),
                   saved in the mapping; a new reply in a thread imported before is added to its record
  --write          write the records, the mapping and the import's state
  --format text|json

Scans: --scans DIR attaches the scanned PDFs, JPEGs, PNGs and TIFFs of a folder inside FOLDER to the records
they belong to: copied beside the record (a scan already in the record's folder stays where it is), listed in
its attachments, its pages set to the pages of all its attachments. Saved as .records/imports/<DIR>.scans.yaml.
  --match PATTERN  the file names: {field} is the record's value, * any text, {pdf,jpg} either ('{contract_no}*.pdf')
  --table FILE.csv a table of file,key (the key: --key FIELD, default contract_no; or a field's header)
A scan matching no record or several, damaged, a link or a duplicate is rejected; one attached before is
skipped; a copy that would replace another file is a conflict, left.
Exit 1 when a row or a scan was rejected or nothing could be written, 2 on a usage error.`;

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'records from spreadsheets and exports (.csv, .tsv, .json, .xlsx, mail); scans onto records (dry run unless --write)',
  usage: USAGE,
  valueOptions: ['category', 'map', 'into', 'format', 'lang', 'customer', 'per', 'scans', 'match', 'table', 'key'],
  flags: ['write'],
  maxPositionals: Infinity,
  async run(args: ParsedArgs, io: CliIo) {
    const bundle = path.join(__dirname, 'import-command.js');
    if (!fs.existsSync(bundle)) {
      // The CLI inside the .vsix leaves import out (its size budget): say so, never an internal error.
      io.err(`records-curator import: this installation has no import (${bundle} is missing); install the records-curator npm package\n`);
      return 1;
    }
    const { runImport } = createRequire(__filename)(bundle) as typeof import('./import-run');
    try {
      return await runImport(args, io);
    } catch (err) {
      // The bundle has its own copy of UsageError: its usage errors are this one's (exit code 2, the usage shown).
      if (err instanceof Error && err.name === 'UsageError' && !(err instanceof UsageError)) throw new UsageError(err.message);
      throw err;
    }
  },
};
