/** A small argument parser: `--flag`, `--key value`, `--key=value`, positionals. */
export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string | true>;
}

export function parseArgs(argv: readonly string[], valueOptions: ReadonlySet<string>): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      if (eq >= 0) options.set(name, arg.slice(eq + 1));
      else if (valueOptions.has(name)) {
        const value = argv[i + 1];
        if (value === undefined) throw new UsageError(`--${name} needs a value`);
        options.set(name, value);
        i++;
      } else options.set(name, true);
    } else if (arg === '-h') options.set('help', true);
    else if (arg === '-v') options.set('version', true);
    else positionals.push(arg);
  }
  return { positionals, options };
}

/** Wrong use of the command line: printed with the usage hint, exit code 2. */
export class UsageError extends Error {}
