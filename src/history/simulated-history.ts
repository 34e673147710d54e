import { CALENDAR_DAYS_PER_WORKING_DAY } from '../outputs/dora.ts';
import type { SimulationResult } from '../simulate.ts';
import { DAY_MS, HOUR_MS } from './dates.ts';
import type { HistoryRow } from './history-file.ts';

/**
 * The history a simulated team leaves behind, as a history file would hold it: one row per
 * deployment after the warm-up (a day's continuous deployments as one), in calendar time from
 * `start`, with its size, lead time, waiting code and, for a failed one, its restore. Calibrating
 * to it must find the team again.
 */
export function historyOfRun(result: SimulationResult, start: number): HistoryRow[] {
  const at = (workingDays: number) => start + workingDays * CALENDAR_DAYS_PER_WORKING_DAY * DAY_MS;
  const wip = result.series.wipLines;
  const restores = result.incidents.filter((incident) => incident.cause === 'deployment');
  const shipped = result.deployments.filter(
    (event) => event.time >= result.warmupDays && event.deployments > 0,
  );
  return shipped.map((event, i): HistoryRow => {
    const row: HistoryRow = {
      deployedAt: at(event.time),
      failed: event.failed > 0,
      lines: Math.round(event.lines),
      commits: Math.max(1, Math.round(event.changes)),
      leadTimeDays: event.leadTimeP50Days * CALENDAR_DAYS_PER_WORKING_DAY,
    };
    if (i > 0) {
      const from = Math.floor(shipped[i - 1].time);
      const to = Math.max(from + 1, Math.floor(event.time));
      let sum = 0;
      for (let day = from; day < to; day++) sum += wip[Math.min(day, wip.length - 1)];
      row.wipLines = sum / (to - from);
    }
    if (row.failed) {
      const incident = restores.find((r) => Math.abs(r.time - event.time) < 1e-6 && r.restored);
      if (incident) row.restoredAt = row.deployedAt + incident.restoreHours * HOUR_MS;
    }
    return row;
  });
}
