import { scaleLinear } from 'd3';
import { html, nothing, svg } from 'lit';
import type { Calibration } from '../../src/analysis/calibrate.ts';
import type { Improvement, ValueStream } from '../../src/analysis/constraints.ts';
import type { BatchSizeCurve } from '../../src/analysis/economics.ts';
import {
  PLAN_FIGURES,
  type PlanComparison,
  type PlanRow,
} from '../../src/analysis/plan-options.ts';
import { RESILIENCE_LABELS, type ResilienceReport } from '../../src/analysis/resilience.ts';
import type { SensitivityBar } from '../../src/analysis/sensitivity.ts';
import type { CriticalValue, TippingCurve } from '../../src/analysis/tipping.ts';
import { PARAM_BY_ID, type ParamId, type SummaryNumber, summaryFigure } from '../../src/index.ts';
import { formatDuration, formatFigure, formatNumber, formatParam } from '../charts/format.ts';
import { PALETTE } from '../charts/palette.ts';

/** A parameter's label, and its value with its unit. */
const paramLabel = (id: ParamId) => PARAM_BY_ID.get(id)?.label ?? id;
const paramValue = (id: ParamId, value: number) => {
  const spec = PARAM_BY_ID.get(id);
  return spec ? formatParam(spec, value) : formatNumber(value);
};

/** Axis ticks for a value range: about `count` round numbers, and the scale's nice domain. */
function axis(min: number, max: number, pixels: [number, number], count = 5) {
  const scale = scaleLinear()
    .domain([min, max > min ? max : min + 1])
    .range(pixels)
    .nice(count);
  return { scale, ticks: scale.ticks(count) };
}

/** A compact tick label: 1.2k, 35k, 0.25. */
function tickLabel(value: number): string {
  const size = Math.abs(value);
  if (size >= 1e6) return `${formatNumber(value / 1e6, 3)}M`;
  if (size >= 1e4) return `${formatNumber(value / 1e3, 3)}k`;
  return formatNumber(value, 3);
}

/**
 * A tornado chart: one bar per parameter, the widest swing first, from the metric with the
 * parameter at the low end of its plausible range to the metric at the high end, on a labelled
 * axis in the metric's unit. Colour says which way the metric moves as the parameter rises.
 */
export function tornado(bars: SensitivityBar[], metric: SummaryNumber) {
  const figure = summaryFigure(metric);
  const share = 'share' in figure && figure.share;
  const top = bars.filter((b) => b.metricAtLow !== null && b.metricAtHigh !== null).slice(0, 15);
  if (top.length === 0)
    return html`<p>No parameter moved ${figure.label.toLowerCase()}: there was nothing to measure.</p>`;
  const values = top.flatMap((b) => [b.metricAtLow!, b.metricAtHigh!]);
  const scaleBy = share ? 100 : 1;
  const left = 250;
  const width = 660;
  const row = 34;
  const { scale, ticks } = axis(Math.min(...values) * scaleBy, Math.max(...values) * scaleBy, [
    left,
    width - 20,
  ]);
  const height = top.length * row + 46;
  const bottom = top.length * row + 8;
  const unit = share ? '%' : figure.unit;
  return html`<p class="legend-line"><span class="swatch up"></span> ${figure.label} rises as the parameter rises
      <span class="swatch down"></span> ${figure.label} falls as the parameter rises. Each bar runs from the
      parameter at the low end of its plausible range (half its value) to the high end (one and a half times).</p>
    <svg viewBox=${`0 0 ${width} ${height}`} width=${width} height=${height} role="img" aria-label=${`Sensitivity of ${figure.label}: ${top.map((b) => `${b.label} ${formatFigure(metric, b.metricAtLow)} to ${formatFigure(metric, b.metricAtHigh)}`).join('; ')}`}>
      ${ticks.map(
        (t) => svg`<line x1=${scale(t)} x2=${scale(t)} y1="0" y2=${bottom} stroke="#e5e7eb"></line>
          <text x=${scale(t)} y=${bottom + 15} text-anchor="middle" font-size="11" fill="#374151">${tickLabel(t)}</text>`,
      )}
      <text x=${(left + width - 20) / 2} y=${height - 4} text-anchor="middle" font-size="12" fill="#374151">${figure.label} (${unit})</text>
      ${top.map((b, i) => {
        const a = scale(b.metricAtLow! * scaleBy);
        const z = scale(b.metricAtHigh! * scaleBy);
        const rises = b.metricAtHigh! >= b.metricAtLow!;
        return svg`<g data-bar=${b.param}>
          <text x="0" y=${i * row + 13} font-size="12" fill="#111827">${b.label}</text>
          <text x="0" y=${i * row + 27} font-size="10.5" fill="#4b5563">${paramValue(b.param, b.low)} → ${paramValue(b.param, b.high)}</text>
          <rect x=${Math.min(a, z)} y=${i * row + 8} width=${Math.max(2, Math.abs(z - a))} height="16" fill=${rises ? PALETTE.vermillion : PALETTE.blue}></rect>
        </g>`;
      })}
    </svg>`;
}

