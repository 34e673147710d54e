import {
  createGame,
  currentRound,
  decide,
  type GameShock,
  type GameState,
  MAX_TEAMS,
  nextRound,
  parseGameConfig,
  revealResults,
  runRound,
  setPaused,
  setShock,
  startingDecision,
  type TeamDecision,
} from '../game/game.ts';
import { InputError } from '../inputs/errors.ts';

/** How a facilitator sets up a workshop game: everything but the teams, who join themselves. */
export interface WorkshopSetup {
  rounds: number;
  roundDays: number;
  preset: string;
  seed: number;
}

/** A team in a workshop: its name, the hash of its rejoin token, and whether it was removed. */
export interface WorkshopTeam {
  name: string;
  tokenHash: string;
  removed: boolean;
  /** The last round this team submitted a decision for (0: none yet). */
  decidedRound: number;
  /** Its place among the game's teams, from the start (null: joined, game not started). */
  slot: number | null;
}

/** A round timer: running until `endsAt`, or paused with `remainingMs` left. */
export type RoundTimer =
  | { state: 'off' }
  | { state: 'running'; endsAt: number }
  | { state: 'paused'; remainingMs: number };

/** One workshop: teams join in the lobby, then play the engine's game round by round. */
export interface Workshop {
  code: string;
  setup: WorkshopSetup;
  teams: WorkshopTeam[];
  /** Null while teams are joining. */
  game: GameState | null;
  timer: RoundTimer;
}

/**
 * Everything that changes a workshop, as it is stored: replaying the events from the first
 * rebuilds the workshop exactly. Times are the server's clock when the event happened.
 */
export type WorkshopEvent =
  | { type: 'created'; code: string; setup: WorkshopSetup }
  | { type: 'joined'; name: string; tokenHash: string }
  | { type: 'renamed'; team: number; name: string }
  | { type: 'removed'; team: number }
  | { type: 'started' }
  | { type: 'decided'; team: number; decision: TeamDecision }
  | { type: 'shock'; shock: GameShock | null }
  | { type: 'paused'; paused: boolean; at: number }
  | { type: 'timer'; seconds: number | null; at: number }
  | { type: 'ran' }
  | { type: 'revealed' }
  | { type: 'next' };

/** The longest a team name may be, in characters. */
export const TEAM_NAME_MAX = 30;
/** The longest round timer, in seconds (an hour). */
export const TIMER_MAX_SECONDS = 3600;

/** A team name, trimmed, checked for length and made unique against the names in use. */
export function checkTeamName(raw: unknown, taken: readonly string[]): string {
  const name = typeof raw === 'string' ? raw.replace(/\s+/g, ' ').trim() : '';
  if (name.length < 1 || name.length > TEAM_NAME_MAX)
    throw new InputError('name', raw, `allowed: a name of 1 to ${TEAM_NAME_MAX} characters`);
  if (taken.some((other) => other.toLowerCase() === name.toLowerCase()))
    throw new InputError('name', name, 'allowed: a name no other team has');
  return name;
}

/** Checks a facilitator's set-up with the game's own rules. */
export function checkSetup(raw: unknown): WorkshopSetup {
  const record = (raw ?? {}) as Record<string, unknown>;
  const config = parseGameConfig({ ...record, teams: ['check'] }, 'setup');
  return {
    rounds: config.rounds,
    roundDays: config.roundDays,
    preset: config.preset,
    seed: config.seed,
  };
}

function requireTeam(workshop: Workshop, team: number): WorkshopTeam {
  const found = Number.isInteger(team) ? workshop.teams[team] : undefined;
  if (!found || found.removed)
    throw new InputError('team', team, 'allowed: a team that has joined this game');
  return found;
}

function requireGame(workshop: Workshop, action: string): GameState {
  if (!workshop.game)
    throw new InputError('game', 'not started', `${action} needs the game started first`);
  return workshop.game;
}

function activeNames(workshop: Workshop, except?: number): string[] {
  return workshop.teams.filter((t, i) => !t.removed && i !== except).map((t) => t.name);
}

/** What a paused or resumed timer becomes. */
function pauseTimer(timer: RoundTimer, paused: boolean, at: number): RoundTimer {
  if (paused && timer.state === 'running')
    return { state: 'paused', remainingMs: Math.max(0, timer.endsAt - at) };
  if (!paused && timer.state === 'paused')
    return { state: 'running', endsAt: at + timer.remainingMs };
  return timer;
}

