import { css, html, LitElement, nothing } from 'lit';
import type {
  DoraLevel,
  DoraRating,
  Percentiles,
  Summary,
  SummaryNumber,
} from '../../src/index.ts';
import { formatCount, formatDuration, formatPercent } from '../charts/format.ts';
import { defineElement } from './define-element.ts';

const LEVEL_MARK: Readonly<Record<DoraRating, string>> = {
  elite: '★★★★',
  high: '★★★',
  medium: '★★',
  low: '★',
  none: '',
};

/** What a figure with nothing to measure says instead of a number. */
function missing(summary: Summary, key: SummaryNumber): string {
  if (summary.deploymentsPerWeek <= 0) return 'no deployments';
  if (key === 'timeToRestoreHours') return 'no failures';
  return '–';
}

interface Row {
  key: SummaryNumber;
  label: string;
  show: (summary: Summary) => string;
  levels?: (summary: Summary) => readonly DoraLevel[];
  /** True when a bigger value is better, for the sign of a change. */
  higherIsBetter: boolean;
}

const DORA_ROWS: Row[] = [
  {
    key: 'deploymentsPerWeek',
    label: 'Deployment frequency',
    show: (s) => `${s.deploymentsPerWeek.toFixed(2)} / week`,
    levels: (s) => s.dora.deploymentFrequency,
    higherIsBetter: true,
  },
  {
    key: 'leadTimeDays',
    label: 'Lead time (median)',
    show: (s) => (s.leadTimeDays === null ? 'nothing shipped' : formatDuration(s.leadTimeDays)),
    levels: (s) => s.dora.leadTime,
    higherIsBetter: false,
  },
  {
    key: 'changeFailureRate',
    label: 'Change failure rate',
    show: (s) =>
      s.changeFailureRate === null
        ? missing(s, 'changeFailureRate')
        : formatPercent(s.changeFailureRate),
    levels: (s) => s.dora.changeFailureRate,
    higherIsBetter: false,
  },
  {
    key: 'timeToRestoreHours',
    label: 'Time to restore (median)',
    show: (s) =>
      s.timeToRestoreHours === null
        ? missing(s, 'timeToRestoreHours')
        : formatDuration(s.timeToRestoreHours / 24),
    levels: (s) => s.dora.timeToRestore,
    higherIsBetter: false,
  },
];

const FLOW_ROWS: Row[] = [
  {
    key: 'meanWipLines',
    label: 'Undeployed code (mean)',
    show: (s) => `${formatCount(s.meanWipLines)} lines`,
    higherIsBetter: false,
  },
  {
    key: 'meanDeploymentSizeLines',
    label: 'Deployment size (mean)',
    show: (s) =>
      s.meanDeploymentSizeLines === null
        ? 'no deployments'
        : `${formatCount(s.meanDeploymentSizeLines)} lines`,
    higherIsBetter: false,
  },
  {
    key: 'throughputLinesPerDay',
    label: 'Throughput',
    show: (s) => `${formatCount(s.throughputLinesPerDay)} lines/day`,
    higherIsBetter: true,
  },
  {
    key: 'newWorkShare',
    label: 'Time on new work',
    show: (s) => formatPercent(s.newWorkShare, 0),
    higherIsBetter: true,
  },
  {
    key: 'costPerDay',
    label: 'Cost per working day',
    show: (s) => `${formatCount(s.costPerDay)} cost units`,
    higherIsBetter: false,
  },
];

/** A tile's figure; one said in words, with no number in it, is set as words. */
function valueText(text: string) {
  return html`<p class=${/\d/.test(text) ? 'value' : 'value words'}>${text}</p>`;
}

/**
 * The DORA scorecard: the four metrics with their levels (as words and stars, never colour
 * alone), the overall level, flow figures, and the change from a pinned baseline.
 */
export class DdsScorecard extends LitElement {
  static override styles = css`
    :host { display: block; }
    h2 { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    .tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr)); gap: 0.5rem; }
    .tile { background: #fff; border: 1px solid #d6d9de; border-radius: 6px; padding: 0.35rem 0.6rem; }
    .tile.overall { background: #14213d; color: #fff; border-color: #14213d; }
    .label { font-size: 0.75rem; color: inherit; opacity: 0.85; margin: 0; }
    .value { font-size: 1.15rem; font-weight: 700; margin: 0.05rem 0; }
    .overall .value { font-size: 1.4rem; text-transform: uppercase; }
    /* A figure in words ("no deployments") is set smaller, so its longest word fits the narrowest tile. */
    .value.words, .overall .value.words { font-size: 0.85rem; text-transform: none; }
    .level, .range, .change { font-size: 0.72rem; margin: 0; }
    .better { color: #0b6b3a; }
    .worse { color: #b42318; }
    .coverage { font-size: 0.75rem; color: #4b5563; margin: 0 0 0.3rem; }
    :host([compact]) .tile.flow, :host([compact]) .range { display: none; }
    :host([compact]) .tile.flow.kept { display: block; }
  `;

