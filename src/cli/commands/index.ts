import type { CliCommand } from '../command';
import { checkCommand } from './check';
import { diffCommand } from './diff';
import { exportCommand } from './export';
import { indexCommand } from './index-cmd';
import { initCommand } from './init';
import { labelsCommand } from './labels';
import { numberCommand } from './number';
import { purgeCheckCommand } from './purge-check';
import { batchCommand } from './batch';
import { certificateCommand } from './certificate';
import { disposalCommand } from './disposal';
import { purgeCommand } from './purge';
import { importCommand } from './import';

/** Sub-commands, in the order `--help` lists them. */
export const commands: readonly CliCommand[] = [
  initCommand,
  importCommand,
  indexCommand,
  checkCommand,
  numberCommand,
  labelsCommand,
  exportCommand,
  disposalCommand,
  batchCommand,
  purgeCheckCommand,
  purgeCommand,
  certificateCommand,
  diffCommand,
];
