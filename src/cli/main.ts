import { VERSION } from '../core/version';
import { parseArgs, UsageError } from './args';
import type { CliCommand, CliIo } from './command';
import { commands } from './commands';
import { startQuick } from './tiering';

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    `records-curator ${VERSION} — check, number and dispose of customer records kept in git`,
    '',
    'Usage: records-curator <command> [folder] [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    '  -h, --help     show help (also after a command)',
    '  -v, --version  print the version',
    '',
  ].join('\n');
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${VERSION}\n`);
    return 0;
  }
  const command: CliCommand | undefined = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`records-curator: unknown command '${name}'\n\n${help()}`);
    return 2;
  }
  try {
    // Strict: a mistyped option (--wirte) must not quietly change what the command does.
    const args = parseArgs(rest, new Set(command.valueOptions ?? []), new Set(command.listOptions ?? []), new Set(command.flags ?? []));
    if (args.options.has('help')) {
      io.out(`${command.usage}\n`);
      return 0;
    }
    // Every argument is used or refused: an extra folder name is a mistake, not something to ignore.
    const max = command.maxPositionals ?? 1;
    if (args.positionals.length > max) throw new UsageError(`unexpected argument ${JSON.stringify(args.positionals[max])}`);
    return await command.run(args, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`records-curator ${name}: ${err.message}\n${command.usage}\n`);
      return 2;
    }
    throw err;
  }
}

if (require.main === module) {
  // A folder's check or index: without the optimising compiler until the folder turns out large (tiering.ts).
  if (process.argv[2] === 'check' || process.argv[2] === 'index') startQuick();
  // Output piped into `head` that stops reading ends the run quietly, as other command-line tools do.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
  const io: CliIo = {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    drain: () => (process.stdout.writableNeedDrain ? new Promise((resolve) => process.stdout.once('drain', resolve)) : Promise.resolve()),
    cwd: process.cwd(),
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`records-curator: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 3;
    },
  );
}
