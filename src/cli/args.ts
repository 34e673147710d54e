import { InputError, suggestNearest } from '../inputs/errors.ts';
import { parseWholeText } from '../inputs/numbers.ts';
import { MAX_SEED } from '../scenario.ts';
import { OVER_BUDGET_FLAG } from './budget.ts';

/** What the command line asked for, before any scenario is built. */
export interface CliArgs {
  preset?: string;
  scenario?: string;
  sets: string[];
  days?: number;
  runs?: number;
  seed?: number;
  mode?: 'stochastic' | 'expected';
  doraYear?: 2021 | 2023;
  json: boolean;
  /** Run a job past the work budget. */
  overBudget: boolean;
  csv?: string;
  listParams: boolean;
  listPresets: boolean;
  listInterventions: boolean;
  markdown: boolean;
  schema: boolean;
  help: boolean;
  /** The analysis subcommand (sweep, tipping, …), if one was given first. */
  command?: string;
  /** Values of the subcommand's own flags, by flag. */
  extra: Record<string, string[]>;
}

const VALUE_FLAGS = [
  '--preset',
  '--scenario',
  '--set',
  '--days',
  '--runs',
  '--seed',
  '--mode',
  '--dora-year',
  '--csv',
];
const SWITCHES = [
  '--json',
  OVER_BUDGET_FLAG,
  '--list-params',
  '--list-presets',
  '--list-interventions',
  '--markdown',
  '--schema',
  '--help',
  '-h',
];

/** A flag's value: present and not empty. */
function requireValue(flag: string, value: string | undefined): string {
  if (value === undefined) throw new InputError(flag, undefined, 'allowed: a value after the flag');
  if (value.trim() === '') throw new InputError(flag, value, 'allowed: a value; this one is empty');
  return value;
}

/** Parses argv (without node and the script); unknown flags and bad values are InputErrors. */
export function parseArgs(
  argv: readonly string[],
  limits: { maxDays: number; maxRuns: number },
  commands: Readonly<Record<string, readonly string[]>> = {},
): CliArgs {
  const args: CliArgs = {
    sets: [],
    json: false,
    overBudget: false,
    listParams: false,
    listPresets: false,
    listInterventions: false,
    markdown: false,
    schema: false,
    help: false,
    extra: {},
  };
  let start = 0;
  if (argv.length > 0 && !argv[0].startsWith('-')) {
    const names = Object.keys(commands);
    if (!names.includes(argv[0])) {
      throw new InputError(
        'command',
        argv[0],
        `allowed: one of ${names.join(', ')}, or flags only${suggestNearest(argv[0], names)}`,
      );
    }
    args.command = argv[0];
    start = 1;
  }
  const commandFlags = args.command ? commands[args.command] : [];
  for (let i = start; i < argv.length; i++) {
    const token = argv[i];
    const [flag, inline] =
      token.startsWith('--') && token.includes('=')
        ? [token.slice(0, token.indexOf('=')), token.slice(token.indexOf('=') + 1)]
        : [token, undefined];
    if (SWITCHES.includes(flag)) {
      if (inline !== undefined)
        throw new InputError(flag, inline, 'allowed: no value (it is a switch)');
      if (flag === '--json') args.json = true;
      else if (flag === OVER_BUDGET_FLAG) args.overBudget = true;
      else if (flag === '--list-params') args.listParams = true;
      else if (flag === '--list-presets') args.listPresets = true;
      else if (flag === '--list-interventions') args.listInterventions = true;
      else if (flag === '--markdown') args.markdown = true;
      else if (flag === '--schema') args.schema = true;
      else args.help = true;
      continue;
    }
    if (commandFlags.includes(flag)) {
      const value = requireValue(flag, inline ?? argv[++i]);
      args.extra[flag] = [...(args.extra[flag] ?? []), value];
      continue;
    }
    if (!VALUE_FLAGS.includes(flag)) {
      throw new InputError(
        'argument',
        token,
        `not a flag${suggestNearest(flag, [...VALUE_FLAGS, ...SWITCHES, ...commandFlags])}; see --help`,
      );
    }
    const value = requireValue(flag, inline ?? argv[++i]);
    switch (flag) {
      case '--preset':
        args.preset = value;
        break;
      case '--scenario':
        args.scenario = value;
        break;
      case '--set':
        args.sets.push(value);
        break;
      case '--days':
        args.days = parseWholeText(value, flag, 1, limits.maxDays);
        break;
      case '--runs':
        args.runs = parseWholeText(value, flag, 1, limits.maxRuns);
        break;
      case '--seed':
        args.seed = parseWholeText(value, flag, 0, MAX_SEED);
        break;
      case '--mode':
        if (value !== 'stochastic' && value !== 'expected')
          throw new InputError(flag, value, 'allowed: stochastic or expected');
        args.mode = value;
        break;
      case '--dora-year':
        if (value !== '2021' && value !== '2023')
          throw new InputError(flag, value, 'allowed: 2021 or 2023');
        args.doraYear = Number(value) as 2021 | 2023;
        break;
      case '--csv':
        args.csv = value;
        break;
    }
  }
  return args;
}
