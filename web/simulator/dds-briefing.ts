import { css, html, LitElement, nothing } from 'lit';
import { PARAM_BY_ID, type Summary, type SummaryNumber } from '../../src/index.ts';
import { chartSpecs } from '../charts/chart-specs.ts';
import { formatFigure, formatParam } from '../charts/format.ts';
import { paramDifferences, scenarioCaption, type UiScenario } from '../state/ui-scenario.ts';
import type { RunView } from '../worker/protocol.ts';
import '../components/dds-time-chart.ts';
import { defineElement } from '../components/define-element.ts';

/** The figures a briefing compares, and which way is better. */
const BRIEFED: { id: SummaryNumber; higherIsBetter: boolean }[] = [
  { id: 'deploymentsPerWeek', higherIsBetter: true },
  { id: 'leadTimeDays', higherIsBetter: false },
  { id: 'changeFailureRate', higherIsBetter: false },
  { id: 'timeToRestoreHours', higherIsBetter: false },
  { id: 'meanWipLines', higherIsBetter: false },
  { id: 'meanDeploymentSizeLines', higherIsBetter: false },
];

const LABELS: Record<string, string> = {
  deploymentsPerWeek: 'Deployments',
  leadTimeDays: 'Lead time',
  changeFailureRate: 'Change failure rate',
  timeToRestoreHours: 'Time to restore',
  meanWipLines: 'Code waiting to go out',
  meanDeploymentSizeLines: 'Deployment size',
};

/** A change in plain words: "2.5 times as high (better)", "a third lower (worse)". */
export function changeInWords(
  before: number | null,
  after: number | null,
  higherIsBetter: boolean,
): string {
  if (before === null || after === null) return before === after ? 'no change' : 'not comparable';
  if (Math.abs(after - before) <= 1e-9 * Math.max(1, Math.abs(before))) return 'no change';
  const better = after > before === higherIsBetter;
  const verdict = better ? 'better' : 'worse';
  if (before === 0) return `up from none (${verdict})`;
  const ratio = after / before;
  if (ratio >= 1.5) return `${Number(ratio.toPrecision(2))} times as much (${verdict})`;
  if (ratio <= 1 / 1.5) return `${Number((1 / ratio).toPrecision(2))} times less (${verdict})`;
  const percent = Math.round(Math.abs(ratio - 1) * 100);
  return `${percent}% ${ratio > 1 ? 'more' : 'less'} (${verdict})`;
}

/**
 * The stakeholder briefing: one printed page putting the scenario against its baseline, the
 * four DORA metrics, undeployed code and deployment size, the undeployed-code chart and what
 * changed, in plain words. Shown only when printed.
 */
export class DdsBriefing extends LitElement {
  static override styles = css`
    :host { display: block; color: #111827; font: 10.5pt/1.35 system-ui, sans-serif; }
    h1 { font-size: 15pt; margin: 0 0 2pt; }
    h2 { font-size: 11.5pt; margin: 8pt 0 3pt; }
    p { margin: 0 0 4pt; }
    .scenario { color: #374151; font-size: 9.5pt; }
    table { border-collapse: collapse; width: 100%; font-size: 10pt; }
    th, td { text-align: left; padding: 2pt 5pt; border-bottom: 0.5pt solid #d1d5db; }
    td.change { font-weight: 600; }
    dds-time-chart { border: none; padding: 0; break-inside: avoid; }
    ul { margin: 0; padding-left: 14pt; }
    .footer { margin-top: 6pt; font-size: 8.5pt; color: #4b5563; }
  `;

  static override properties = {
    scenario: { attribute: false },
    view: { attribute: false },
    baseline: { attribute: false },
  };

  /** The scenario on screen and its run. */
  scenario: UiScenario | null = null;
  view: RunView | null = null;
  /** The pinned baseline and its run, if any. */
  baseline: { scenario: UiScenario; view: RunView } | null = null;

  private renderFigures(now: Summary, before: Summary | null) {
    return html`<table aria-label="The figures">
      <thead><tr><th scope="col">Figure</th>${before ? html`<th scope="col">Baseline</th>` : nothing}<th scope="col">This scenario</th>${before ? html`<th scope="col">Change</th>` : nothing}</tr></thead>
      <tbody>
        <tr><th scope="row">DORA level</th>${before ? html`<td>${before.doraLevel}</td>` : nothing}<td>${now.doraLevel === 'none' ? 'no deployments' : now.doraLevel}</td>${before ? html`<td class="change">${before.doraLevel === now.doraLevel ? 'no change' : `${before.doraLevel} → ${now.doraLevel}`}</td>` : nothing}</tr>
        ${BRIEFED.map(
          ({ id, higherIsBetter }) => html`<tr><th scope="row">${LABELS[id]}</th>
            ${before ? html`<td>${formatFigure(id, before[id])}</td>` : nothing}
            <td>${formatFigure(id, now[id])}</td>
            ${before ? html`<td class="change">${changeInWords(before[id], now[id], higherIsBetter)}</td>` : nothing}</tr>`,
        )}
      </tbody>
    </table>`;
  }

  private renderChanges(from: UiScenario, to: UiScenario) {
    const differences = paramDifferences(from, to);
    const items = differences.map((d) => {
      const spec = PARAM_BY_ID.get(d.id);
      return spec
        ? `${spec.label}: ${formatParam(spec, d.from)} → ${formatParam(spec, d.to)}`
        : `${d.id}: ${String(d.from)} → ${String(d.to)}`;
    });
    if (from.preset !== to.preset) items.unshift(`Starting team: ${from.preset} → ${to.preset}`);
    if (JSON.stringify(from.interventions) !== JSON.stringify(to.interventions))
      items.push(
        `Interventions on the timeline: ${from.interventions.length} → ${to.interventions.length}`,
      );
    return items.length === 0
      ? html`<p>No input differs from the baseline.</p>`
      : html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>`;
  }

  override render() {
    const { scenario, view, baseline } = this;
    if (!scenario || !view) return nothing;
    const wip = chartSpecs(view, baseline?.view ?? null)[0];
    return html`<h1>Deployment death spiral: briefing</h1>
      <p class="scenario">This scenario: ${scenarioCaption(scenario)}${baseline ? html`<br />Baseline: ${scenarioCaption(baseline.scenario)}` : nothing}</p>
      <h2>The figures, days ${view.warmupDays + 1}–${view.days} of the run</h2>
      ${this.renderFigures(view.summary, baseline?.view.summary ?? null)}
      <dds-time-chart .spec=${{ ...wip, explanation: '' }} .height=${210} .caption=${scenarioCaption(scenario)}></dds-time-chart>
      ${
        baseline
          ? html`<h2>What changed since the baseline</h2>${this.renderChanges(baseline.scenario, scenario)}`
          : html`<p>Pin a baseline before printing to compare this scenario against it.</p>`
      }
      <p class="footer">Figures cover the run after its warm-up (with several runs, their medians), from the same simulation as the screen; DORA levels from the 2023 table. Lead time and time to restore are in calendar time.</p>`;
  }
}

defineElement('dds-briefing', DdsBriefing);

declare global {
  interface HTMLElementTagNameMap {
    'dds-briefing': DdsBriefing;
  }
}
