import { toCalendarDays } from '../outputs/dora.ts';
import { truncate } from './arrays.ts';
import { type DayContext, takeFree } from './day.ts';
import { HOURS_PER_DAY } from './derived.ts';
import { type IncidentKind, NEVER, type SimulationState } from './state.ts';

/**
 * Share of an incident's responders a degradation waiting to be fixed forward keeps busy: someone
 * nurses the degraded service (workarounds, data repairs, answering users) until its fix ships.
 */
export const DEGRADATION_RESPONDERS = 0.5;

/** Calendar hours for a span of working days, as restore times are reported. */
export function calendarHours(workingDays: number): number {
  return toCalendarDays(workingDays) * HOURS_PER_DAY;
}

/** What an incident is and how long it lasts (`days` null: open until a release carries its fix). */
export interface IncidentSpec {
  time: number;
  days: number | null;
  weight: number;
  responders: number;
  kind: IncidentKind;
  severity: number;
  fixReady?: number;
}

/** Opens an incident and logs it; its effort and outage hours are booked day by day as they happen. */
export function openIncident(state: SimulationState, spec: IncidentSpec): void {
  const restored = spec.days !== null;
  state.incidents.push({
    startTime: spec.time,
    endTime: restored ? spec.time + spec.days! : NEVER,
    weight: spec.weight,
    responders:
      spec.kind === 'degradation' && !restored
        ? DEGRADATION_RESPONDERS * spec.responders
        : spec.responders,
    kind: spec.kind,
    severity: spec.severity,
    fixReadyTime: spec.fixReady ?? NEVER,
    effortBookedUntil: spec.time,
    logIndex: state.incidentLog.length,
    recorded: false,
  });
  state.incidentLog.push({
    time: spec.time,
    restoreHours: restored ? calendarHours(spec.days!) : 0,
    restored,
    weight: spec.weight,
    cause: spec.kind === 'shock' ? 'shock' : 'deployment',
    kind: spec.kind,
  });
}

/** Closes the degradations whose fix was ready before a release cut at `cutTime`, as it ships at `time`. */
export function closeFixedForward(state: SimulationState, cutTime: number, time: number): void {
  for (const incident of state.incidents) {
    if (incident.endTime !== NEVER || incident.fixReadyTime > cutTime + 1e-9) continue;
    incident.endTime = time;
    const entry = state.incidentLog[incident.logIndex];
    entry.restoreHours = calendarHours(time - incident.startTime);
    entry.restored = true;
  }
}

/** Books the responders' effort on open incidents up to the end of today: the first call on capacity. */
export function workIncidents(state: SimulationState, context: DayContext): number {
  let wanted = 0;
  for (const incident of state.incidents) {
    const until = Math.min(incident.endTime, context.end);
    const span = until - incident.effortBookedUntil;
    if (span > 0) {
      wanted += span * incident.weight * incident.responders;
      incident.effortBookedUntil = until;
    }
  }
  const taken = takeFree(context, wanted);
  context.use.incidents += taken;
  return taken;
}

/**
 * Books today's failed service: the union of the open incidents' intervals (overlapping
 * failures count once) and their severity combined, so outage hours never exceed the hours
 * there are. Records the restore times of incidents that closed and drops the finished ones.
 */
export function bookOutages(state: SimulationState, context: DayContext): void {
  if (state.incidents.length === 0) return;
  const { start, end } = context;
  const points = context.scratch;
  points.length = 0;
  for (const incident of state.incidents) {
    const from = Math.max(incident.startTime, start);
    const to = Math.min(incident.endTime, end);
    if (to > from) {
      points.push(from, to);
      context.incidentsOpenDays += (to - from) * incident.weight;
    }
  }
  if (points.length > 0) {
    points.push(start, end);
    sortSmall(points);
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i];
      const b = points[i + 1];
      if (b <= a) continue;
      let none = 1;
      let intact = 1;
      for (const incident of state.incidents) {
        if (incident.startTime > a || incident.endTime < b) continue;
        none *= 1 - Math.min(1, incident.weight);
        intact *= 1 - Math.min(1, incident.weight * incident.severity);
      }
      context.outageHours += calendarHours(b - a) * (1 - none);
      context.severityHours += calendarHours(b - a) * (1 - intact);
    }
  }
  let write = 0;
  for (const incident of state.incidents) {
    if (incident.endTime <= end && !incident.recorded) {
      incident.recorded = true;
      if (incident.kind !== 'shock') {
        context.restoreHoursSum +=
          state.incidentLog[incident.logIndex].restoreHours * incident.weight;
        context.restoreWeight += incident.weight;
      }
    }
    const done = incident.endTime <= end && incident.effortBookedUntil >= incident.endTime - 1e-12;
    if (!done) state.incidents[write++] = incident;
  }
  truncate(state.incidents, write);
}

/** Sorts a handful of numbers in place: insertion sort, far cheaper than `sort` with a comparator at this size. */
function sortSmall(values: number[]): void {
  for (let i = 1; i < values.length; i++) {
    const value = values[i];
    let j = i - 1;
    while (j >= 0 && values[j] > value) {
      values[j + 1] = values[j];
      j--;
    }
    values[j + 1] = value;
  }
}
