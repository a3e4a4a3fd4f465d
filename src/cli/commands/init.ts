import * as path from 'path';
import { inferFolder } from '../../core/check/infer-folder';
import { FileRefusal } from '../../core/io/paths';
import { defaultSchema, defaultSchemaText } from '../../core/schema/load';
import { FONDS_PATTERN, renderSchema } from '../../core/schema/render';
import { describeProposal, setUpHeader } from '../../core/schema/describe';
import { today } from '../../core/retention/dates';
import { initSchema } from '../../core/schema/workspace';
import { printable } from '../../core/text/terminal';
import { UsageError } from '../args';
import type { CliCommand } from '../command';
import { cliLang, refusalText } from '../load';

const USAGE = `Usage: records-curator init [folder] [--infer] [--fonds CODE] [--dry-run] [--lang zh|en]

Writes FOLDER/.records/schema.yaml as a starting point: the built-in schema (six categories, fields,
retention, archive numbers). An existing schema file is never overwritten.

  --infer       read the folder's records first and fit the schema to them: aliases for the keys and
                values they write (客户, 合同, 电话), the fields they have that the built-in schema lacks,
                required fields only where most records have them; prints what it found
  --fonds CODE  the fonds code (全宗号) archive numbers start with, e.g. Z109; --infer writes nothing
                without it (the built-in Z001 is a placeholder)
  --dry-run     print the schema instead of writing it`;

export const initCommand: CliCommand = {
  name: 'init',
  summary: 'write .records/schema.yaml: the built-in schema, or (--infer) one fitted to the records',
  usage: USAGE,
  valueOptions: ['fonds', 'lang'],
  flags: ['infer', 'dry-run'],
  async run(args, io) {
    const root = path.resolve(io.cwd, args.positionals[0] ?? '.');
    const lang = cliLang(args);
    const zh = lang === 'zh';
    const fondsOption = args.options.get('fonds');
    if (fondsOption === true) throw new UsageError('--fonds needs a value');
    if (fondsOption !== undefined && !FONDS_PATTERN.test(fondsOption)) throw new UsageError('--fonds must be letters and digits, e.g. Z109');
    let text = fondsOption === undefined ? defaultSchemaText : renderSchema([], fondsOption);
    if (args.options.has('infer')) {
      const proposal = inferFolder(root, defaultSchema());
      io.out(describeProposal(proposal, lang).split('\n').map(printable).join('\n') + '\n');
      if (fondsOption === undefined) {
        io.err(
          zh
            ? 'records-curator init: 未写入档案架构：请用 --fonds 给出全宗号（如 Z109）\n'
            : 'records-curator init: no schema written: give the fonds code (全宗号) with --fonds CODE, e.g. --fonds Z109\n',
        );
        return 1;
      }
      text = setUpHeader(proposal, lang, today()) + renderSchema(proposal.changes, fondsOption);
    }
    if (args.options.has('dry-run')) {
      io.out(text);
      return 0;
    }
    let result: ReturnType<typeof initSchema>;
    try {
      result = initSchema(root, text);
    } catch (err) {
      if (!(err instanceof FileRefusal)) throw err;
      io.err(`records-curator init: ${refusalText(err, zh)}\n`);
      return 1;
    }
    if (!result.written) {
      io.err(`records-curator init: ${result.path} already exists; not overwritten\n`);
      return 1;
    }
    io.out(`wrote ${result.path}\n`);
    if (fondsOption === undefined) {
      io.err(
        zh
          ? '注意：archive_number.fonds 为占位值 Z001，请改为本单位的全宗号（或使用 --fonds）\n'
          : 'note: archive_number.fonds is the placeholder Z001: set your fonds code (全宗号) there (or use --fonds)\n',
      );
    }
    return 0;
  },
};
