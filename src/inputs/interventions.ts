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

/** One intervention of a kind. */
export type InterventionOf<Type extends Intervention['type']> = Extract<
  Intervention,
  { type: Type }
>;

/** A numeric field of an intervention: what it means, its limits and, if it may be left out, its default. */
export interface InterventionField {
  name: string;
  /** What the field means, with its unit. */
  help: string;
  min: number;
  /** The largest value; `'run'` for a span of days, which the run's length bounds. */
  max: number | 'run';
  /** Taken when a file leaves the field out; a field without one must be given. */
  default?: number;
}

/** Whether a kind is one of the escape steps, a shock, or a plain parameter change. */
export type InterventionRole = 'step' | 'shock' | 'change';

/** One kind of intervention: how it is named and shown, the fields it takes and how it applies. */
export interface InterventionKind<Type extends Intervention['type']> {
  type: Type;
  /** A short name, for menus. */
  name: string;
  /** A plain-language caption, for event markers and tables. */
  caption: string;
  role: InterventionRole;
  /** The marker drawn on the timeline. */
  symbol: string;
  /** Its numeric fields beyond `type` and `day` (`set` takes a parameter and a value instead). */
  fields: readonly InterventionField[];
  /** One of a typical size on `day` for a team of `teamSize`: the standard one, for shocks. */
  example?: (day: number, teamSize: number) => InterventionOf<Type>;
  /** Its fields in words. */
  details: (intervention: InterventionOf<Type>) => string;
  /** The parameters it sets from its day on; kinds without it act on the team's state instead. */
  changes?: (intervention: InterventionOf<Type>) => Partial<Params>;
}

/** The standard shock: one release slips by three weeks of working days. */
export const STANDARD_SLIP_DAYS = 15;

/** The standard major incident on `day` for a team of `teamSize`: 80 hours, taking half the team. */
export function standardIncident(day: number, teamSize: number): IncidentShock {
  return { type: 'incident', day, hours: 80, responders: Math.max(1, Math.round(teamSize / 2)) };
}

const percent = (share: number) => `${Math.round(share * 100)}%`;
const spanOfDays: InterventionField = {
  name: 'days',
  help: 'how long it lasts, in working days',
  min: 0,
  max: 'run',
};

