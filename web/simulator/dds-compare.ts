import { css, html, LitElement, nothing } from 'lit';
import { PARAM_BY_ID, type Summary } from '../../src/index.ts';
import { formatCount, formatDuration, formatPercent } from '../charts/format.ts';
import { defineElement } from '../components/define-element.ts';
import type { UiScenario } from '../state/ui-scenario.ts';
import { paramDifferences } from '../state/ui-scenario.ts';

const METRICS: { key: keyof Summary; label: string; show: (v: number) => string }[] = [
  { key: 'deploymentsPerWeek', label: 'Deployments per week', show: (v) => v.toFixed(2) },
  { key: 'leadTimeDays', label: 'Lead time (median)', show: formatDuration },
  { key: 'changeFailureRate', label: 'Change failure rate', show: (v) => formatPercent(v) },
  { key: 'timeToRestoreHours', label: 'Time to restore', show: (v) => formatDuration(v / 24) },
  {
    key: 'meanWipLines',
    label: 'Undeployed code',
    show: (v) => `${formatCount(v)} lines`,
  },
  {
    key: 'meanDeploymentSizeLines',
    label: 'Deployment size',
    show: (v) => `${formatCount(v)} lines`,
  },
  { key: 'newWorkShare', label: 'Time on new work', show: (v) => formatPercent(v, 0) },
];

/** A figure in words; a figure with nothing to measure says so instead of showing a number. */
function shown(metric: (typeof METRICS)[number], summary: Summary): string {
  const value = summary[metric.key] as number | null;
  if (value !== null) return metric.show(value);
  return metric.key === 'timeToRestoreHours' && summary.deploymentsPerWeek > 0
    ? 'no failures'
    : 'no deployments';
}

/**
 * "What changed": the inputs that differ from the pinned baseline and what that did to the
 * figures, side by side.
 */
export class DdsCompare extends LitElement {
  static override styles = css`
    :host { display: block; background: #fff; border: 1px solid #d6d9de; border-radius: 6px; padding: 0.6rem 0.8rem; font-size: 0.85rem; }
    h2 { font-size: 1rem; margin: 0 0 0.3rem; }
    table { border-collapse: collapse; width: 100%; margin-bottom: 0.4rem; }
    th, td { text-align: left; padding: 0.2rem 0.4rem; border-bottom: 1px solid #eceef1; }
  `;

  static override properties = {
    baseline: { attribute: false },
    current: { attribute: false },
    baselineSummary: { attribute: false },
    currentSummary: { attribute: false },
  };

  /** The pinned scenario. */
  baseline: UiScenario | null = null;
  /** The scenario on screen. */
  current: UiScenario | null = null;
  /** Their summaries. */
  baselineSummary: Summary | null = null;
  currentSummary: Summary | null = null;

  override render() {
    if (!this.baseline || !this.current || !this.baselineSummary || !this.currentSummary)
      return nothing;
    const differences = paramDifferences(this.baseline, this.current);
    const interventionsChanged =
      JSON.stringify(this.baseline.interventions) !== JSON.stringify(this.current.interventions);
    const before = this.baselineSummary;
    const after = this.currentSummary;
    return html`<h2>What changed since the baseline</h2>
      ${
        differences.length === 0 &&
        !interventionsChanged &&
        this.baseline.preset === this.current.preset
          ? html`<p>No inputs changed yet: move a control to compare.</p>`
          : html`<table aria-label="Inputs that differ from the baseline">
            <thead><tr><th scope="col">Input</th><th scope="col">Baseline</th><th scope="col">Now</th></tr></thead>
            <tbody>
              ${this.baseline.preset !== this.current.preset ? html`<tr><th scope="row">Preset</th><td>${this.baseline.preset}</td><td>${this.current.preset}</td></tr>` : nothing}
              ${differences.map((d) => html`<tr><th scope="row">${PARAM_BY_ID.get(d.id)?.label ?? d.id}</th><td>${String(d.from)}</td><td>${String(d.to)}</td></tr>`)}
              ${interventionsChanged ? html`<tr><th scope="row">Interventions</th><td>${this.baseline.interventions.length}</td><td>${this.current.interventions.length}</td></tr>` : nothing}
            </tbody>
          </table>`
      }
      <table aria-label="Figures, baseline and now">
        <thead><tr><th scope="col">Figure</th><th scope="col">Baseline</th><th scope="col">Now</th></tr></thead>
        <tbody>
          ${METRICS.map((m) => html`<tr><th scope="row">${m.label}</th><td>${shown(m, before)}</td><td>${shown(m, after)}</td></tr>`)}
          <tr><th scope="row">DORA level</th><td>${before.doraLevel}</td><td>${after.doraLevel}</td></tr>
        </tbody>
      </table>`;
  }
}

defineElement('dds-compare', DdsCompare);

declare global {
  interface HTMLElementTagNameMap {
    'dds-compare': DdsCompare;
  }
}
