import { InputError } from '../inputs/errors.ts';
import { parseJsonInput } from '../inputs/json-input.ts';
import { requireWhole } from '../inputs/numbers.ts';
import { paramSpec } from '../inputs/params.ts';
import { findPreset, PRESETS, type Preset, presetParams } from '../inputs/presets.ts';
import { MAX_SEED, requirePreset } from '../scenario.ts';

/**
 * The teams a game can start from: those on a release train. Every round's decisions are a
 * train's (how often to release, how many manual passes), and a team deploying each change as
 * it is ready would find its release interval made no difference.
 */
export const GAME_PRESETS: readonly Preset[] = PRESETS.filter(
  (preset) => presetParams(preset).releasePolicy === 'train',
);

/** A preset id a game can start from, or an InputError naming the field and the teams allowed. */
function requireGamePreset(value: unknown, field: string): string {
  const id = requirePreset(value, field);
  if (!GAME_PRESETS.some((preset) => preset.id === id))
    throw new InputError(
      field,
      value,
      `allowed: a team on a release train (${GAME_PRESETS.map((p) => p.id).join(', ')}), since a game's decisions are a train's cadence and passes`,
    );
  return id;
}

/** What a team decides at the start of each round. */
export interface TeamDecision {
  /** Working days between release cuts. */
  releaseIntervalDays: number;
  /** Manual regression passes every release gets. */
  regressionPasses: number;
  /** Share of the team on test and pipeline automation. */
  automationShare: number;
  /** Freeze merges for the round: only must-have code goes in. */
  freezeMerges: boolean;
}

/** How a game is set up. */
export interface GameConfig {
  /** The teams' names, 1 to 8. */
  teams: string[];
  /** Rounds to play, 1 to 24. */
  rounds: number;
  /** Working days in a round (20 is a month). */
  roundDays: number;
  /** The starting team every team plays. */
  preset: string;
  /** Seed of the shared luck: every team meets the same random draws. */
  seed: number;
}

/** A shock the facilitator can throw at every team in a round: a release slips, or a major incident. */
export type GameShock = 'releaseSlip' | 'incident';

/** The shocks on offer, in the order a facilitator is shown them. */
export const GAME_SHOCKS: readonly GameShock[] = ['releaseSlip', 'incident'];

/** Where a game is: teams choosing, a round run but hidden, results shown, or over. */
export type GamePhase = 'deciding' | 'hidden' | 'revealed' | 'finished';

/** A whole game as plain data: it is saved, exported and imported as it is. */
export interface GameState {
  version: 1;
  config: GameConfig;
  phase: GamePhase;
  /** While paused, nobody can change decisions or advance. */
  paused: boolean;
  /** The decisions of each round played or being decided, one per team. */
  decisions: TeamDecision[][];
  /** The shock each round brings to every team (null: none); one entry per round in `decisions`. */
  shocks: (GameShock | null)[];
}

/** Limits of a game. */
export const MAX_TEAMS = 8;
export const MAX_ROUNDS = 24;
/** Working days the starting team has run before the game begins, so it is settled. */
export const GAME_START_DAY = 60;

const DECISION_KEYS = [
  'releaseIntervalDays',
  'regressionPasses',
  'automationShare',
  'freezeMerges',
] as const;

function requireObject(raw: unknown, field: string, allowed: string): Record<string, unknown> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new InputError(field, raw, allowed);
  return raw as Record<string, unknown>;
}

function rejectUnknown(
  record: Record<string, unknown>,
  keys: readonly string[],
  field: string,
): void {
  for (const key of Object.keys(record)) {
    if (!keys.includes(key))
      throw new InputError(
        `${field}.${key}`,
        record[key],
        `not a field here; allowed: ${keys.join(', ')}`,
      );
  }
}

/** A decision a team makes as a number. */
export type NumberDecision = 'releaseIntervalDays' | 'regressionPasses' | 'automationShare';

/**
 * What a team may choose each round: the parameters' own ranges, but a release every 1 to 60
 * working days (a round is a month; a longer interval is a decision not to release at all).
 */
export const DECISION_LIMITS: Readonly<
  Record<NumberDecision, { min: number; max: number; step: number }>
> = {
  releaseIntervalDays: { min: 1, max: 60, step: 1 },
  regressionPasses: { ...rangeOf('regressionPasses'), step: 1 },
  automationShare: { ...rangeOf('automationShare'), step: 0.05 },
};

function rangeOf(id: NumberDecision): { min: number; max: number } {
  const spec = paramSpec(id);
  return { min: spec.min, max: spec.max };
}