/**
 * The batch-size U-curve: holding, deployment, downtime and total cost per working day over
 * release intervals, on labelled axes, with the cheapest interval and the closed form marked.
 */
export function uCurve(curve: BatchSizeCurve) {
  const w = 660;
  const h = 300;
  const plot = { left: 70, right: w - 16, top: 12, bottom: h - 46 };
  const xs = curve.points.map((p) => p.intervalDays);
  const x = axis(xs[0], xs[xs.length - 1], [plot.left, plot.right], 8);
  const y = axis(0, Math.max(...curve.points.map((p) => p.totalCostPerDay)), [
    plot.bottom,
    plot.top,
  ]);
  const path = (pick: (p: BatchSizeCurve['points'][number]) => number) =>
    curve.points
      .map(
        (p, i) =>
          `${i ? 'L' : 'M'}${x.scale(p.intervalDays).toFixed(1)},${y.scale(pick(p)).toFixed(1)}`,
      )
      .join('');
  const closed = curve.economicIntervalDays;
  const closedShown = Number.isFinite(closed) && closed >= xs[0] && closed <= xs[xs.length - 1];
  const lines = [
    {
      pick: (p: BatchSizeCurve['points'][number]) => p.totalCostPerDay,
      colour: PALETTE.black,
      dash: '',
      label: 'Total',
    },
    {
      pick: (p: BatchSizeCurve['points'][number]) => p.holdingCostPerDay,
      colour: PALETTE.orange,
      dash: '6 3',
      label: 'Holding undeployed code',
    },
    {
      pick: (p: BatchSizeCurve['points'][number]) => p.transactionCostPerDay,
      colour: PALETTE.blue,
      dash: '2 3',
      label: 'Deploying',
    },
    {
      pick: (p: BatchSizeCurve['points'][number]) => p.downtimeCostPerDay,
      colour: PALETTE.vermillion,
      dash: '8 3 2 3',
      label: 'Downtime',
    },
  ];
  return html`<svg viewBox=${`0 0 ${w} ${h}`} width=${w} height=${h} role="img" aria-label=${`Cost per working day over release intervals from ${formatNumber(xs[0])} to ${formatNumber(xs[xs.length - 1])} working days; cheapest at ${formatNumber(curve.minimum.intervalDays)} working days, ${formatNumber(curve.minimum.totalCostPerDay)} cost units a day; the closed form gives ${formatNumber(closed)} working days.`}>
      ${y.ticks.map(
        (
          t,
        ) => svg`<line x1=${plot.left} x2=${plot.right} y1=${y.scale(t)} y2=${y.scale(t)} stroke="#e5e7eb"></line>
          <text x=${plot.left - 6} y=${y.scale(t) + 4} text-anchor="end" font-size="11" fill="#374151">${tickLabel(t)}</text>`,
      )}
      ${x.ticks.map((t) => svg`<text x=${x.scale(t)} y=${plot.bottom + 15} text-anchor="middle" font-size="11" fill="#374151">${tickLabel(t)}</text>`)}
      <path d=${`M${plot.left},${plot.top}V${plot.bottom}H${plot.right}`} fill="none" stroke="#6b7280"></path>
      <text x=${(plot.left + plot.right) / 2} y=${h - 14} text-anchor="middle" font-size="12" fill="#374151">release interval (working days)</text>
      <text transform=${`translate(14 ${(plot.top + plot.bottom) / 2}) rotate(-90)`} text-anchor="middle" font-size="12" fill="#374151">cost units a working day</text>
      ${lines.map((l) => svg`<path d=${path(l.pick)} fill="none" stroke=${l.colour} stroke-width=${l.dash ? 2 : 3} stroke-dasharray=${l.dash}></path>`)}
      <circle cx=${x.scale(curve.minimum.intervalDays)} cy=${y.scale(curve.minimum.totalCostPerDay)} r="6" fill=${PALETTE.green} data-minimum></circle>
      ${closedShown ? svg`<line x1=${x.scale(closed)} x2=${x.scale(closed)} y1=${plot.top} y2=${plot.bottom} stroke=${PALETTE.green} stroke-dasharray="4 4"></line>` : nothing}
    </svg>
    <ul class="legend">${lines.map((l) => html`<li><svg viewBox="0 0 22 10" aria-hidden="true"><line x1="1" y1="5" x2="21" y2="5" stroke=${l.colour} stroke-width="2.5" stroke-dasharray=${l.dash}></line></svg>${l.label}</li>`)}
      <li><svg viewBox="0 0 22 10" aria-hidden="true"><circle cx="11" cy="5" r="4" fill=${PALETTE.green}></circle></svg>Cheapest simulated interval</li>
      <li><svg viewBox="0 0 22 10" aria-hidden="true"><line x1="11" y1="0" x2="11" y2="10" stroke=${PALETTE.green} stroke-dasharray="2 2" stroke-width="2"></line></svg>Closed form √(2K / hr)</li></ul>
    <p>Cheapest at <strong>${formatNumber(curve.minimum.intervalDays)} working days</strong>, ${formatNumber(curve.minimum.totalCostPerDay)} cost units a working day, in releases of about ${curve.minimum.meanDeploymentSizeLines === null ? 'no' : formatNumber(curve.minimum.meanDeploymentSizeLines)} lines. Reinertsen's closed form √(2K / hr), with a deployment costing K = ${formatNumber(curve.transactionCost)} cost units, holding h = ${formatNumber(curve.holdingCostPerLineDay)} a line a day and r = ${formatNumber(curve.mergeRateLinesPerDay)} lines merged a day, gives ${formatNumber(closed)} working days${closedShown ? ' (the dashed line)' : ', outside the range shown'}; it counts holding and deploying only, so the simulated minimum, which counts downtime and the pipeline too, can differ.</p>`;
}

