import { scaleLinear } from 'd3';
import { areaPath, linePath } from './paths.ts';

/** One thing drawn on a time chart. */
export interface ChartLayer {
  id: string;
  label: string;
  kind: 'line' | 'area' | 'band' | 'dots';
  /** Values by working day (or, for dots, by `x`). */
  values: ArrayLike<number>;
  /** The lower edge of a band. */
  lower?: ArrayLike<number>;
  /** Days of each value, for dots. */
  x?: ArrayLike<number>;
  color: string;
  dash?: string;
  /** Drawn faintly: the pinned baseline under the current scenario. */
  muted?: boolean;
}

/** An event marker on the time axis. */
export interface ChartMarker {
  day: number;
  kind: 'delayed' | 'failed' | 'intervention' | 'shock';
  caption: string;
}

/** A note on a chart: a point in the run the text beside it talks about. */
export interface ChartAnnotation {
  day: number;
  label: string;
}

/** What a time chart shows, independent of how it is drawn. */
export interface ChartInput {
  title: string;
  yLabel: string;
  days: number;
  layers: ChartLayer[];
  /** Area layers stack on one another in order. */
  stacked?: boolean;
  markers?: ChartMarker[];
  width: number;
  height: number;
  /** Format of a y value for ticks and readouts. */
  format?: (value: number) => string;
  /** Play mode: draw only the days before this one, on the full time axis. */
  revealDays?: number;
  /** The top of the y axis at least this high, so charts side by side share a scale. */
  yAtLeast?: number;
  /** Notes to draw on the chart (the story's), each at its day. */
  annotations?: ChartAnnotation[];
  /** Size of the chart's text in pixels (11 unless a room needs it larger); the margins follow. */
  textSize?: number;
}

/** A drawn path with its style. */
export interface ChartPath {
  id: string;
  label: string;
  kind: ChartLayer['kind'];
  d: string;
  color: string;
  dash: string;
  muted: boolean;
}

/** The geometry of a time chart: plain data, so it can be snapshot-tested without a browser. */
export interface ChartModel {
  width: number;
  height: number;
  plot: { left: number; top: number; width: number; height: number };
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  paths: ChartPath[];
  dots: { id: string; cx: number; cy: number; color: string; muted: boolean }[];
  /** Event markers, drawn in a strip above the plot so they never cover the data. */
  markers: { x: number; kind: ChartMarker['kind']; caption: string }[];
  annotations: { x: number; label: string; anchor: 'start' | 'end' }[];
  yMax: number;
}

/** The chart's usual text size, in pixels. */
export const CHART_TEXT_SIZE = 11;

/** Room around the plot at the usual text size; the top holds the event markers' strip. */
const MARGIN = { left: 58, right: 12, top: 22, bottom: 34 };

/** Compact numbers for ticks: 1.2k, 35k, 0.25. */
export function formatCompact(value: number): string {
  const size = Math.abs(value);
  if (size >= 1e6) return `${Number((value / 1e6).toPrecision(3))}M`;
  if (size >= 1e3) return `${Number((value / 1e3).toPrecision(3))}k`;
  if (size >= 1 || size === 0) return String(Number(value.toPrecision(3)));
  return String(Number(value.toPrecision(2)));
}

function stackedTops(layers: ChartLayer[], days: number): Float64Array[] {
  const tops: Float64Array[] = [];
  let running = new Float64Array(days);
  for (const layer of layers) {
    const top = new Float64Array(days);
    for (let day = 0; day < days; day++) top[day] = running[day] + (layer.values[day] ?? 0);
    tops.push(top);
    running = top;
  }
  return tops;
}

function finiteMax(values: ArrayLike<number>, limit: number): number {
  let max = 0;
  for (let i = 0; i < Math.min(values.length, limit); i++)
    if (values[i] > max && Number.isFinite(values[i])) max = values[i];
  return max;
}