/** Validates a team's decision; every problem names the field, the value and what is allowed. */
export function parseDecision(raw: unknown, field = 'decision'): TeamDecision {
  const record = requireObject(raw, field, `allowed: an object with ${DECISION_KEYS.join(', ')}`);
  rejectUnknown(record, DECISION_KEYS, field);
  const number = (id: NumberDecision) => {
    const { min, max } = DECISION_LIMITS[id];
    const value = record[id];
    const spec = paramSpec(id);
    const whole = spec.kind === 'integer';
    if (
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      value < min ||
      value > max ||
      (whole && !Number.isInteger(value))
    )
      throw new InputError(
        `${field}.${id}`,
        value,
        `allowed: ${whole ? 'a whole number' : 'a number'} from ${min} to ${max} (${spec.unit})`,
      );
    return value;
  };
  if (typeof record.freezeMerges !== 'boolean') {
    throw new InputError(`${field}.freezeMerges`, record.freezeMerges, 'allowed: true or false');
  }
  return {
    releaseIntervalDays: number('releaseIntervalDays'),
    regressionPasses: number('regressionPasses'),
    automationShare: number('automationShare'),
    freezeMerges: record.freezeMerges,
  };
}

/** Validates a game's set-up. */
export function parseGameConfig(raw: unknown, field = 'config'): GameConfig {
  const record = requireObject(
    raw,
    field,
    'allowed: an object with teams, rounds, roundDays, preset, seed',
  );
  rejectUnknown(record, ['teams', 'rounds', 'roundDays', 'preset', 'seed'], field);
  const teams = record.teams;
  if (!Array.isArray(teams) || teams.length < 1 || teams.length > MAX_TEAMS) {
    throw new InputError(
      `${field}.teams`,
      teams,
      `allowed: a list of 1 to ${MAX_TEAMS} team names`,
    );
  }
  const names = teams.map((name, i) => {
    if (typeof name !== 'string' || name.trim() === '' || name.length > 40) {
      throw new InputError(`${field}.teams[${i}]`, name, 'allowed: a name of 1 to 40 characters');
    }
    return name.trim();
  });
  if (new Set(names).size !== names.length) {
    throw new InputError(`${field}.teams`, names, 'allowed: names that differ from one another');
  }
  return {
    teams: names,
    rounds: requireWhole(record.rounds, `${field}.rounds`, 1, MAX_ROUNDS),
    roundDays: requireWhole(record.roundDays, `${field}.roundDays`, 5, 120),
    preset: requireGamePreset(record.preset, `${field}.preset`),
    seed: requireWhole(record.seed, `${field}.seed`, 0, MAX_SEED),
  };
}

/** The decision a team starts with: its preset's cadence, passes and automation, no freeze. */
export function startingDecision(preset: string): TeamDecision {
  const params = presetParams(findPreset(requireGamePreset(preset, 'preset'))!);
  return {
    releaseIntervalDays: Math.min(
      DECISION_LIMITS.releaseIntervalDays.max,
      Math.max(DECISION_LIMITS.releaseIntervalDays.min, params.releaseIntervalDays),
    ),
    regressionPasses: params.regressionPasses,
    automationShare: params.automationShare,
    freezeMerges: false,
  };
}

/** Starts a game: round one, every team deciding, with its decisions starting from `first`. */
export function createGame(config: GameConfig, first: TeamDecision): GameState {
  const checked = parseGameConfig(config);
  const decision = parseDecision(first);
  return {
    version: 1,
    config: checked,
    phase: 'deciding',
    paused: false,
    decisions: [checked.teams.map(() => ({ ...decision }))],
    shocks: [null],
  };
}

/** The round being decided or last run, counting from 1. */
export function currentRound(game: GameState): number {
  return game.decisions.length;
}

function requireActive(game: GameState, phase: GamePhase, action: string): void {
  if (game.paused) throw new InputError('game', 'paused', `${action} needs the game resumed first`);
  if (game.phase !== phase)
    throw new InputError('game.phase', game.phase, `${action} is allowed only while ${phase}`);
}

/** A team's decision for the current round replaced; the game is otherwise unchanged. */
export function decide(game: GameState, team: number, decision: TeamDecision): GameState {
  requireActive(game, 'deciding', 'Changing a decision');
  if (!Number.isInteger(team) || team < 0 || team >= game.config.teams.length) {
    throw new InputError('team', team, `allowed: 0 to ${game.config.teams.length - 1}`);
  }
  const checked = parseDecision(decision);
  const decisions = game.decisions.map((round) => [...round]);
  decisions[decisions.length - 1][team] = checked;
  return { ...game, decisions };
}

