import { INTERVENTION_FIELDS } from './inputs/interventions.ts';
import { PARAMS } from './inputs/params.ts';
import { PRESET_IDS } from './inputs/presets.ts';
import { MAX_DAYS } from './inputs/run-length.ts';
import { MAX_RUNS } from './scenario.ts';

/** The JSON Schema of scenario files, generated from the parameter table so the two never disagree. */
export function scenarioJsonSchema(): object {
  const params: Record<string, object> = {};
  for (const spec of PARAMS) {
    const base = {
      title: spec.label,
      description: `${spec.help} (${spec.unit})`,
      default: spec.default,
    };
    if (spec.kind === 'boolean') params[spec.id] = { ...base, type: 'boolean' };
    else if (spec.kind === 'choice') params[spec.id] = { ...base, enum: spec.choices };
    else params[spec.id] = { ...base, type: spec.kind, minimum: spec.min, maximum: spec.max };
  }
  const interventions = Object.entries(INTERVENTION_FIELDS).map(([type, fields]) => ({
    type: 'object',
    required: ['type', 'day'],
    additionalProperties: false,
    properties: {
      type: { const: type },
      day: { type: 'number', minimum: 0 },
      ...Object.fromEntries(
        fields.map((field) => [field, field === 'param' ? { enum: PARAMS.map((p) => p.id) } : {}]),
      ),
    },
  }));
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Deployment death spiral scenario',
    type: 'object',
    additionalProperties: false,
    properties: {
      preset: { enum: PRESET_IDS },
      params: { type: 'object', additionalProperties: false, properties: params },
      interventions: { type: 'array', items: { oneOf: interventions } },
      days: { type: 'integer', minimum: 1, maximum: MAX_DAYS },
      runs: { type: 'integer', minimum: 1, maximum: MAX_RUNS },
      seed: { type: ['number', 'string'] },
    },
  };
}
