import type { ParsedArgs } from './args';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Resolves once what `out` was given has been handed on (a long output waits for a slow reader, not in memory). */
  drain?(): Promise<void>;
  cwd: string;
}

/** One sub-command of `records-curator`. `run` returns the process exit code. */
export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly valueOptions?: readonly string[];
  /** Options taking several values: every argument up to the next option, or comma-separated. */
  readonly listOptions?: readonly string[];
  /** Options without a value (`--write`). Any option not listed here or in valueOptions is refused. */
  readonly flags?: readonly string[];
  /** How many positional arguments the command takes (default 1: the folder); more is a usage error. */
  readonly maxPositionals?: number;
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}