/** The round is run: results exist but are hidden until the facilitator reveals them. */
export function runRound(game: GameState): GameState {
  requireActive(game, 'deciding', 'Running the round');
  return { ...game, phase: 'hidden' };
}

/** The facilitator shows the round's results. */
export function revealResults(game: GameState): GameState {
  requireActive(game, 'hidden', 'Revealing results');
  return { ...game, phase: 'revealed' };
}

/** The next round starts with each team's last decisions, or the game ends after its last round. */
export function nextRound(game: GameState): GameState {
  requireActive(game, 'revealed', 'Starting the next round');
  if (currentRound(game) >= game.config.rounds) return { ...game, phase: 'finished' };
  const last = game.decisions[game.decisions.length - 1];
  return {
    ...game,
    phase: 'deciding',
    decisions: [...game.decisions, last.map((d) => ({ ...d }))],
    shocks: [...game.shocks, null],
  };
}

/** The facilitator sets (or, with null, clears) the shock every team meets in the round being decided. */
export function setShock(game: GameState, shock: GameShock | null): GameState {
  requireActive(game, 'deciding', 'Choosing a shock');
  if (shock !== null && !GAME_SHOCKS.includes(shock)) {
    throw new InputError('shock', shock, `allowed: none, ${GAME_SHOCKS.join(', ')}`);
  }
  return { ...game, shocks: [...game.shocks.slice(0, -1), shock] };
}

/** Pauses or resumes the game. */
export function setPaused(game: GameState, paused: boolean): GameState {
  return { ...game, paused };
}

/** Rounds whose results exist (run, whether shown or not). */
export function roundsRun(game: GameState): number {
  return game.phase === 'deciding' ? game.decisions.length - 1 : game.decisions.length;
}

/** Rounds whose results everyone may see. */
export function roundsShown(game: GameState): number {
  return game.phase === 'hidden' ? game.decisions.length - 1 : roundsRun(game);
}

const PHASES: readonly GamePhase[] = ['deciding', 'hidden', 'revealed', 'finished'];

/** Validates a saved or imported game; every problem names the field, the value and what is allowed. */
export function parseGame(raw: unknown): GameState {
  const record = requireObject(
    raw,
    'game',
    'allowed: a saved game (a JSON object with version, config, phase, paused, decisions, shocks)',
  );
  rejectUnknown(record, ['version', 'config', 'phase', 'paused', 'decisions', 'shocks'], 'game');
  if (record.version !== 1) throw new InputError('game.version', record.version, 'allowed: 1');
  const config = parseGameConfig(record.config, 'game.config');
  if (typeof record.phase !== 'string' || !PHASES.includes(record.phase as GamePhase)) {
    throw new InputError('game.phase', record.phase, `allowed: one of ${PHASES.join(', ')}`);
  }
  if (typeof record.paused !== 'boolean')
    throw new InputError('game.paused', record.paused, 'allowed: true or false');
  const rounds = record.decisions;
  if (!Array.isArray(rounds) || rounds.length < 1 || rounds.length > config.rounds) {
    throw new InputError(
      'game.decisions',
      rounds,
      `allowed: a list of 1 to ${config.rounds} rounds`,
    );
  }
  const decisions = rounds.map((round, r) => {
    if (!Array.isArray(round) || round.length !== config.teams.length) {
      throw new InputError(
        `game.decisions[${r}]`,
        round,
        `allowed: one decision for each of the ${config.teams.length} teams`,
      );
    }
    return round.map((d, t) => parseDecision(d, `game.decisions[${r}][${t}]`));
  });
  return {
    version: 1,
    config,
    phase: record.phase as GamePhase,
    paused: record.paused,
    decisions,
    shocks: parseShocks(record.shocks, decisions.length),
  };
}

/** A saved game's shocks; a game saved before shocks existed has none. */
function parseShocks(raw: unknown, rounds: number): (GameShock | null)[] {
  if (raw === undefined) return Array.from({ length: rounds }, () => null);
  if (!Array.isArray(raw) || raw.length !== rounds) {
    throw new InputError(
      'game.shocks',
      raw,
      `allowed: a list with one entry for each of the ${rounds} rounds`,
    );
  }
  return raw.map((shock, r) => {
    if (shock !== null && !GAME_SHOCKS.includes(shock as GameShock)) {
      throw new InputError(`game.shocks[${r}]`, shock, `allowed: null, ${GAME_SHOCKS.join(', ')}`);
    }
    return shock as GameShock | null;
  });
}

/** Reads a game from JSON text, refusing anything that is not a valid game. */
export function parseGameText(text: string, source = 'game file'): GameState {
  return parseGame(parseJsonInput(text, source));
}
