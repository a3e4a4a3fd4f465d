import * as path from 'path';
import { initSchema } from '../../core/schema/workspace';
import { FileRefusal } from '../../core/io/paths';
import type { CliCommand } from '../command';
import { cliLang, refusalText } from '../load';

export const initCommand: CliCommand = {
  name: 'init',
  summary: 'write the default schema to .records/schema.yaml as a starting point',
  usage:
    'Usage: records-curator init [folder]\n\nWrites the built-in schema (six categories, fields, retention, archive numbers) to\nFOLDER/.records/schema.yaml. An existing schema file is never overwritten.',
  async run(args, io) {
    const root = path.resolve(io.cwd, args.positionals[0] ?? '.');
    let result: ReturnType<typeof initSchema>;
    try {
      result = initSchema(root);
    } catch (err) {
      if (!(err instanceof FileRefusal)) throw err;
      io.err(`records-curator init: ${refusalText(err, cliLang(args) === 'zh')}\n`);
      return 1;
    }
    if (!result.written) {
      io.err(`records-curator init: ${result.path} already exists; not overwritten\n`);
      return 1;
    }
    io.out(`wrote ${result.path}\n`);
    return 0;
  },
};