/** The value stream as stage bars in calendar days, and what halving each stage buys. */
export function valueStreamView(base: ValueStream, ranking: Improvement[]) {
  const days = (value: number) => formatDuration(value);
  const signed = (value: number | null, show: (v: number) => string) =>
    value === null ? '–' : `${value > 0 ? '+' : value < 0 ? '−' : ''}${show(Math.abs(value))}`;
  return html`<p class="legend-line"><span class="swatch wait"></span> waiting <span class="swatch work"></span> work; the constraint is the stage with the most time.</p>
    <svg viewBox="0 0 660 ${base.stages.length * 24 + 10}" width="660" height=${base.stages.length * 24 + 10} role="img" aria-label=${`Where the lead time goes: ${base.stages.map((s) => `${s.label} ${days(s.calendarDays)}`).join('; ')}. The constraint is ${base.stages.find((s) => s.stage === base.constraint)?.label ?? base.constraint}.`}>
      ${base.stages.map(
        (
          s,
          i,
        ) => svg`<text x="0" y=${i * 24 + 16} font-size="12" fill="#111827" font-weight=${s.stage === base.constraint ? 700 : 400}>${s.label}${s.stage === base.constraint ? ' (the constraint)' : ''}</text>
          <rect x="300" y=${i * 24 + 5} width=${Math.max(1, s.share * 260)} height="15" fill=${s.kind === 'wait' ? PALETTE.orange : PALETTE.blue}></rect>
          <text x=${306 + s.share * 260} y=${i * 24 + 16} font-size="11" fill="#111827">${days(s.calendarDays)} (${Math.round(s.share * 100)}%)</text>`,
      )}
    </svg>
    <div class="scroll" tabindex="0"><table><caption>Halving each stage in turn, best first</caption>
      <thead><tr><th scope="col">Stage halved</th><th scope="col">Lead time</th><th scope="col">Time to restore</th><th scope="col">Undeployed code</th></tr></thead>
      <tbody>${ranking.map((r) => html`<tr><th scope="row">${r.label}</th><td>${signed(r.leadTimeChange, days)}</td><td>${signed(r.restoreChange, (h) => formatDuration(h / 24))}</td><td>${signed(r.wipChange, (l) => `${formatNumber(l)} lines`)}</td></tr>`)}</tbody>
    </table></div>`;
}

