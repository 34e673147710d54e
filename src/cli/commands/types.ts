import type { Scenario } from '../../scenario.ts';
import type { CliArgs } from '../args.ts';

/** Where a command writes: standard output and standard error, a line at a time. */
export interface CommandIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** A status line on standard error, redrawn in place; only when there is a terminal to redraw on. */
  status?: (text: string) => void;
}

/** An analysis subcommand: its own flags, its help, and what it does. */
export interface Command {
  flags: readonly string[];
  summary: string;
  usage: string;
  run: (args: CliArgs, scenario: Scenario, io: CommandIo) => Promise<void> | void;
}
