import { calibrateCommand } from './calibrate.ts';
import { constraintsCommand } from './constraints.ts';
import { economicsCommand } from './economics.ts';
import { historyCommand } from './history.ts';
import { planCommand } from './plan.ts';
import { resilienceCommand } from './resilience.ts';
import { sensitivityCommand } from './sensitivity.ts';
import { sweepCommand } from './sweep.ts';
import { tippingCommand } from './tipping.ts';
import type { Command } from './types.ts';
import { workshopCommand } from './workshop.ts';

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
