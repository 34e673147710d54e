import {
  currentRound,
  DECISION_LIMITS,
  type GamePhase,
  type GameShock,
  roundsShown,
  type TeamDecision,
} from '../game/game';
import { type RoundResult, SCORING_RULE, standings } from '../game/outcomes';
import type { RoundTimer, Workshop } from './workshop';

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
}

/**
 * Standings over the rounds shown, computed once per state and shared by every viewer: the
 * engine replays each team's decisions, so the same state always gives the same table.
 */
export function workshopStandings(workshop: Workshop) {
  const game = workshop.game;
  return game && roundsShown(game) > 0 ? standings(game) : [];
}

/**
 * What `viewer` may see of a workshop: a team sees its own decisions and, once revealed, the
 * results of every team; decisions of other teams appear only when the game is over (for the
 * debrief); the facilitator sees everything.
 */
export function viewFor(
  workshop: Workshop,
  viewer: Viewer,
  table: ReturnType<typeof workshopStandings>,
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
  };
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
