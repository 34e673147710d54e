import {
  type Briefing,
  briefing,
  type Debrief,
  debrief,
  type RoundNotes,
  roundNotes,
} from '../game/facilitation.ts';
import {
  currentRound,
  DECISION_LIMITS,
  type GamePhase,
  type GameShock,
  roundsShown,
  type TeamDecision,
} from '../game/game.ts';
import { type RoundResult, SCORING_RULE, standings, type TeamStanding } from '../game/outcomes.ts';
import type { RoundTimer, Workshop } from './workshop.ts';

/** Who is looking: a team (by its index), the facilitator, or the projector. */
export type Viewer =
  | { role: 'team'; team: number }
  | { role: 'facilitator' }
  | { role: 'projector' };

/** A team's standing as a screen shows it: no per-day series, decisions only where allowed. */
export interface StandingRow {
  team: string;
  rank: number;
  netValue: number;
  valueKloc: number;
  incidents: number;
  wipLines: number;
  doraLevel: string | null;
  rounds: (Omit<RoundResult, 'decision'> & { decision?: TeamDecision })[];
}

/** One workshop as one viewer may see it. */
export interface WorkshopView {
  code: string;
  viewer: Viewer;
  /** 'lobby' while teams join, then the game's phase. */
  phase: 'lobby' | GamePhase;
  round: number;
  rounds: number;
  roundDays: number;
  preset: string;
  paused: boolean;
  timer: RoundTimer;
  /** Every team in the game, with whether it has decided this round (never what). */
  teams: { index: number; name: string; decided: boolean; removed: boolean }[];
  /** The viewing team's name and its decision this round. */
  own?: { name: string; decision: TeamDecision | null };
  /** The shock of the round being decided: the facilitator's choice, hidden from teams. */
  shock?: GameShock | null;
  /** Standings over the rounds shown (empty before the first reveal). */
  standings: StandingRow[];
  scoringRule: string;
  limits: typeof DECISION_LIMITS;
  /** The starting team in plain words, read to every team before round 1. */
  briefing: string[];
  /** The facilitator's notes on the last round shown: choices against the escape steps, and prompts. */
  notes?: RoundNotes;
  /** Once the game is over, every team's game against the escape steps, for the room. */
  debrief?: Debrief;
}

/** What every viewer's screen is built from, computed once per state. */
export interface WorkshopFacts {
  table: TeamStanding[];
  brief: Briefing;
}

/**
 * Standings over the rounds shown and the briefing, computed once per state and shared by every
 * viewer: the engine replays each team's decisions, so the same state always gives the same table.
 */
export function workshopFacts(workshop: Workshop): WorkshopFacts {
  const game = workshop.game;
  const { preset, seed, roundDays } = workshop.setup;
  return {
    table: game && roundsShown(game) > 0 ? standings(game) : [],
    brief: briefing(preset, seed, roundDays),
  };
}

/**
 * What `viewer` may see of a workshop: a team sees its own decisions and, once revealed, the
 * results of every team; decisions of other teams appear only when the game is over (for the
 * debrief); the facilitator sees everything.
 */
export function viewFor(
  workshop: Workshop,
  viewer: Viewer,
  { table, brief }: WorkshopFacts,
): WorkshopView {
  const game = workshop.game;
  const round = game ? currentRound(game) : 0;
  const seesDecisions = viewer.role === 'facilitator' || game?.phase === 'finished';
  const ownName = viewer.role === 'team' ? workshop.teams[viewer.team]?.name : undefined;
  const view: WorkshopView = {
    code: workshop.code,
    viewer,
    phase: game ? game.phase : 'lobby',
    round,
    rounds: workshop.setup.rounds,
    roundDays: workshop.setup.roundDays,
    preset: workshop.setup.preset,
    paused: game?.paused ?? false,
    timer: workshop.timer,
    teams: workshop.teams.map((t, index) => ({
      index,
      name: t.name,
      decided: game !== null && t.decidedRound === round,
      removed: t.removed,
    })),
    standings: table.map((s) => ({
      team: s.team,
      rank: s.rank,
      netValue: s.netValue,
      valueKloc: s.valueKloc,
      incidents: s.incidents,
      wipLines: s.wipLines,
      doraLevel: s.doraLevel,
      rounds: s.rounds.map(({ decision, ...rest }) =>
        seesDecisions || s.team === ownName ? { ...rest, decision } : rest,
      ),
    })),
    scoringRule: SCORING_RULE,
    limits: DECISION_LIMITS,
    briefing: brief.sentences,
  };
  const shown = table[0]?.rounds.length ?? 0;
  if (viewer.role === 'facilitator' && shown > 0) view.notes = roundNotes(table, shown, brief);
  if (game?.phase === 'finished') view.debrief = debrief(table, brief);
  if (viewer.role === 'team') {
    const team = workshop.teams[viewer.team];
    const slot = team?.slot;
    view.own = {
      name: team?.name ?? '',
      decision:
        game && slot !== null && slot !== undefined ? game.decisions[round - 1][slot] : null,
    };
  }
  if (viewer.role === 'facilitator') view.shock = game ? game.shocks[round - 1] : null;
  return view;
}
