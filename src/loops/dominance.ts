import { exp, log } from '../model/portable-math.ts';
import type { SeriesSet } from '../outputs/series.ts';
import {
  FEEDBACK_LOOPS,
  type FeedbackLoop,
  LOOP_NODES,
  type LoopNode,
  linksOf,
  loopNode,
} from './structure.ts';

/** Working days of the trailing span a node's trend is fitted over (about a quarter). */
export const TREND_WINDOW_DAYS = 60;

/** The longest trend span, for teams whose releases are months apart (a year). */
export const MAX_TREND_WINDOW_DAYS = 260;

/** Working days each node's shown value averages. */
export const VALUE_WINDOW_DAYS = 10;

/** The smallest trend (log change per month, about 3%) that counts as a node moving. */
export const CHANGE_THRESHOLD = 0.03;

/** How many standard errors a trend must clear to count as a move rather than noise. */
export const SIGNIFICANCE = 2;

/** Working days in a month, for rates. */
const MONTH_DAYS = 20;

/**
 * Which loops are at work, day by day.
 *
 * The method: each node's trend is the least-squares slope of the logarithm of its value (plus the
 * node's noise floor, so a move from nearly nothing is not infinite) over the last 60 working days
 * (two release gaps when releases are further apart, up to a year), per month. A node moves when its
 * trend is at least 3% a month and at least twice its standard error (a chance slope is no move). A loop is at work when no link
 * between two moving nodes goes against its polarity and the change has travelled round it: for a
 * reinforcing loop, every node moves but at most one (a stock can sit still for weeks while a
 * release waits), so the change feeds itself; for a balancing loop, every node moves, so a change
 * has reached the link that pushes back. A loop's activity is the geometric mean of its moving
 * nodes' trends, scaled by the share of its nodes that move; the dominant loop is the one at work
 * with the largest mean activity over the last ten working days, or none when no loop is at work
 * (the team is steady).
 */
export interface LoopTimeline {
  days: number;
  /** Each node's mean over the ten working days ending each day, in its own unit. */
  nodeValues: Record<string, Float64Array>;
  /** Each node's trend (log change per month) over the span ending each day; 0 for the first 60 days. */
  nodeChanges: Record<string, Float64Array>;
  /** Each loop's activity each day (0 when it is not at work). */
  activity: Record<string, Float64Array>;
  /** Each loop's direction each day: 1 when its first node is rising, −1 falling, 0 at rest. */
  direction: Record<string, Int8Array>;
  /** Index into FEEDBACK_LOOPS of the dominant loop each day, −1 when no loop is at work. */
  dominant: Int16Array;
}

/** The per-day signal a node averages: its series summed, held between events, or scaled to a monthly rate. */
function nodeSignal(node: LoopNode, series: SeriesSet, days: number): Float64Array {
  const signal = new Float64Array(days);
  const reading = node.reading;
  if (reading.kind === 'mean') {
    for (const id of reading.series) {
      const values = series[id];
      for (let day = 0; day < days; day++) signal[day] += values[day];
    }
  } else if (reading.kind === 'held') {
    const values = series[reading.series];
    let current = 0;
    for (let day = 0; day < days; day++) {
      if (values[day] > 0) current = values[day];
      signal[day] = current;
    }
  } else if (reading.kind === 'rate') {
    const values = series[reading.series];
    for (let day = 0; day < days; day++) signal[day] = values[day] * MONTH_DAYS;
  } else {
    const deployments = series.deployments;
    let last = -1;
    let gap = 0;
    for (let day = 0; day < days; day++) {
      if (deployments[day] > 0) {
        // Several deployments a day mean a gap of a fraction of a day.
        gap = last < 0 ? day + 1 : Math.min(day - last, 1 / deployments[day]);
        if (day - last > 1) gap = day - last;
        last = day;
      }
      signal[day] = Math.max(gap, last < 0 ? day + 1 : day - last);
    }
  }
  return signal;
}

function prefixSums(values: Float64Array): Float64Array {
  const sums = new Float64Array(values.length + 1);
  for (let i = 0; i < values.length; i++) sums[i + 1] = sums[i] + values[i];
  return sums;
}

function meanOver(sums: Float64Array, from: number, to: number): number {
  return (sums[to] - sums[from]) / (to - from);
}

/** A loop's shape as the daily reading needs it: whether it reinforces and its links' polarities. */
interface LoopPlan {
  reinforcing: boolean;
  polarities: Int8Array;
}

function planOf(loop: FeedbackLoop): LoopPlan {
  return {
    reinforcing: loop.kind === 'reinforcing',
    polarities: Int8Array.from(linksOf(loop), (link) => link.polarity),
  };
}

/**
 * A loop's activity and direction from its nodes' trends in path order (`changes[i]` is the trend
 * of the i-th node, whose link goes to node i + 1 and, for the last, back to the first).
 */
function activityOf(
  plan: LoopPlan,
  changes: ArrayLike<number>,
): { activity: number; direction: -1 | 0 | 1 } {
  const n = changes.length;
  const checked = plan.reinforcing ? n : n - 1;
  for (let i = 0; i < checked; i++) {
    const a = changes[i];
    const b = changes[(i + 1) % n];
    if (
      Math.abs(a) >= CHANGE_THRESHOLD &&
      Math.abs(b) >= CHANGE_THRESHOLD &&
      Math.sign(b) !== plan.polarities[i] * Math.sign(a)
    )
      return { activity: 0, direction: 0 };
  }
  let movers = 0;
  let logSum = 0;
  let first = -1;
  for (let i = 0; i < n; i++) {
    if (Math.abs(changes[i]) < CHANGE_THRESHOLD) continue;
    movers++;
    logSum += log(Math.abs(changes[i]));
    if (first < 0) first = i;
  }
  const flatAllowed = plan.reinforcing ? 1 : 0;
  if (movers < 2 || n - movers > flatAllowed) return { activity: 0, direction: 0 };
  // Which way the first node turns, read back through the polarities from the first node that moves.
  let sign = changes[first] > 0 ? 1 : -1;
  for (let i = 0; i < first; i++) sign *= plan.polarities[i];
  return { activity: exp(logSum / movers) * (movers / n), direction: sign as -1 | 1 };
}

