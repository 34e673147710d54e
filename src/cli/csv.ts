import type { MonteCarloResult } from '../monte-carlo.ts';
import { SERIES_IDS } from '../outputs/series.ts';
import type { SimulationResult } from '../simulate.ts';

const cell = (value: number) => (Number.isInteger(value) ? String(value) : value.toPrecision(6));

/** One run's series as CSV: a row per working day, a column per series. */
export function seriesCsv(result: SimulationResult): string {
  const rows = [['day', ...SERIES_IDS].join(',')];
  for (let day = 0; day < result.days; day++) {
    rows.push([String(day), ...SERIES_IDS.map((id) => cell(result.series[id][day]))].join(','));
  }
  return `${rows.join('\n')}\n`;
}

/** Monte Carlo bands as CSV: p10, p50 and p90 columns for every series. */
export function bandsCsv(result: MonteCarloResult): string {
  const ids = SERIES_IDS.filter((id) => result.bands[id]);
  const header = ['day', ...ids.flatMap((id) => [`${id}_p10`, `${id}_p50`, `${id}_p90`])];
  const rows = [header.join(',')];
  const days = result.first.days;
  for (let day = 0; day < days; day++) {
    const values = ids.flatMap((id) => {
      const band = result.bands[id]!;
      return [cell(band.p10[day]), cell(band.p50[day]), cell(band.p90[day])];
    });
    rows.push([String(day), ...values].join(','));
  }
  return `${rows.join('\n')}\n`;
}
