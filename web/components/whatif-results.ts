import { html, svg } from 'lit';
import type { Calibration } from '../../src/analysis/calibrate';
import type { Improvement, ValueStream } from '../../src/analysis/constraints';
import type { BatchSizeCurve } from '../../src/analysis/economics';
import { RESILIENCE_LABELS, type ResilienceReport } from '../../src/analysis/resilience';
import type { SensitivityBar } from '../../src/analysis/sensitivity';
import type { CriticalValue, TippingCurve } from '../../src/analysis/tipping';
import { PALETTE } from '../charts/palette';

const fmt = (v: number | null, digits = 3) =>
  v === null || !Number.isFinite(v) ? '–' : String(Number(v.toPrecision(digits)));

/** A tornado chart: one bar per parameter, longest first, with the range moved and the metric at each end. */
export function tornado(bars: SensitivityBar[], metric: string) {
  const top = bars.slice(0, 15);
  const widest = top[0]?.swing || 1;
  const row = 22;
  return html`<svg viewBox=${`0 0 640 ${top.length * row + 10}`} role="img" aria-label=${`Tornado chart of ${metric}: ${top.map((b) => `${b.label} ${fmt(b.metricAtLow)} to ${fmt(b.metricAtHigh)}`).join('; ')}`}>
    ${top.map(
      (b, i) => svg`<text x="0" y=${i * row + 15} font-size="12">${b.label}</text>
        <rect x="230" y=${i * row + 4} width=${Math.max(1, (b.swing / widest) * 250)} height="14" fill=${(b.metricAtHigh ?? 0) >= (b.metricAtLow ?? 0) ? PALETTE.vermillion : PALETTE.blue}></rect>
        <text x=${236 + (b.swing / widest) * 250} y=${i * row + 15} font-size="11">${fmt(b.metricAtLow)} → ${fmt(b.metricAtHigh)} (${fmt(b.low)}…${fmt(b.high)})</text>`,
    )}
  </svg>`;
}

/** The batch-size U-curve: total cost per day over release intervals, the minimum and the closed form marked. */
export function uCurve(curve: BatchSizeCurve) {
  const w = 600;
  const h = 200;
  const xs = curve.points.map((p) => p.intervalDays);
  const max = Math.max(...curve.points.map((p) => p.totalCostPerDay));
  const x = (v: number) => 50 + ((v - xs[0]) / (xs[xs.length - 1] - xs[0] || 1)) * (w - 60);
  const y = (v: number) => h - 30 - (v / (max || 1)) * (h - 45);
  const path = (pick: (p: BatchSizeCurve['points'][number]) => number) =>
    curve.points
      .map((p, i) => `${i ? 'L' : 'M'}${x(p.intervalDays).toFixed(1)},${y(pick(p)).toFixed(1)}`)
      .join('');
  return html`<svg viewBox=${`0 0 ${w} ${h}`} role="img" aria-label=${`Cost per working day over release intervals from ${fmt(xs[0])} to ${fmt(xs[xs.length - 1])} days; cheapest at ${fmt(curve.minimum.intervalDays)} days; closed form ${fmt(curve.economicIntervalDays)} days.`}>
    <path d=${path((p) => p.totalCostPerDay)} fill="none" stroke=${PALETTE.black} stroke-width="2.5"></path>
    <path d=${path((p) => p.holdingCostPerDay)} fill="none" stroke=${PALETTE.orange} stroke-width="2" stroke-dasharray="6 3"></path>
    <path d=${path((p) => p.transactionCostPerDay)} fill="none" stroke=${PALETTE.blue} stroke-width="2" stroke-dasharray="2 3"></path>
    <circle cx=${x(curve.minimum.intervalDays)} cy=${y(curve.minimum.totalCostPerDay)} r="5" fill=${PALETTE.green}></circle>
    ${Number.isFinite(curve.economicIntervalDays) && curve.economicIntervalDays <= xs[xs.length - 1] ? svg`<line x1=${x(curve.economicIntervalDays)} x2=${x(curve.economicIntervalDays)} y1="10" y2=${h - 30} stroke=${PALETTE.green} stroke-dasharray="4 4"></line>` : null}
    <line x1="50" x2=${w - 10} y1=${h - 30} y2=${h - 30} stroke="#6b7280"></line>
    <text x=${w / 2} y=${h - 8} text-anchor="middle" font-size="12">release interval (working days) ${fmt(xs[0])} → ${fmt(xs[xs.length - 1])}</text>
  </svg>
  <p>Black: total cost per working day; dashed orange: holding cost of undeployed code; dotted blue: deployment cost. Cheapest at <strong>${fmt(curve.minimum.intervalDays)} working days</strong> (green dot); the closed form sqrt(2K/(h r)) gives ${fmt(curve.economicIntervalDays)} (green line), counting holding and deployment costs only.</p>`;
}