/** How strongly a loop is at work given each node's trend, and which way it turns (0 when at rest). */
export function loopActivity(
  loop: FeedbackLoop,
  change: (node: string) => number,
): { activity: number; direction: -1 | 0 | 1 } {
  return activityOf(planOf(loop), loop.path.map(change));
}

/** Least-squares slope of log(signal + floor) over the trailing span ending each day, per month. */
function trends(
  signal: Float64Array,
  floor: number,
  spans: Int32Array,
  gaps: Float64Array,
): Float64Array {
  const days = signal.length;
  const out = new Float64Array(days);
  // Running sums of y and of day × y make each day's fit constant time, whatever its span.
  const sumY = new Float64Array(days + 1);
  const sumDayY = new Float64Array(days + 1);
  const sumYY = new Float64Array(days + 1);
  for (let day = 0; day < days; day++) {
    const y = log(Math.max(0, signal[day]) + floor);
    sumY[day + 1] = sumY[day] + y;
    sumDayY[day + 1] = sumDayY[day] + day * y;
    sumYY[day + 1] = sumYY[day] + y * y;
  }
  for (let day = TREND_WINDOW_DAYS - 1; day < days; day++) {
    const end = day + 1;
    const span = Math.min(end, spans[day]);
    const start = end - span;
    const meanX = (span - 1) / 2;
    const sxx = (span * (span * span - 1)) / 12;
    const sy = sumY[end] - sumY[start];
    const sxy = sumDayY[end] - sumDayY[start] - start * sy;
    const slope = (sxy - meanX * sy) / sxx;
    // A slope the scatter around the fitted line could produce by chance is no trend.
    const syy = sumYY[end] - sumYY[start] - (sy * sy) / span;
    const residual = Math.max(0, syy - slope * slope * sxx);
    // Days within one release cycle move together (a sawtooth), so the span holds about one
    // independent observation per release gap, not one per day: the error grows accordingly.
    const dependence = Math.max(1, Math.min(span / 3, gaps[day]));
    const standardError = Math.sqrt((residual / (span - 2) / sxx) * dependence);
    out[day] = Math.abs(slope) >= SIGNIFICANCE * standardError ? slope * MONTH_DAYS : 0;
  }
  return out;
}

/**
 * The trend span for each day: 60 working days, or two release gaps when releases are further
 * apart, so a stock that only moves when a release ships is judged over whole release cycles.
 */
function trendSpans(gaps: Float64Array): Int32Array {
  const spans = new Int32Array(gaps.length);
  for (let day = 0; day < gaps.length; day++)
    spans[day] = Math.round(
      Math.min(MAX_TREND_WINDOW_DAYS, Math.max(TREND_WINDOW_DAYS, 2 * gaps[day])),
    );
  return spans;
}

/** Reads the diagram's node values and the loops at work for every day of a run. */
export function loopTimeline(series: SeriesSet, days: number): LoopTimeline {
  const nodeValues: Record<string, Float64Array> = {};
  const nodeChanges: Record<string, Float64Array> = {};
  const gaps = nodeSignal(loopNode('interval'), series, days);
  const spans = trendSpans(gaps);
  for (const node of LOOP_NODES) {
    const signal = nodeSignal(node, series, days);
    const sums = prefixSums(signal);
    const values = new Float64Array(days);
    for (let day = 0; day < days; day++)
      values[day] = meanOver(sums, Math.max(0, day + 1 - VALUE_WINDOW_DAYS), day + 1);
    nodeValues[node.id] = values;
    nodeChanges[node.id] = trends(signal, node.floor, spans, gaps);
  }

  const activity: Record<string, Float64Array> = {};
  const direction: Record<string, Int8Array> = {};
  for (const loop of FEEDBACK_LOOPS) {
    activity[loop.id] = new Float64Array(days);
    direction[loop.id] = new Int8Array(days);
  }
  for (const loop of FEEDBACK_LOOPS) {
    const plan = planOf(loop);
    const columns = loop.path.map((node) => nodeChanges[node]);
    const changes = new Float64Array(columns.length);
    for (let day = 0; day < days; day++) {
      for (let i = 0; i < columns.length; i++) changes[i] = columns[i][day];
      const reading = activityOf(plan, changes);
      activity[loop.id][day] = reading.activity;
      direction[loop.id][day] = reading.direction;
    }
  }
  // Dominance goes by activity over the last ten days, so a loop does not flicker in and out
  // with each release; a loop must be at work today to dominate.
  const dominant = new Int16Array(days).fill(-1);
  const sums = FEEDBACK_LOOPS.map((loop) => prefixSums(activity[loop.id]));
  for (let day = 0; day < days; day++) {
    let best = 0;
    FEEDBACK_LOOPS.forEach((loop, index) => {
      if (activity[loop.id][day] === 0) return;
      const recent = meanOver(sums[index], Math.max(0, day + 1 - VALUE_WINDOW_DAYS), day + 1);
      if (recent > best) {
        best = recent;
        dominant[day] = index;
      }
    });
  }
  return { days, nodeValues, nodeChanges, activity, direction, dominant };
}