/** The resilience report in words. */
export function resilienceView(report: ResilienceReport) {
  const line = (name: string, r: ResilienceReport['slip']) =>
    html`<li>${name}: <strong>${r.outcome}</strong>. Undeployed code ${formatNumber(r.before)} lines before, at most ${formatNumber(r.peak)}, ${formatNumber(r.end)} at the end; ${r.halfLifeDays === null ? 'the excess never halves' : `the excess halves in ${r.halfLifeDays} working days`}.</li>`;
  return html`<p class="verdict">This team ${RESILIENCE_LABELS[report.resilience]}.</p>
    <ul>${line('A release slips three weeks', report.slip)}${line('A major incident takes half the team for 80 hours', report.incident)}
      <li>Distance to the tipping point: fewer than half of ${report.seeds} seeds spiral after a one-time slip of up to <strong>${report.slipToleranceDays} working days</strong>.</li></ul>`;
}

/** The tipping-point answer in words: the share of seeds that tip at each slip, and the parameter's critical value. */
export function tippingView(result: TippingCurve & { critical: CriticalValue }) {
  const c = result.critical;
  const label = paramLabel(c.param);
  return html`<p class="verdict">Slip tolerance: fewer than half of ${result.seeds} seeds spiral after a one-time slip of up to ${result.slipToleranceDays} working days.</p>
    <div class="scroll" tabindex="0"><table><caption>Share of seeds that spiral after a one-time slip</caption>
      <thead><tr><th scope="col">Slip (working days)</th>${result.points.map((p) => html`<th scope="col">${p.slipDays}</th>`)}</tr></thead>
      <tbody><tr><th scope="row">Spiral</th>${result.points.map((p) => html`<td>${Math.round(p.tippedShare * 100)}%</td>`)}</tr></tbody>
    </table></div>
    <p>${
      c.value === null
        ? `${label}: no tipping point between ${paramValue(c.param, c.range[0])} and ${paramValue(c.param, c.range[1])} (the team ${c.outcomeAtLow === c.outcomeAtHigh ? `${c.outcomeAtLow} across the whole range` : `${c.outcomeAtLow} at one end and ${c.outcomeAtHigh} at the other`}, after a three-week slip).`
        : `${label}: after a three-week slip the team spirals ${c.spiralsWhen === 'above' ? 'above' : 'below'} ${paramValue(c.param, c.value)}.`
    }</p>`;
}

/** How a calibration target is shown: its label and its value in the unit it was asked in. */
const TARGET_TEXT = {
  deploymentsPerWeek: { label: 'Deployments per week', show: (v: number) => formatNumber(v) },
  leadTimeDays: { label: 'Lead time (calendar days)', show: (v: number) => formatNumber(v) },
  changeFailureRate: {
    label: 'Change failure rate (%)',
    show: (v: number) => formatNumber(v * 100),
  },
  timeToRestoreHours: { label: 'Time to restore (hours)', show: (v: number) => formatNumber(v) },
  meanDeploymentSizeLines: {
    label: 'Deployment size (lines)',
    show: (v: number) => formatNumber(v),
  },
  meanWipLines: { label: 'Undeployed code (lines)', show: (v: number) => formatNumber(v) },
} as const;

