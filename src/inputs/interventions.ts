import { InputError, suggestNearest } from './errors.ts';
import { type Params, paramSpec, validateParam } from './params.ts';

/** Stop merging all but must-have code for a while; the rest waits on branches outside the pipeline. */
export interface MergeFreeze {
  type: 'mergeFreeze';
  day: number;
  days: number;
  mustHaveShare: number;
}
/** Move a share of the team onto test and pipeline automation from a day on. */
export interface AutomationPush {
  type: 'automationPush';
  day: number;
  share: number;
}
/** Set the release train's interval from a day on (raise frequency as a forcing function). */
export interface Cadence {
  type: 'cadence';
  day: number;
  releaseIntervalDays: number;
}
/** Remove manual change approvals from a day on. */
export interface RemoveApprovals {
  type: 'removeApprovals';
  day: number;
}
/** Collapse the hand-offs between functions into one cross-functional team (Conway's law). */
export interface CrossFunctionalTeam {
  type: 'crossFunctionalTeam';
  day: number;
}
/** A shock: the release in the pipeline (or the next cut) slips by some working days. */
export interface ReleaseSlip {
  type: 'releaseSlip';
  day: number;
  days: number;
}
/** A shock: a major incident not caused by a deployment, taking responders for some hours. */
export interface IncidentShock {
  type: 'incident';
  day: number;
  hours: number;
  responders: number;
}
/** A shock: a surge of must-have work that pushes improvement aside and adds haste. */
export interface Surge {
  type: 'surge';
  day: number;
  days: number;
  share: number;
}
/** Any parameter set to a new value from a day on. */
export interface SetParam {
  type: 'set';
  day: number;
  param: string;
  value: number | boolean | string;
}

/** An escape step, a shock, or a parameter change, applied at the start of a working day. */
export type Intervention =
  | MergeFreeze
  | AutomationPush
  | Cadence
  | RemoveApprovals
  | CrossFunctionalTeam
  | ReleaseSlip
  | IncidentShock
  | Surge
  | SetParam;

/** The kinds of intervention, and the fields each takes beyond `type` and `day`. */
export const INTERVENTION_FIELDS: Readonly<Record<Intervention['type'], readonly string[]>> = {
  mergeFreeze: ['days', 'mustHaveShare'],
  automationPush: ['share'],
  cadence: ['releaseIntervalDays'],
  removeApprovals: [],
  crossFunctionalTeam: [],
  releaseSlip: ['days'],
  incident: ['hours', 'responders'],
  surge: ['days', 'share'],
  set: ['param', 'value'],
};

/** Plain-language captions for each kind, for event markers and tables. */
export const INTERVENTION_CAPTIONS: Readonly<Record<Intervention['type'], string>> = {
  mergeFreeze: 'Merge freeze: only must-have code merges',
  automationPush: 'Automation push: part of the team builds test and pipeline automation',
  cadence: 'Cadence change: releases cut more often',
  removeApprovals: 'Manual approvals removed',
  crossFunctionalTeam: 'Cross-functional pipeline team: hand-offs removed',
  releaseSlip: 'Shock: a release slips',
  incident: 'Shock: a major incident',
  surge: 'Shock: a surge of must-have work',
  set: 'Parameter changed',
};

const INTERVENTION_TYPES = Object.keys(INTERVENTION_FIELDS);

function requireNumber(
  raw: Record<string, unknown>,
  key: string,
  field: string,
  min: number,
  max: number,
  fallback?: number,
): number {
  const value = raw[key] ?? fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new InputError(`${field}.${key}`, raw[key], `allowed: a number from ${min} to ${max}`);
  }
  return value;
}

/**
 * Refuses an intervention that falls on or after the run's end (`runDays` working days, days 0 to
 * `runDays` − 1): it would never be applied.
 */
export function requireDayInRun(day: number, runDays: number, field: string): void {
  if (day >= runDays)
    throw new InputError(
      field,
      day,
      `allowed: a day from 0 to ${runDays - 1}, the last day of a ${runDays}-day run (it would never be applied)`,
    );
}

