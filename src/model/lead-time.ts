/**
 * A histogram of lead times weighted by lines: quantiles without keeping every sample, and cheap
 * to merge across runs. Bins are geometric (each 4% wider than the last, from a tenth of a
 * second's worth of a working day up to ~40,000 years), and their edges are built by repeated
 * multiplication, so the same run bins the same way on every JavaScript engine.
 */
export interface LeadTimeHistogram {
  /** Lines per bin. */
  readonly weights: Float64Array;
  /** Lines with a lead time below the first edge. */
  zeroWeight: number;
  /** Total lines recorded. */
  total: number;
  /** Sum of lines × lead time, for the exact mean. */
  weightedSum: number;
}

const MIN_DAYS = 1e-4;
const GROWTH = 1.04;
const BIN_COUNT = 530;

/** Bin edges in working days: edge i is MIN_DAYS × GROWTH^i, by repeated multiplication. */
const EDGES: Float64Array = (() => {
  const edges = new Float64Array(BIN_COUNT + 1);
  edges[0] = MIN_DAYS;
  for (let i = 1; i <= BIN_COUNT; i++) edges[i] = edges[i - 1] * GROWTH;
  return edges;
})();

/** An empty histogram. */
export function createLeadTimeHistogram(): LeadTimeHistogram {
  return { weights: new Float64Array(BIN_COUNT), zeroWeight: 0, total: 0, weightedSum: 0 };
}

/** The bin holding `days` (binary search over the edges; the last bin takes anything longer). */
function binOf(days: number): number {
  let low = 0;
  let high = BIN_COUNT - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (EDGES[middle] <= days) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Records `lines` that took `days` from commit to production. */
export function recordLeadTime(histogram: LeadTimeHistogram, days: number, lines: number): void {
  if (!(lines > 0)) return;
  histogram.total += lines;
  histogram.weightedSum += lines * days;
  if (days < MIN_DAYS) {
    histogram.zeroWeight += lines;
    return;
  }
  histogram.weights[binOf(days)] += lines;
}

/**
 * Records `lines` whose lead times spread evenly from `from` to `to` working days: a day's
 * commits shipped together in one release waited from a whole day to none longer than each other.
 */
export function recordLeadTimeSpread(
  histogram: LeadTimeHistogram,
  from: number,
  to: number,
  lines: number,
): void {
  if (!(lines > 0)) return;
  if (!(to > from)) {
    recordLeadTime(histogram, from, lines);
    return;
  }
  histogram.total += lines;
  histogram.weightedSum += lines * ((from + to) / 2);
  const perDay = lines / (to - from);
  let start = from;
  if (start < MIN_DAYS) {
    const below = Math.min(to, MIN_DAYS) - start;
    histogram.zeroWeight += below * perDay;
    start = MIN_DAYS;
    if (to <= MIN_DAYS) return;
  }
  for (let bin = binOf(start); bin < BIN_COUNT && start < to; bin++) {
    const end = bin === BIN_COUNT - 1 ? to : Math.min(to, EDGES[bin + 1]);
    histogram.weights[bin] += (end - start) * perDay;
    start = end;
  }
}

/** The lead time below which a share `q` of lines fall (0 when nothing was recorded); linear within a bin. */
export function leadTimeQuantile(histogram: LeadTimeHistogram, q: number): number {
  if (histogram.total <= 0) return 0;
  const target = q * histogram.total;
  let cumulative = histogram.zeroWeight;
  if (cumulative >= target) return 0;
  for (let bin = 0; bin < BIN_COUNT; bin++) {
    const weight = histogram.weights[bin];
    if (weight > 0 && cumulative + weight >= target) {
      const within = (target - cumulative) / weight;
      return EDGES[bin] + (EDGES[bin + 1] - EDGES[bin]) * within;
    }
    cumulative += weight;
  }
  return EDGES[BIN_COUNT];
}