/** The calibration: each target against the fitted model, in the units asked, and the fitted values. */
export function calibrationView(result: Calibration) {
  return html`<div class="scroll" tabindex="0"><table><caption>Your team and the fitted model</caption>
      <thead><tr><th scope="col">Figure</th><th scope="col">Your team</th><th scope="col">Fitted model</th></tr></thead>
      <tbody>${result.fit.map((f) => {
        const text = TARGET_TEXT[f.metric];
        return html`<tr><th scope="row">${text.label}</th><td>${text.show(f.target)}</td><td>${f.simulated === null ? 'nothing to measure' : text.show(f.simulated)}</td></tr>`;
      })}</tbody>
    </table></div>
    <p class=${result.reachable ? 'verdict' : 'warning'} role=${result.reachable ? 'status' : 'alert'}>${result.message}</p>
    <div class="scroll" tabindex="0"><table data-fitted><caption>The settings the fit chose</caption>
      <thead><tr><th scope="col">Setting</th><th scope="col">Before</th><th scope="col">Fitted</th></tr></thead>
      <tbody>
        <tr><th scope="row">${paramLabel('releasePolicy')}</th><td colspan="2">${result.params.releasePolicy}</td></tr>
        <tr><th scope="row">${paramLabel('rollbackAvailable')}</th><td colspan="2">${result.params.rollbackAvailable ? 'yes' : 'no'}</td></tr>
        ${result.fitted.map(({ id, from, to, atLimit }) => html`<tr><th scope="row">${paramLabel(id)}</th><td>${paramValue(id, from)}</td><td>${paramValue(id, to)}${atLimit ? ' (at the end of its range)' : ''}</td></tr>`)}
      </tbody>
    </table></div>`;
}

/**
 * A comparison of a team's options: each option's figures as median and p10–p90 over the seeds,
 * and a button that loads the option into the simulator.
 */
export function planView(plan: PlanComparison, load: (row: PlanRow) => void) {
  const shown = (id: (typeof PLAN_FIGURES)[number], value: number | null) => {
    if (value === null) return '–';
    const figure = summaryFigure(id);
    return 'share' in figure && figure.share
      ? `${formatNumber(value * 100)}%`
      : formatNumber(value);
  };
  const cell = (row: PlanRow, id: (typeof PLAN_FIGURES)[number]) => {
    const { p10, p50, p90 } = row.figures[id];
    return html`<td>${shown(id, p50)}<br /><small>${shown(id, p10)} – ${shown(id, p90)}</small></td>`;
  };
  const unit = (id: (typeof PLAN_FIGURES)[number]) => {
    const figure = summaryFigure(id);
    return 'share' in figure && figure.share ? '' : ` (${figure.unit})`;
  };
  return html`<p>Each option starts on working day ${plan.day}, after the warm-up, and is measured over the ${plan.days - plan.day} working days after it, on the same ${plan.runs} seeds: the median, and below it the p10 – p90 range.</p>
    <div class="scroll" tabindex="0"><table data-plan><caption>Your team's options</caption>
      <thead><tr><th scope="col">Option</th>${PLAN_FIGURES.map((id) => html`<th scope="col">${summaryFigure(id).label}${unit(id)}</th>`)}<th scope="col"><span class="visually-hidden">Load</span></th></tr></thead>
      <tbody>${plan.rows.map((row) => html`<tr><th scope="row">${row.label}</th>${PLAN_FIGURES.map((id) => cell(row, id))}<td><button type="button" @click=${() => load(row)}>Load<span class="visually-hidden"> ${row.label}</span></button></td></tr>`)}</tbody>
    </table></div>`;
}
