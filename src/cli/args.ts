/** A small argument parser: `--flag`, `--key value`, `--key=value`, repeated options, positionals. */
export interface ParsedArgs {
  positionals: string[];
  /** Each option's last value (`true` for a flag). */
  options: Map<string, string | true>;
  /** Every value an option was given, in order (`--set a=1 --set b=2`; a list option's values). */
  values: Map<string, string[]>;
}

/**
 * `listOptions` take every following argument up to the next option (`--records A B C`) as well as
 * comma-separated values.
 */
export function parseArgs(argv: readonly string[], valueOptions: ReadonlySet<string>, listOptions: ReadonlySet<string> = new Set()): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  const values = new Map<string, string[]>();
  const add = (name: string, value: string) => {
    options.set(name, value);
    values.set(name, [...(values.get(name) ?? []), value]);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      if (eq >= 0) add(name, arg.slice(eq + 1));
      else if (listOptions.has(name)) {
        let n = 0;
        while (i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
          add(name, argv[++i]);
          n++;
        }
        if (!n) throw new UsageError(`--${name} needs a value`);
      } else if (valueOptions.has(name)) {
        const value = argv[i + 1];
        if (value === undefined) throw new UsageError(`--${name} needs a value`);
        add(name, value);
        i++;
      } else options.set(name, true);
    } else if (arg === '-h') options.set('help', true);
    else if (arg === '-v') options.set('version', true);
    else positionals.push(arg);
  }
  return { positionals, options, values };
}

/** Wrong use of the command line: printed with the usage hint, exit code 2. */
export class UsageError extends Error {}