/** Lays out a time chart: scales, ticks, one path per layer, dots and event markers. */
export function timeChartModel(input: ChartInput): ChartModel {
  const { width, height, days } = input;
  const format = input.format ?? formatCompact;
  const grow = (input.textSize ?? CHART_TEXT_SIZE) / CHART_TEXT_SIZE;
  const margin = {
    left: MARGIN.left * grow,
    right: MARGIN.right,
    top: MARGIN.top * grow,
    bottom: MARGIN.bottom * grow,
  };
  const plot = {
    left: margin.left,
    top: margin.top,
    width: Math.max(10, width - margin.left - margin.right),
    height: Math.max(10, height - margin.top - margin.bottom),
  };
  const areas = input.layers.filter((layer) => layer.kind === 'area');
  const tops = input.stacked ? stackedTops(areas, days) : [];
  let yMax = 0;
  for (const top of tops) yMax = Math.max(yMax, finiteMax(top, days));
  for (const layer of input.layers) {
    if (input.stacked && layer.kind === 'area') continue;
    yMax = Math.max(
      yMax,
      finiteMax(layer.values, layer.kind === 'dots' ? layer.values.length : days),
    );
  }
  yMax = Math.max(yMax, input.yAtLeast ?? 0);
  const x = scaleLinear()
    .domain([0, Math.max(1, days)])
    .range([plot.left, plot.left + plot.width]);
  const y = scaleLinear()
    .domain([0, yMax > 0 ? yMax : 1])
    .range([plot.top + plot.height, plot.top])
    .nice(5);
  const shown = Math.max(0, Math.min(days, input.revealDays ?? days));
  // Both scales are linear from zero: plain arithmetic is much cheaper than calling them per point.
  const x0 = x(0);
  const xStep = x(1) - x0;
  const y0 = y(0);
  const yStep = y(1) - y0;
  const toX = (day: number) => x0 + day * xStep;
  const toY = (value: number) => y0 + value * yStep;
  const paths: ChartPath[] = [];
  const dots: ChartModel['dots'] = [];

  for (const layer of input.layers) {
    const base = {
      id: layer.id,
      label: layer.label,
      kind: layer.kind,
      color: layer.color,
      dash: layer.dash ?? '',
      muted: Boolean(layer.muted),
    };
    if (layer.kind === 'dots') {
      for (let i = 0; i < layer.values.length; i++) {
        if ((layer.x?.[i] ?? i) >= shown) continue;
        dots.push({
          id: layer.id,
          cx: x(layer.x?.[i] ?? i),
          cy: y(layer.values[i]),
          color: layer.color,
          muted: base.muted,
        });
      }
      continue;
    }
    if (layer.kind === 'area' && input.stacked) {
      const areaIndex = areas.indexOf(layer);
      const lower = areaIndex > 0 ? tops[areaIndex - 1] : null;
      const upper = tops[areaIndex];
      const d = areaPath(
        shown,
        toX,
        (day) => upper[day],
        (day) => (lower ? lower[day] : 0),
        toY,
      );
      paths.push({ ...base, d });
      continue;
    }
    if (layer.kind === 'band' || layer.kind === 'area') {
      const lower = layer.lower;
      const d = areaPath(
        shown,
        toX,
        (day) => layer.values[day],
        (day) => (lower ? lower[day] : 0),
        toY,
      );
      paths.push({ ...base, d });
      continue;
    }
    paths.push({ ...base, d: linePath(shown, toX, (day) => layer.values[day], toY) });
  }

  return {
    width,
    height,
    plot,
    xTicks: x
      .ticks(Math.max(2, Math.floor(plot.width / (90 * grow))))
      .map((tick) => ({ x: x(tick), label: String(tick) })),
    yTicks: y.ticks(5).map((tick) => ({ y: y(tick), label: format(tick) })),
    paths,
    dots,
    markers: (input.markers ?? [])
      .filter((m) => m.day >= 0 && m.day <= days && m.day < shown)
      .map((m) => ({ x: x(m.day), kind: m.kind, caption: m.caption })),
    annotations: (input.annotations ?? [])
      .filter((a) => a.day >= 0 && a.day <= days && a.day <= shown + 1)
      .map((a) => ({
        x: x(a.day),
        label: a.label,
        // A note near the right edge reads leftwards, so it stays on the chart.
        anchor: x(a.day) > plot.left + plot.width * 0.6 ? 'end' : 'start',
      })),
    yMax: y.domain()[1],
  };
}

/** The working day under a horizontal pixel position, clamped to the run. */
export function dayAt(model: ChartModel, px: number, days: number): number {
  const share = (px - model.plot.left) / model.plot.width;
  return Math.max(0, Math.min(days - 1, Math.round(share * days)));
}
