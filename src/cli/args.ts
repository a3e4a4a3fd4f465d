/**
 * The command line's arguments, parsed strictly by Node's own util.parseArgs: an option a command does not
 * know, a flag given a value, or a value option without one is a usage error (exit 2), never ignored.
 */
import { parseArgs as nodeParseArgs, type ParseArgsConfig } from 'util';

export interface ParsedArgs {
  positionals: string[];
  /** Each option's last value (`true` for a flag). */
  options: Map<string, string | true>;
  /** Every value an option was given, in order (`--set a=1 --set b=2`; a list option's values). */
  values: Map<string, string[]>;
}

/** Wrong use of the command line: printed with the usage hint, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * `listOptions` take every following argument up to the next option (`--records A B C`) as well as repeated
 * use. Without `flags` (tests that build arguments by hand) an unknown `--name` is read as a flag.
 */
export function parseArgs(
  argv: readonly string[],
  valueOptions: ReadonlySet<string>,
  listOptions: ReadonlySet<string> = new Set(),
  flags?: ReadonlySet<string>,
): ParsedArgs {
  const expanded: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    expanded.push(arg);
    if (arg === '--') {
      expanded.push(...argv.slice(i + 1));
      break;
    }
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    if (name !== undefined && listOptions.has(name)) {
      expanded.pop();
      let n = 0;
      while (i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
        expanded.push(`--${name}=${argv[++i]}`);
        n++;
      }
      if (!n) throw new UsageError(`--${name} needs a value`);
    }
  }
  const options: NonNullable<ParseArgsConfig['options']> = { help: { type: 'boolean', short: 'h' } };
  for (const o of [...valueOptions, ...listOptions]) options[o] = { type: 'string', multiple: true };
  for (const f of flags ?? []) options[f] = { type: 'boolean' };
  let parsed: ReturnType<typeof nodeParseArgs>;
  try {
    parsed = nodeParseArgs({ args: expanded, options, allowPositionals: true, strict: flags !== undefined, tokens: false });
  } catch (err) {
    throw new UsageError(usageMessage(err));
  }
  const out: ParsedArgs = { positionals: parsed.positionals, options: new Map(), values: new Map() };
  for (const [name, v] of Object.entries(parsed.values)) {
    if (v === undefined || v === false) continue;
    if (Array.isArray(v)) {
      const list = v.map(String);
      out.values.set(name, list);
      out.options.set(name, list[list.length - 1]);
    } else out.options.set(name, v === true ? true : v);
  }
  return out;
}

/** util.parseArgs's errors, in the words the rest of the command line uses. */
function usageMessage(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  const message = err instanceof Error ? err.message : String(err);
  const option = /'(--?[^'\s]+)/.exec(message)?.[1]?.replace(/^(--?[^=\s]+).*$/, '$1');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option ?? message}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /argument missing/.test(message) ? `${option ?? 'an option'} needs a value` : `${option ?? 'an option'} takes no value`;
  }
  return message;
}
