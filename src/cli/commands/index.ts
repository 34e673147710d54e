import { calibrateCommand } from './calibrate';
import { constraintsCommand } from './constraints';
import { economicsCommand } from './economics';
import { historyCommand } from './history';
import { planCommand } from './plan';
import { resilienceCommand } from './resilience';
import { sensitivityCommand } from './sensitivity';
import { sweepCommand } from './sweep';
import { tippingCommand } from './tipping';
import type { Command } from './types';
import { workshopCommand } from './workshop';

/** The analysis subcommands, by name. */
export const COMMANDS: Readonly<Record<string, Command>> = {
  sweep: sweepCommand,
  tipping: tippingCommand,
  sensitivity: sensitivityCommand,
  calibrate: calibrateCommand,
  resilience: resilienceCommand,
  economics: economicsCommand,
  constraints: constraintsCommand,
  history: historyCommand,
  plan: planCommand,
  workshop: workshopCommand,
};

/** Each subcommand's own flags, for the argument parser. */
export const COMMAND_FLAGS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(COMMANDS).map(([name, command]) => [name, command.flags]),
);