/** The value stream as stage bars, and what halving each stage buys. */
export function valueStreamView(base: ValueStream, ranking: Improvement[]) {
  return html`<svg viewBox="0 0 640 ${base.stages.length * 24 + 10}" role="img" aria-label=${`Where the lead time goes: ${base.stages.map((s) => `${s.label} ${fmt(s.calendarDays)} days`).join('; ')}. The constraint is ${base.constraint}.`}>
      ${base.stages.map(
        (
          s,
          i,
        ) => svg`<text x="0" y=${i * 24 + 16} font-size="12">${s.label}${s.stage === base.constraint ? ' (constraint)' : ''}</text>
          <rect x="300" y=${i * 24 + 5} width=${Math.max(1, s.share * 300)} height="15" fill=${s.kind === 'wait' ? PALETTE.orange : PALETTE.blue}></rect>
          <text x=${306 + s.share * 300} y=${i * 24 + 16} font-size="11">${fmt(s.calendarDays)} days (${Math.round(s.share * 100)}%, ${s.kind})</text>`,
      )}
    </svg>
    <table><caption>Halving each stage in turn</caption>
      <thead><tr><th scope="col">Stage</th><th scope="col">Lead time</th><th scope="col">Restore</th><th scope="col">Undeployed code</th></tr></thead>
      <tbody>${ranking.map((r) => html`<tr><th scope="row">${r.label}</th><td>${fmt(r.leadTimeChange)} days</td><td>${fmt(r.restoreChange)} h</td><td>${fmt(r.wipChange)} lines</td></tr>`)}</tbody>
    </table>`;
}

/** The resilience report in words. */
export function resilienceView(report: ResilienceReport) {
  const line = (name: string, r: ResilienceReport['slip']) =>
    html`<li>${name}: <strong>${r.outcome}</strong>; undeployed code ${fmt(r.before)} lines before, peak ${fmt(r.peak)}, end ${fmt(r.end)}; half-life ${r.halfLifeDays === null ? 'never' : `${r.halfLifeDays} working days`}.</li>`;
  return html`<p class="verdict">This team ${RESILIENCE_LABELS[report.resilience]}.</p>
    <ul>${line('A release slips three weeks', report.slip)}${line('A major incident takes half the team for 80 hours', report.incident)}
      <li>Distance to the tipping point: fewer than half of ${report.seeds} seeds spiral after a one-time slip of up to <strong>${report.slipToleranceDays} working days</strong>.</li></ul>`;
}

/** The tipping-point answer in words. */
export function tippingView(result: TippingCurve & { critical: CriticalValue }) {
  const c = result.critical;
  return html`<p class="verdict">Slip tolerance: fewer than half of ${result.seeds} seeds spiral after a one-time slip of up to ${result.slipToleranceDays} working days.</p>
    <p>${result.points.map((point) => `${point.slipDays} days: ${Math.round(point.tippedShare * 100)}%`).join(' · ')}</p>
    <p>${
      c.value === null
        ? `${c.param}: no tipping point between ${fmt(c.range[0])} and ${fmt(c.range[1])} (${c.outcomeAtLow} at one end, ${c.outcomeAtHigh} at the other).`
        : `${c.param}: after the standard slip the team spirals ${c.spiralsWhen} ${fmt(c.value, 4)}.`
    }</p>`;
}

/** The calibration fit, target against simulated. */
export function calibrationView(result: Calibration) {
  return html`<table><caption>Your team and the fitted model</caption>
      <thead><tr><th scope="col">Metric</th><th scope="col">Your team</th><th scope="col">Fitted model</th></tr></thead>
      <tbody>${result.fit.map((f) => html`<tr><th scope="row">${f.metric}</th><td>${fmt(f.target)}</td><td>${fmt(f.simulated)}</td></tr>`)}</tbody>
    </table>
    <p class=${result.reachable ? 'verdict' : 'warning'} role=${result.reachable ? 'status' : 'alert'}>${result.message}</p>`;
}