  static override properties = {
    summary: { attribute: false },
    baseline: { attribute: false },
    percentiles: { attribute: false },
    doraYear: { type: Number },
    coverage: { type: String },
    compact: { type: Boolean, reflect: true },
  };

  /** The current run's summary. */
  summary: Summary | null = null;
  /** The pinned baseline's summary, for the change column. */
  baseline: Summary | null = null;
  /** p10/p50/p90 over Monte Carlo runs, when there are several. */
  percentiles: Record<SummaryNumber, Percentiles> | null = null;
  /** The DORA table year the levels come from. */
  doraYear = 2023;
  /** Which days the figures cover, in words. */
  coverage = '';
  /** Presenter mode: the level, the four metrics, undeployed code and deployment size only. */
  compact = false;

  private change(row: Row) {
    if (!this.baseline || !this.summary) return nothing;
    const before = this.baseline[row.key];
    const after = this.summary[row.key];
    if (before === null || after === null)
      return before === after
        ? nothing
        : html`<p class="change">baseline: ${before === null ? 'none' : 'measured'}</p>`;
    if (Math.abs(after - before) <= 1e-9 * Math.max(1, Math.abs(before)))
      return html`<p class="change">= baseline</p>`;
    const better = after > before === row.higherIsBetter;
    const relative =
      before !== 0
        ? `${after > before ? '+' : ''}${(((after - before) / Math.abs(before)) * 100).toFixed(0)}%`
        : 'new';
    return html`<p class=${better ? 'change better' : 'change worse'}>${relative} vs baseline (${better ? 'better' : 'worse'})</p>`;
  }

  private renderTile(row: Row, summary: Summary) {
    const p = this.percentiles?.[row.key];
    const show = (value: number) => row.show({ ...summary, [row.key]: value } as Summary);
    const levels = row.levels?.(summary);
    const kind = row.levels
      ? 'tile'
      : `tile flow${row.key === 'meanWipLines' || row.key === 'meanDeploymentSizeLines' ? ' kept' : ''}`;
    return html`<div class=${kind} data-metric=${row.key} role="group" aria-label=${row.label}>
      <p class="label">${row.label}</p>
      ${valueText(row.show(summary))}
      ${levels && levels.length > 0 ? html`<p class="level">${levels.join(' / ')} <span aria-hidden="true">${LEVEL_MARK[levels[0]]}</span></p>` : nothing}
      ${p && p.p10 !== null && p.p90 !== null ? html`<p class="range">p10 ${show(p.p10)} – p90 ${show(p.p90)}</p>` : nothing}
      ${this.change(row)}
    </div>`;
  }

  override render() {
    const summary = this.summary;
    if (!summary) return html`<p>Running…</p>`;
    return html`<h2>DORA scorecard</h2>
      ${this.coverage ? html`<p class="coverage" data-coverage>${this.coverage}</p>` : nothing}
      <div class="tiles">
        <div class="tile overall" role="group" aria-label="Overall DORA level">
          <p class="label">DORA level (${this.doraYear})</p>
          <p class=${summary.doraLevel === 'none' ? 'value words' : 'value'} data-level=${summary.doraLevel}>${summary.doraLevel === 'none' ? 'no deployments' : summary.doraLevel.toUpperCase()} <span aria-hidden="true">${LEVEL_MARK[summary.doraLevel]}</span></p>
          ${this.baseline && this.baseline.doraLevel !== summary.doraLevel ? html`<p class="change">baseline: ${this.baseline.doraLevel}</p>` : nothing}
        </div>
        ${DORA_ROWS.map((row) => this.renderTile(row, summary))}
        ${FLOW_ROWS.map((row) => this.renderTile(row, summary))}
      </div>`;
  }
}

defineElement('dds-scorecard', DdsScorecard);

declare global {
  interface HTMLElementTagNameMap {
    'dds-scorecard': DdsScorecard;
  }
}
