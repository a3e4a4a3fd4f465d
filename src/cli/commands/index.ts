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
import { renumberCommand } from './renumber';
import { printCommand } from './print';
import { piInventoryCommand } from './pi-inventory';
import { custodyPlanCommand } from './custody-plan';
import { importCommand } from './import';
import { setCommand } from './set';

/** Sub-commands, in the order `--help` lists them. */
export const commands: readonly CliCommand[] = [
  initCommand,
  importCommand,
  indexCommand,
  checkCommand,
  numberCommand,
  renumberCommand,
  setCommand,
  labelsCommand,
  exportCommand,
  disposalCommand,
  batchCommand,
  printCommand,
  piInventoryCommand,
  custodyPlanCommand,
  purgeCheckCommand,
  purgeCommand,
  certificateCommand,
  diffCommand,
];
