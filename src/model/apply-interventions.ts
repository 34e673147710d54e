import { parameterChanges } from '../inputs/interventions.ts';
import type { DayContext } from './day.ts';
import { HOURS_PER_DAY } from './derived.ts';
import { openIncident } from './incidents.ts';
import { slipRelease, trainInterval } from './release.ts';
import { NEVER, type SimulationState } from './state.ts';

/** Applies every intervention due by the start of today, in day order, and logs it. */
export function applyDueInterventions(state: SimulationState, context: DayContext): void {
  while (state.applied < state.interventions.length) {
    const intervention = state.interventions[state.applied];
    if (intervention.day >= context.end) return;
    state.applied++;
    const time = Math.max(context.start, intervention.day);
    state.interventionLog.push({ time, intervention });
    switch (intervention.type) {
      case 'mergeFreeze':
        state.freezeUntil = time + intervention.days;
        state.mustHaveShare = intervention.mustHaveShare;
        break;
      case 'releaseSlip':
        slipRelease(state, time, intervention.days);
        context.releasesDelayed++;
        break;
      case 'incident':
        openIncident(state, {
          time,
          days: intervention.hours / HOURS_PER_DAY,
          weight: 1,
          responders: intervention.responders,
          kind: 'shock',
          severity: 1,
        });
        break;
      case 'surge':
        state.surgeUntil = time + intervention.days;
        state.surgeShare = intervention.share;
        break;
      default:
        changeParams(state, time, parameterChanges(intervention));
    }
  }
}

function changeParams(
  state: SimulationState,
  time: number,
  changes: Partial<SimulationState['params']>,
): void {
  const before = state.params;
  state.params = { ...before, ...changes };
  const after = state.params;
  if (
    after.releasePolicy !== before.releasePolicy ||
    after.releaseIntervalDays !== before.releaseIntervalDays
  ) {
    // A new cadence takes effect from the last cut; a when-stable team cuts as soon as it can.
    if (after.releasePolicy === 'train')
      state.nextCutTime = Math.max(time, state.lastCutTime + trainInterval(state));
    else if (after.releasePolicy === 'whenStable')
      state.nextCutTime = state.candidate ? NEVER : time;
  }
}
