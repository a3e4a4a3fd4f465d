/**
 * `pi-inventory`: the personal information a folder holds, by kind and by customer, sensitive kinds flagged
 * (PIPL Arts. 51(2), 28) — the list a company being wound up starts from before it decides, record by
 * record, what is transferred, deleted or kept while a legal period runs.
 */
import { inventoryJson, inventoryPaper, piInventory, TEXT_KIND } from '../../core/disposal/pi-inventory';
import { paperHtml, paperMarkdown } from '../../core/disposal/paper';
import { today } from '../../core/retention/dates';
import { parseDate } from '../../core/values/checks';
import { UsageError } from '../args';
import type { CliCommand } from '../command';
import { docLangOption, format, loadFolder, recordIndexOf, writeOutput } from '../load';

const USAGE = `Usage: records-curator pi-inventory [folder] [--format md|html|json] [--date YYYY-MM-DD] [--out PATH] [--force] [--lang zh|en|both]

The inventory of personal information in FOLDER (PIPL Art. 51(2)): each kind — name, contact details,
address, ID number, date of birth, and the sensitive kinds of Art. 28 (biometrics, religion, specific
identity, health, financial accounts, whereabouts, a child under 14) — with how many customers and records
hold it; then each customer with the kinds found and where (declared in pi_kinds, a filled field, the birth
date in an ID number, plain text found by the personal-information scan). A child under 14 is found from
birth_date or the ID number's birth date and shown with the guardian (Art. 31); sensitive kinds a record
holds but does not declare in pi_kinds are named. Organisations are not subjects of personal information
(Art. 4); the natural persons in their records (contact persons, participants, signatories) are.

  --format md|html|json  md (default), a printable html page, or json
  --date YYYY-MM-DD      the day ages are counted to (default today)
  --out PATH             write to PATH (not replaced unless --force); default: standard output

Exit code: 0 written, 1 not written, 2 wrong usage.`;

export const piInventoryCommand: CliCommand = {
  name: 'pi-inventory',
  summary: 'personal information by kind and customer, sensitive kinds and children under 14 flagged (PIPL Arts. 51, 28)',
  usage: USAGE,
  valueOptions: ['format', 'out', 'lang', 'date'],
  flags: ['force'],
  async run(args, io) {
    const fmt = format(args, ['md', 'html', 'json']);
    const date = args.options.get('date');
    if (typeof date === 'string' && !parseDate(date).ok) throw new UsageError('--date must be a real date, YYYY-MM-DD');
    const day = typeof date === 'string' ? date : today();
    const lang = docLangOption(args, 'both');
    const folder = await loadFolder(args, io);
    const index = recordIndexOf(folder);
    // What the plain-text scan found in a record (an ID number in a summary) counts as held too.
    const textKinds = (r: { file: string; index: number }) => [
      ...new Set(
        index
          .findings(r.file)
          .filter((f) => (f.record ?? 0) === r.index && TEXT_KIND[f.code])
          .map((f) => TEXT_KIND[f.code]),
      ),
    ];
    const inv = piInventory([...index.records()], folder.schema.schema, day, textKinds);
    const text =
      fmt === 'json'
        ? inventoryJson(inv)
        : fmt === 'html'
          ? paperHtml(inventoryPaper(inv, lang, folder.root), lang)
          : paperMarkdown(inventoryPaper(inv, lang, folder.root));
    const out = args.options.get('out');
    if (out === undefined) {
      io.out(text);
      return 0;
    }
    if (typeof out !== 'string') throw new UsageError('--out needs a path');
    return writeOutput(
      'pi-inventory',
      args,
      io,
      out,
      text,
      inv.customers.reduce((n, c) => n + c.records.length, 0),
    );
  },
};
