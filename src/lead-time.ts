/**
 * A log-spaced histogram of lead times weighted by lines: quantiles without keeping every
 * sample, and cheap to merge across runs.
 */
export interface LeadTimeHistogram {
  /** Lines per bin. */
  readonly weights: Float64Array;
  /** Lines with a lead time of zero (below the first bin). */
  zeroWeight: number;
  /** Total lines recorded. */
  total: number;
  /** Sum of lines × lead time, for the exact mean. */
  weightedSum: number;
}

const MIN_DAYS = 1e-4;
const BINS_PER_DECADE = 60;
const DECADES = 9;
const BIN_COUNT = BINS_PER_DECADE * DECADES;
const LOG_MIN = Math.log10(MIN_DAYS);

/** An empty histogram. */
export function createLeadTimeHistogram(): LeadTimeHistogram {
  return { weights: new Float64Array(BIN_COUNT), zeroWeight: 0, total: 0, weightedSum: 0 };
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
  const bin = Math.min(BIN_COUNT - 1, Math.floor((Math.log10(days) - LOG_MIN) * BINS_PER_DECADE));
  histogram.weights[bin] += lines;
}

/** The lead time below which a share `q` of lines fall (0 when nothing was recorded). */
export function leadTimeQuantile(histogram: LeadTimeHistogram, q: number): number {
  if (histogram.total <= 0) return 0;
  const target = q * histogram.total;
  let cumulative = histogram.zeroWeight;
  if (cumulative >= target) return 0;
  for (let bin = 0; bin < BIN_COUNT; bin++) {
    const weight = histogram.weights[bin];
    if (weight > 0 && cumulative + weight >= target) {
      // Interpolate in log space inside the bin.
      const within = (target - cumulative) / weight;
      return 10 ** (LOG_MIN + (bin + within) / BINS_PER_DECADE);
    }
    cumulative += weight;
  }
  return 10 ** (LOG_MIN + DECADES);
}

/** The mean lead time over all recorded lines (0 when nothing was recorded). */
export function leadTimeMean(histogram: LeadTimeHistogram): number {
  return histogram.total > 0 ? histogram.weightedSum / histogram.total : 0;
}
