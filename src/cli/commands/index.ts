import type { CliCommand } from '../command';

/** Sub-commands, in the order `--help` lists them. */
export const commands: readonly CliCommand[] = [];