/** A workshop as created, before anyone joins. */
export function createWorkshop(code: string, setup: WorkshopSetup): Workshop {
  return { code, setup: checkSetup(setup), teams: [], game: null, timer: { state: 'off' } };
}

/**
 * Applies one event, or throws an InputError saying why it is not allowed (then nothing
 * changes). The same function checks a live request and replays a stored one.
 */
export function applyEvent(workshop: Workshop, event: WorkshopEvent): Workshop {
  switch (event.type) {
    case 'created':
      return createWorkshop(event.code, event.setup);
    case 'joined': {
      if (workshop.game)
        throw new InputError('join', workshop.code, 'allowed: joining before the game starts');
      if (activeNames(workshop).length >= MAX_TEAMS)
        throw new InputError('join', workshop.code, `allowed: up to ${MAX_TEAMS} teams a game`);
      const name = checkTeamName(event.name, activeNames(workshop));
      const team = {
        name,
        tokenHash: event.tokenHash,
        removed: false,
        decidedRound: 0,
        slot: null,
      };
      return { ...workshop, teams: [...workshop.teams, team] };
    }
    case 'renamed': {
      requireTeam(workshop, event.team);
      const name = checkTeamName(event.name, activeNames(workshop, event.team));
      const teams = workshop.teams.map((t, i) => (i === event.team ? { ...t, name } : t));
      const game = workshop.game && {
        ...workshop.game,
        config: {
          ...workshop.game.config,
          teams: workshop.game.config.teams.map((n, i) =>
            i === teams[event.team].slot ? name : n,
          ),
        },
      };
      return { ...workshop, teams, game };
    }
    case 'removed': {
      requireTeam(workshop, event.team);
      const teams = workshop.teams.map((t, i) => (i === event.team ? { ...t, removed: true } : t));
      return { ...workshop, teams };
    }
    case 'started': {
      if (workshop.game) throw new InputError('start', 'started', 'allowed: starting a game once');
      const names = activeNames(workshop);
      if (names.length === 0)
        throw new InputError('start', 'no teams', 'allowed: starting once a team has joined');
      const game = createGame(
        { ...workshop.setup, teams: names },
        startingDecision(workshop.setup.preset),
      );
      let slot = 0;
      const teams = workshop.teams.map((t) => ({ ...t, slot: t.removed ? null : slot++ }));
      return { ...workshop, game, teams };
    }
    case 'decided': {
      const team = requireTeam(workshop, event.team);
      const game = decide(requireGame(workshop, 'Deciding'), team.slot!, event.decision);
      const round = currentRound(game);
      const teams = workshop.teams.map((t) => (t === team ? { ...t, decidedRound: round } : t));
      return { ...workshop, game, teams };
    }
    case 'shock':
      return { ...workshop, game: setShock(requireGame(workshop, 'A shock'), event.shock) };
    case 'paused':
      return {
        ...workshop,
        game: setPaused(requireGame(workshop, 'Pausing'), event.paused),
        timer: pauseTimer(workshop.timer, event.paused, event.at),
      };
    case 'timer': {
      const seconds = event.seconds;
      if (
        seconds !== null &&
        !(Number.isInteger(seconds) && seconds >= 10 && seconds <= TIMER_MAX_SECONDS)
      )
        throw new InputError(
          'seconds',
          seconds,
          `allowed: a whole number of seconds from 10 to ${TIMER_MAX_SECONDS}, or none`,
        );
      const timer: RoundTimer =
        seconds === null
          ? { state: 'off' }
          : workshop.game?.paused
            ? { state: 'paused', remainingMs: seconds * 1000 }
            : { state: 'running', endsAt: event.at + seconds * 1000 };
      return { ...workshop, timer };
    }
    case 'ran':
      return {
        ...workshop,
        game: runRound(requireGame(workshop, 'Running a round')),
        timer: { state: 'off' },
      };
    case 'revealed':
      return { ...workshop, game: revealResults(requireGame(workshop, 'Revealing')) };
    case 'next':
      return { ...workshop, game: nextRound(requireGame(workshop, 'The next round')) };
  }
}

/** Replays a stored workshop from its events. */
export function replay(events: readonly WorkshopEvent[]): Workshop {
  if (events[0]?.type !== 'created')
    throw new InputError('events[0]', events[0]?.type, 'allowed: a workshop starting with created');
  return events.slice(1).reduce(applyEvent, applyEvent(null as unknown as Workshop, events[0]));
}
