import {
  INTERVENTION_KINDS,
  INTERVENTION_TYPES,
  type Intervention,
} from './inputs/interventions.ts';
import type { ParamSpec } from './inputs/param-spec.ts';
import { PARAMS } from './inputs/params.ts';
import { PRESET_IDS, PRESETS } from './inputs/presets.ts';
import { DEFAULT_DAYS, MAX_DAYS } from './inputs/run-length.ts';
import { MAX_INTERVENTIONS, MAX_RUNS, MAX_SEED } from './scenario.ts';

/** The schema of one parameter's value, from its row of the parameter table. */
function paramSchema(spec: ParamSpec): object {
  const base = {
    title: spec.label,
    description: `${spec.help} (${spec.unit})`,
    default: spec.default,
  };
  if (spec.kind === 'boolean') return { ...base, type: 'boolean' };
  if (spec.kind === 'choice') return { ...base, enum: spec.choices };
  return { ...base, type: spec.kind, minimum: spec.min, maximum: spec.max };
}

/** An intervention of one kind, from its row of the intervention table. */
function interventionSchema(type: Intervention['type'], extra: Record<string, object>): object {
  const kind = INTERVENTION_KINDS[type];
  const fields = Object.fromEntries(
    kind.fields.map((field) => [
      field.name,
      {
        type: 'number',
        description: field.help,
        minimum: field.min,
        // A span of days is bounded by the run; the longest run bounds it here.
        maximum: field.max === 'run' ? MAX_DAYS : field.max,
        ...(field.default === undefined ? {} : { default: field.default }),
      },
    ]),
  );
  return {
    type: 'object',
    title: kind.caption,
    required: [
      'type',
      'day',
      ...kind.fields.filter((f) => f.default === undefined).map((f) => f.name),
      ...Object.keys(extra),
    ],
    additionalProperties: false,
    properties: {
      type: { const: type },
      // JSON Schema cannot compare two fields, so "before the file's own days" is left to the parser.
      day: { type: 'number', minimum: 0, maximum: MAX_DAYS - 1 },
      ...fields,
      ...extra,
    },
  };
}

/** Interventions whose day falls before the end of a run of `days` working days. */
function interventionsBefore(days: number): object {
  return { interventions: { items: { properties: { day: { maximum: days - 1 } } } } };
}

/**
 * A file that leaves out `days` runs for its preset's length or the default, and its
 * interventions must fall within that. (A file that gives `days` is checked against it by the
 * parser alone: JSON Schema cannot compare one field with another.)
 */
function withinDefaultLength(): object {
  return {
    anyOf: [
      { required: ['days'] },
      ...PRESETS.map((preset) => ({
        required: ['preset'],
        properties: {
          preset: { const: preset.id },
          ...interventionsBefore(preset.days ?? DEFAULT_DAYS),
        },
      })),
      { not: { required: ['preset'] }, properties: interventionsBefore(DEFAULT_DAYS) },
    ],
  };
}

/** The JSON Schema of scenario files, generated from the parameter and intervention tables so they never disagree. */
export function scenarioJsonSchema(): object {
  const params = Object.fromEntries(PARAMS.map((spec) => [spec.id, paramSchema(spec)]));
  const interventions = INTERVENTION_TYPES.flatMap((type) =>
    type === 'set'
      ? // One alternative per parameter, so a value must suit the parameter it sets.
        PARAMS.map((spec) =>
          interventionSchema(type, { param: { const: spec.id }, value: paramSchema(spec) }),
        )
      : [interventionSchema(type, {})],
  );
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Deployment death spiral scenario',
    type: 'object',
    additionalProperties: false,
    properties: {
      preset: { enum: PRESET_IDS },
      params: { type: 'object', additionalProperties: false, properties: params },
      interventions: {
        type: 'array',
        maxItems: MAX_INTERVENTIONS,
        items: { oneOf: interventions },
      },
      days: { type: 'integer', minimum: 1, maximum: MAX_DAYS },
      runs: { type: 'integer', minimum: 1, maximum: MAX_RUNS },
      seed: { type: 'integer', minimum: 0, maximum: MAX_SEED },
    },
    ...withinDefaultLength(),
  };
}
