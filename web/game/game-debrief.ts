import { html, nothing } from 'lit';
import {
  type Briefing,
  briefing,
  debrief,
  type GameConfig,
  type GameShock,
  type GameState,
  roundNotes,
  roundsShown,
  type TeamStanding,
} from '../../src/index.ts';
import type { ChartSpec } from '../charts/chart-specs.ts';
import { DASHES, PALETTE } from '../charts/palette.ts';
import '../components/dds-time-chart.ts';
import { formatCount } from '../charts/format.ts';
import { briefingBody, debriefBody, notesBody } from './escape-notes.ts';

/** The facilitator's shocks in words. */
export const SHOCK_WORDS: Readonly<Record<GameShock, string>> = {
  releaseSlip: 'A release slips three weeks',
  incident: 'A major incident (80 hours, half the team)',
};

/** One colour per team, in team order (a dash pattern goes with each, so colour is never alone). */
const TEAM_COLOURS = [
  PALETTE.blue,
  PALETTE.orange,
  PALETTE.green,
  PALETTE.vermillion,
  PALETTE.purple,
  PALETTE.sky,
  PALETTE.black,
  PALETTE.grey,
];

const briefings = new WeakMap<GameConfig, Briefing>();

/** A game's briefing, worked out once per game: the screen redraws on every entry a team types. */
function briefingOf(config: GameConfig): Briefing {
  let brief = briefings.get(config);
  if (!brief) {
    brief = briefing(config.preset, config.seed, config.roundDays);
    briefings.set(config, brief);
  }
  return brief;
}

/**
 * The game's briefing before the first results; then the notes on the last round (each team
 * against the four escape steps), every team's undeployed code on one chart and each team's
 * rounds, decisions against outcomes; at the end, the debrief.
 */
export function gameDebrief(game: GameState, table: readonly TeamStanding[]) {
  const brief = briefingOf(game.config);
  const shown = roundsShown(game);
  // The standings arrive from the worker a moment after a reveal: notes follow the table.
  const noted = table[0]?.rounds.length ?? 0;
  if (game.phase !== 'finished' && shown === 0)
    return html`<section aria-labelledby="briefing-title"><h2 id="briefing-title">Briefing for the teams</h2>${briefingBody(brief.sentences)}</section>`;
  const days = table[0]?.wipByDay.length ?? 0;
  const chart: ChartSpec = {
    id: 'game-wip',
    title: 'Code waiting to ship, by team',
    yLabel: 'lines',
    days,
    explanation: `Each round is ${game.config.roundDays} working days; the markers show the rounds.`,
    layers: table.map((s) => {
      const t = game.config.teams.indexOf(s.team);
      return {
        id: `team-${t}`,
        label: s.team,
        kind: 'line' as const,
        values: s.wipByDay,
        color: TEAM_COLOURS[t],
        dash: DASHES[t % DASHES.length],
      };
    }),
    markers: Array.from({ length: roundsShown(game) }, (_, r) => ({
      day: r * game.config.roundDays,
      kind: 'intervention' as const,
      caption: `Round ${r + 1} starts`,
    })),
  };
  return html`<section aria-labelledby="debrief-title">
    <h2 id="debrief-title">${game.phase === 'finished' ? 'Debrief: decisions against outcomes' : 'Replay so far: decisions against outcomes'}</h2>
    ${
      game.phase === 'finished'
        ? debriefBody(debrief(table, brief))
        : noted > 0
          ? html`<h3>Notes on round ${noted}</h3>${notesBody(roundNotes(table, noted, brief), 'h4')}`
          : nothing
    }
    <details><summary>Briefing: the team every team started as</summary>${briefingBody(brief.sentences)}</details>
    ${days > 0 ? html`<dds-time-chart .spec=${chart} .height=${200}></dds-time-chart>` : nothing}
    ${table.map(
      (s) => html`<h3>${s.team}</h3>
      <div class="scroll" tabindex="0" role="region" aria-label=${`${s.team}: rounds, scrolls sideways`}><table data-debrief=${s.team}>
        <thead><tr><th scope="col">Round</th><th scope="col" class="num">Interval (days)</th><th scope="col" class="num">Passes</th><th scope="col" class="num">Automation</th><th scope="col">Freeze</th><th scope="col">Shock</th>
          <th scope="col" class="num">Shipped (k lines)</th><th scope="col" class="num">Deploys</th><th scope="col" class="num">Incidents</th><th scope="col" class="num">Waiting (lines)</th><th scope="col" class="num">Lead time (days)</th><th scope="col">DORA</th></tr></thead>
        <tbody>${s.rounds.map(
          (
            r,
          ) => html`<tr><td>${r.round}</td><td class="num">${r.decision.releaseIntervalDays}</td><td class="num">${r.decision.regressionPasses}</td>
            <td class="num">${r.decision.automationShare}</td><td>${r.decision.freezeMerges ? 'yes' : 'no'}</td><td>${r.shock ? SHOCK_WORDS[r.shock] : '–'}</td>
            <td class="num">${r.valueKloc.toFixed(1)}</td><td class="num">${Math.round(r.deployments)}</td><td class="num">${Math.round(r.incidents)}</td>
            <td class="num">${formatCount(r.wipLines)}</td><td class="num">${r.leadTimeDays === null ? 'nothing shipped' : r.leadTimeDays.toFixed(1)}</td><td>${r.doraLevel === 'none' ? 'no deployments' : r.doraLevel}</td></tr>`,
        )}</tbody>
      </table></div>`,
    )}
  </section>`;
}