/** Every kind of intervention, by type: the one table the parser, the schema, the timeline and the charts read. */
export const INTERVENTION_KINDS: {
  readonly [Type in Intervention['type']]: InterventionKind<Type>;
} = {
  mergeFreeze: {
    type: 'mergeFreeze',
    name: 'Merge freeze',
    caption: 'Merge freeze: only must-have code merges',
    role: 'step',
    symbol: '❄',
    fields: [
      spanOfDays,
      {
        name: 'mustHaveShare',
        help: 'share of new code that still merges (0–1)',
        min: 0,
        max: 1,
        default: 0.2,
      },
    ],
    example: (day) => ({ type: 'mergeFreeze', day, days: 20, mustHaveShare: 0.2 }),
    details: (i) => `${i.days} days, ${percent(i.mustHaveShare)} must-have merges`,
  },
  automationPush: {
    type: 'automationPush',
    name: 'Automation push',
    caption: 'Automation push: part of the team builds test and pipeline automation',
    role: 'step',
    symbol: '⚙',
    fields: [{ name: 'share', help: 'share of the team on automation (0–1)', min: 0, max: 1 }],
    example: (day) => ({ type: 'automationPush', day, share: 0.3 }),
    details: (i) => `${percent(i.share)} of the team`,
    changes: (i) => ({ automationShare: i.share }),
  },
  cadence: {
    type: 'cadence',
    name: 'Faster cadence',
    caption: 'Cadence change: releases cut more often',
    role: 'step',
    symbol: '⏩',
    fields: [
      {
        name: 'releaseIntervalDays',
        help: "the train's new interval, in working days",
        min: paramSpec('releaseIntervalDays').min,
        max: paramSpec('releaseIntervalDays').max,
      },
    ],
    example: (day) => ({ type: 'cadence', day, releaseIntervalDays: 5 }),
    details: (i) => `every ${i.releaseIntervalDays} working days`,
    changes: (i) => ({ releaseIntervalDays: i.releaseIntervalDays }),
  },
  removeApprovals: {
    type: 'removeApprovals',
    name: 'Remove approvals',
    caption: 'Manual approvals removed',
    role: 'step',
    symbol: '✓',
    fields: [],
    example: (day) => ({ type: 'removeApprovals', day }),
    details: () => '',
    changes: () => ({ approvalWaitDays: 0 }),
  },
  crossFunctionalTeam: {
    type: 'crossFunctionalTeam',
    name: 'Cross-functional team',
    caption: 'Cross-functional pipeline team: hand-offs removed',
    role: 'step',
    symbol: '⇄',
    fields: [],
    example: (day) => ({ type: 'crossFunctionalTeam', day }),
    details: () => '',
    changes: () => ({ handoffs: 0 }),
  },
  releaseSlip: {
    type: 'releaseSlip',
    name: 'Shock: release slips',
    caption: 'Shock: a release slips',
    role: 'shock',
    symbol: '⏸',
    fields: [{ ...spanOfDays, help: 'working days the release slips by' }],
    example: (day) => ({ type: 'releaseSlip', day, days: STANDARD_SLIP_DAYS }),
    details: (i) => `${i.days} working days`,
  },
  incident: {
    type: 'incident',
    name: 'Shock: major incident',
    caption: 'Shock: a major incident',
    role: 'shock',
    symbol: '⚠',
    fields: [
      { name: 'hours', help: 'how long it is open, in hours', min: 0, max: 24 * 365, default: 24 },
      { name: 'responders', help: 'engineers it takes', min: 0, max: 500, default: 2 },
    ],
    example: standardIncident,
    details: (i) => `${i.hours} h, ${i.responders} responders`,
  },
  surge: {
    type: 'surge',
    name: 'Shock: surge of must-have work',
    caption: 'Shock: a surge of must-have work',
    role: 'shock',
    symbol: '⇪',
    fields: [
      spanOfDays,
      {
        name: 'share',
        help: 'share of the team the must-have work takes (0–1)',
        min: 0,
        max: 1,
        default: 0.5,
      },
    ],
    example: (day) => ({ type: 'surge', day, days: 20, share: 0.5 }),
    details: (i) => `${i.days} working days, ${percent(i.share)} of the team`,
  },
  set: {
    type: 'set',
    name: 'Parameter change',
    caption: 'Parameter changed',
    role: 'change',
    symbol: '✎',
    fields: [],
    details: (i) => `${i.param} = ${String(i.value)}`,
    changes: (i) => ({ [i.param]: i.value }) as Partial<Params>,
  },
};

/** The kinds of intervention, in table order. */
export const INTERVENTION_TYPES = Object.keys(
  INTERVENTION_KINDS,
) as readonly Intervention['type'][];

/** The kind an intervention is, with its type's own field types. */
export function kindOf<Type extends Intervention['type']>(
  intervention: InterventionOf<Type>,
): InterventionKind<Type> {
  return INTERVENTION_KINDS[intervention.type as Type];
}

/** A record with one entry per kind of intervention. */
function byKind<Value>(
  value: (type: Intervention['type']) => Value,
): Record<Intervention['type'], Value> {
  const entries = INTERVENTION_TYPES.map((type) => [type, value(type)] as const);
  return Object.fromEntries(entries) as Record<Intervention['type'], Value>;
}

/** The fields each kind takes beyond `type` and `day`. */
export const INTERVENTION_FIELDS: Readonly<Record<Intervention['type'], readonly string[]>> =
  byKind((type) =>
    type === 'set' ? ['param', 'value'] : INTERVENTION_KINDS[type].fields.map((f) => f.name),
  );

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
  if (typeof type !== 'string' || !Object.hasOwn(INTERVENTION_KINDS, type)) {
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
  if (kind === 'set') {
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
  const parsed: Record<string, unknown> = { type: kind, day };
  for (const spec of INTERVENTION_KINDS[kind].fields) {
    const max = spec.max === 'run' ? maxDay : spec.max;
    parsed[spec.name] = requireNumber(record, spec.name, field, spec.min, max, spec.default);
  }
  // Each field was read from the kind's own table entry, so the object has its kind's shape.
  return parsed as unknown as Intervention;
}

/** The parameter changes an intervention makes, if it is one that changes parameters. */
export function parameterChanges(intervention: Intervention): Partial<Params> {
  return kindOf(intervention).changes?.(intervention) ?? {};
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
