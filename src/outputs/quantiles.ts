/** The 10th, 50th and 90th percentiles of a figure across runs; null when no run had the figure. */
export interface Percentiles {
  p10: number | null;
  p50: number | null;
  p90: number | null;
}

/** Per-day percentile bands of one series across runs. */
export interface Band {
  p10: Float64Array;
  p50: Float64Array;
  p90: Float64Array;
}

/** The value below which a share `q` of the sorted values fall, interpolated. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return 0;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/** The median of the values that are there (null ones are runs with nothing to measure); null if none are. */
export function medianOf(values: readonly (number | null)[]): number | null {
  const present = values.filter((value): value is number => value !== null).sort((a, b) => a - b);
  return present.length > 0 ? quantileSorted(present, 0.5) : null;
}

/** Percentiles of the runs that have the figure (NaN marks a run without it). */
export function percentilesOf(all: Float64Array): Percentiles {
  const values = all.filter((value) => !Number.isNaN(value));
  if (values.length === 0) return { p10: null, p50: null, p90: null };
  values.sort();
  return {
    p10: quantileSorted(values, 0.1),
    p50: quantileSorted(values, 0.5),
    p90: quantileSorted(values, 0.9),
  };
}

/** Puts the k-th smallest value at index k, smaller ones before it and larger after (Hoare's quickselect). */
function select(values: Float32Array, k: number, from: number, to: number): void {
  let left = from;
  let right = to;
  while (right > left) {
    const pivot = values[(left + right) >> 1];
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const swap = values[i];
        values[i] = values[j];
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

/**
 * The quantile q of all values, interpolated like quantileSorted, by selecting within
 * [from, to], a range already known to hold that order statistic and the next.
 */
export function selectQuantile(values: Float32Array, q: number, from: number, to: number): number {
  const last = values.length - 1;
  const position = last * q;
  const below = Math.floor(position);
  select(values, below, from, to);
  if (below === last) return values[below];
  // After selection the next order statistic is the smallest value above `below`.
  let next = values[below + 1];
  for (let i = below + 2; i <= last; i++) if (values[i] < next) next = values[i];
  return values[below] + (next - values[below]) * (position - below);
}

/**
 * Per-day p10/p50/p90 of a run-major sample store (`runs` rows of `days` values each), by
 * selection rather than sorting: this pass is most of a large Monte Carlo's time.
 */
export function bandOf(store: Float32Array, runs: number, days: number): Band {
  const band: Band = {
    p10: new Float64Array(days),
    p50: new Float64Array(days),
    p90: new Float64Array(days),
  };
  const column = new Float32Array(runs);
  const last = runs - 1;
  for (let day = 0; day < days; day++) {
    let lowest = Number.POSITIVE_INFINITY;
    let highest = Number.NEGATIVE_INFINITY;
    for (let run = 0; run < runs; run++) {
      const value = store[run * days + day];
      column[run] = value;
      if (value < lowest) lowest = value;
      if (value > highest) highest = value;
    }
    if (lowest === highest) {
      // Most days of event series are zero in every run: nothing to select.
      band.p10[day] = band.p50[day] = band.p90[day] = lowest;
      continue;
    }
    band.p50[day] = selectQuantile(column, 0.5, 0, last);
    band.p10[day] = selectQuantile(column, 0.1, 0, Math.floor(last * 0.5));
    band.p90[day] = selectQuantile(column, 0.9, Math.floor(last * 0.5) + 1, last);
  }
  return band;
}