/**
 * Validates one intervention from a scenario file or caller; `field` locates it in messages and
 * `maxDay` is the run's length in working days.
 */
export function parseIntervention(raw: unknown, field: string, maxDay = 100000): Intervention {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InputError(field, raw, 'allowed: an object with "type" and "day"');
  }
  const record = raw as Record<string, unknown>;
  const type = record.type;
  if (typeof type !== 'string' || !Object.hasOwn(INTERVENTION_FIELDS, type)) {
    const hint = typeof type === 'string' ? suggestNearest(type, INTERVENTION_TYPES) : '';
    throw new InputError(
      `${field}.type`,
      type,
      `allowed: one of ${INTERVENTION_TYPES.join(', ')}${hint}`,
    );
  }
  const kind = type as Intervention['type'];
  const known = new Set(['type', 'day', ...INTERVENTION_FIELDS[kind]]);
  for (const key of Object.keys(record)) {
    if (!known.has(key)) {
      throw new InputError(
        `${field}.${key}`,
        record[key],
        `not a field of ${kind}; allowed: ${[...known].join(', ')}${suggestNearest(key, [...known])}`,
      );
    }
  }
  const day = requireNumber(record, 'day', field, 0, maxDay);
  requireDayInRun(day, maxDay, `${field}.day`);
  switch (kind) {
    case 'mergeFreeze':
      return {
        type: kind,
        day,
        days: requireNumber(record, 'days', field, 0, maxDay),
        mustHaveShare: requireNumber(record, 'mustHaveShare', field, 0, 1, 0.2),
      };
    case 'automationPush':
      return { type: kind, day, share: requireNumber(record, 'share', field, 0, 1) };
    case 'cadence': {
      const spec = paramSpec('releaseIntervalDays');
      return {
        type: kind,
        day,
        releaseIntervalDays: requireNumber(
          record,
          'releaseIntervalDays',
          field,
          spec.min,
          spec.max,
        ),
      };
    }
    case 'removeApprovals':
    case 'crossFunctionalTeam':
      return { type: kind, day };
    case 'releaseSlip':
      return { type: kind, day, days: requireNumber(record, 'days', field, 0, maxDay) };
    case 'incident':
      return {
        type: kind,
        day,
        hours: requireNumber(record, 'hours', field, 0, 24 * 365, 24),
        responders: requireNumber(record, 'responders', field, 0, 500, 2),
      };
    case 'surge':
      return {
        type: kind,
        day,
        days: requireNumber(record, 'days', field, 0, maxDay),
        share: requireNumber(record, 'share', field, 0, 1, 0.5),
      };
    case 'set': {
      if (typeof record.param !== 'string') {
        throw new InputError(`${field}.param`, record.param, 'allowed: a parameter id');
      }
      const spec = paramSpec(record.param, `${field}.param`);
      return {
        type: kind,
        day,
        param: spec.id,
        value: validateParam(spec, record.value, `${field}.value`),
      };
    }
  }
}

/** The parameter changes an intervention makes, if it is one that changes parameters. */
export function parameterChanges(intervention: Intervention): Partial<Params> {
  switch (intervention.type) {
    case 'automationPush':
      return { automationShare: intervention.share };
    case 'cadence':
      return { releaseIntervalDays: intervention.releaseIntervalDays };
    case 'removeApprovals':
      return { approvalWaitDays: 0 };
    case 'crossFunctionalTeam':
      return { handoffs: 0 };
    case 'set':
      return { [intervention.param]: intervention.value } as Partial<Params>;
    default:
      return {};
  }
}

/** The four escape steps of the story, applied from `day` on, for a team that is spiralling. */
export function escapeSteps(day: number): Intervention[] {
  return [
    { type: 'mergeFreeze', day, days: 20, mustHaveShare: 0.2 },
    { type: 'automationPush', day, share: 0.3 },
    { type: 'cadence', day: day + 40, releaseIntervalDays: 5 },
    { type: 'removeApprovals', day: day + 60 },
    { type: 'crossFunctionalTeam', day: day + 60 },
  ];
}
