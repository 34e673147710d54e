import { standardSlip } from '../analysis/outcome.ts';
import type { Intervention } from '../inputs/interventions.ts';
import { standardIncident } from '../inputs/interventions.ts';
import type { Params } from '../inputs/param-spec.ts';
import { findPreset, presetParams } from '../inputs/presets.ts';
import type { DoraRating } from '../outputs/dora.ts';
import { type SimulationResult, simulate } from '../simulate.ts';
import {
  GAME_START_DAY,
  type GameShock,
  type GameState,
  roundsShown,
  type TeamDecision,
} from './game.ts';

/** How one team did in one round. */
export interface RoundResult {
  round: number;
  decision: TeamDecision;
  /** The shock the round brought, if any. */
  shock: GameShock | null;
  /** Thousand lines that reached production in the round. */
  valueKloc: number;
  /**
   * The round's score in cost units: what the code the team shipped since the game began earned
   * live in the round, less the round's downtime and deployment costs (see SCORING_RULE).
   */
  netValue: number;
  deployments: number;
  /** Failed deployments in the round: each is an incident. */
  incidents: number;
  /** Undeployed code at the end of the round, in lines. */
  wipLines: number;
  /** DORA level over the round ("none" when the round deployed nothing). */
  doraLevel: DoraRating;
  /** Median lead time for changes over the round, calendar days; null when nothing shipped. */
  leadTimeDays: number | null;
}

/** One team's standing: its rounds and its totals. */
export interface TeamStanding {
  team: string;
  rounds: RoundResult[];
  /** The game's score so far: the rounds' net value added up. */
  netValue: number;
  /** Place in the standings; teams whose scores are equal share it. */
  rank: number;
  valueKloc: number;
  incidents: number;
  wipLines: number;
  doraLevel: DoraRating | null;
  /** Undeployed code each working day of the game so far, in lines. */
  wipByDay: Float64Array;
}

/** The scoring rule in words, for the screen: what the score counts and why. */
export const SCORING_RULE =
  'Score: what the code your team shipped during the game earns while it is live (the cost of delay a thousand lines waiting would lose, per working day), less what your incidents cost in downtime and your deployments cost to make. Shipping small and early earns most; code that waits earns nothing.';

/**
 * Net value of days [from, to) of a run in cost units: live code shipped since `startDay` earns
 * the cost of delay per KLOC-day (the value the model says waiting code forgoes), less downtime
 * and deployment costs.
 */
function netValueOf(
  params: Params,
  series: SimulationResult['series'],
  startDay: number,
  from: number,
  to: number,
): number {
  const live = series.productionLines[startDay - 1] ?? 0;
  let value = 0;
  for (let day = from; day < to; day++)
    value +=
      ((series.productionLines[day] - live) / 1000) * params.holdingCostPerKlocDay -
      series.downtimeCost[day] -
      series.transactionCost[day];
  return value;
}

/** Working days into a round its shock strikes: the first week's decisions are already in force. */
export const SHOCK_OFFSET_DAYS = 5;

/** A shock as the model takes it: the standard three-week slip, or the standard major incident. */
function shockIntervention(shock: GameShock, params: Params, day: number): Intervention {
  return shock === 'releaseSlip'
    ? standardSlip(undefined, day)
    : standardIncident(day, params.teamSize);
}

/** The interventions that carry a team's decisions (and the round's shock) into the model, each from its round's first day. */
export function decisionInterventions(
  game: GameState,
  team: number,
  rounds: number,
  params: Params,
): Intervention[] {
  const out: Intervention[] = [];
  for (let r = 0; r < rounds; r++) {
    const day = GAME_START_DAY + r * game.config.roundDays;
    const d = game.decisions[r][team];
    out.push(
      { type: 'set', day, param: 'releaseIntervalDays', value: d.releaseIntervalDays },
      { type: 'set', day, param: 'regressionPasses', value: d.regressionPasses },
      { type: 'set', day, param: 'automationShare', value: d.automationShare },
    );
    const shock = game.shocks[r];
    if (shock) out.push(shockIntervention(shock, params, day + SHOCK_OFFSET_DAYS));
    if (d.freezeMerges)
      out.push({ type: 'mergeFreeze', day, days: game.config.roundDays, mustHaveShare: 0.2 });
  }
  return out;
}

function sum(values: Float64Array, from: number, to: number): number {
  let total = 0;
  for (let i = from; i < to; i++) total += values[i];
  return total;
}

/** Every team's standing over the rounds whose results are shown, ranked by score (net value). */
export function standings(game: GameState, rounds: number = roundsShown(game)): TeamStanding[] {
  const preset = findPreset(game.config.preset)!;
  const params = presetParams(preset);
  const { roundDays, seed } = game.config;
  const table = game.config.teams.map((team, t) => {
    const interventions = decisionInterventions(game, t, rounds, params);
    const results: RoundResult[] = [];
    let wipByDay = new Float64Array(0);
    for (let r = 0; r < rounds; r++) {
      const from = GAME_START_DAY + r * roundDays;
      const to = from + roundDays;
      // Each round's summary is a run that stops at the round's end and counts only that round;
      // runs are reproducible, so every earlier round replays exactly.
      const run = simulate(params, { days: to, warmupDays: from, seed, interventions });
      wipByDay = run.series.wipLines.slice(GAME_START_DAY, to);
      results.push({
        round: r + 1,
        decision: game.decisions[r][t],
        shock: game.shocks[r],
        valueKloc: sum(run.series.linesDeployed, from, to) / 1000,
        netValue: netValueOf(params, run.series, GAME_START_DAY, from, to),
        deployments: sum(run.series.deployments, from, to),
        incidents: sum(run.series.failedDeployments, from, to),
        wipLines: run.series.wipLines[to - 1],
        doraLevel: run.summary.doraLevel,
        leadTimeDays: run.summary.leadTimeDays,
      });
    }
    const last = results[results.length - 1];
    return {
      team,
      rounds: results,
      netValue: results.reduce((s, r) => s + r.netValue, 0),
      rank: 0,
      valueKloc: results.reduce((s, r) => s + r.valueKloc, 0),
      incidents: results.reduce((s, r) => s + r.incidents, 0),
      wipLines: last?.wipLines ?? 0,
      doraLevel: last?.doraLevel ?? null,
      wipByDay,
    };
  });
  table.sort((a, b) => b.netValue - a.netValue);
  // Equal scores (to the cost unit) share a place: teams that chose alike are not ranked apart.
  for (const [i, standing] of table.entries())
    standing.rank =
      i > 0 && Math.round(standing.netValue) === Math.round(table[i - 1].netValue)
        ? table[i - 1].rank
        : i + 1;
  return table;
}
