import { InputError, suggestNearest } from './errors.ts';
import { decimalValue } from './numbers.ts';
import type { ParamId, ParamSpec, Params } from './param-spec.ts';
import { PARAMS } from './param-table/index.ts';

export * from './param-spec.ts';
export { PARAMS };

/** The table indexed by id. */
export const PARAM_BY_ID: ReadonlyMap<string, ParamSpec> = new Map(PARAMS.map((p) => [p.id, p]));

/** Every parameter id, in table order. */
export const PARAM_IDS: readonly ParamId[] = PARAMS.map((p) => p.id);

/** The defaults of every parameter, as a fresh object. */
export function defaultParams(): Params {
  const params: Record<string, number | boolean | string> = {};
  for (const spec of PARAMS) params[spec.id] = spec.default;
  return params as unknown as Params;
}

/** Parameters an earlier version of the model had, and what took their place. */
export const REPLACED_PARAMS: ReadonlyMap<string, string> = new Map([
  [
    'fixGrowthPerChange',
    'fixGrowthPerWorkDay (fix effort now grows with the days of work a release holds)',
  ],
  ['stabilisationCrew', 'stabilisationShare (a share of the team, so it grows with the team)'],
  ['diagnosisHoursPerChange', 'diagnosisHoursPerKloc (diagnosis now grows with the code shipped)'],
]);

/** The parameter spec for an id, or an InputError naming the nearest valid id (or its replacement). */
export function paramSpec(id: string, field = id): ParamSpec {
  const spec = PARAM_BY_ID.get(id);
  if (!spec) {
    const replaced = REPLACED_PARAMS.get(id);
    throw new InputError(
      field,
      id,
      replaced
        ? `no longer a parameter: replaced by ${replaced}`
        : `not a parameter${suggestNearest(id, PARAM_IDS)}; see --list-params`,
    );
  }
  return spec;
}

/** What a parameter accepts, phrased for an error message. */
export function allowedText(spec: ParamSpec): string {
  switch (spec.kind) {
    case 'boolean':
      return 'allowed: true or false';
    case 'choice':
      return `allowed: one of ${spec.choices!.join(', ')}`;
    case 'integer':
      return `allowed: a whole number from ${spec.min} to ${spec.max} (${spec.unit})`;
    default:
      return `allowed: a number from ${spec.min} to ${spec.max} (${spec.unit})`;
  }
}

/** Checks one value against its spec and returns it typed; throws an InputError otherwise. */
export function validateParam(
  spec: ParamSpec,
  value: unknown,
  field: string = spec.id,
): number | boolean | string {
  const fail = (): never => {
    throw new InputError(field, value, allowedText(spec));
  };
  if (spec.kind === 'boolean') {
    if (typeof value !== 'boolean') fail();
    return value as boolean;
  }
  if (spec.kind === 'choice') {
    if (typeof value !== 'string' || !spec.choices!.includes(value)) fail();
    return value as string;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) fail();
  const number = value as number;
  if (number < spec.min || number > spec.max) fail();
  if (spec.kind === 'integer' && !Number.isInteger(number)) fail();
  return number;
}

/** Parses a value typed as text (a CLI flag or URL) for a parameter, then validates it. */
export function parseParamText(
  spec: ParamSpec,
  text: string,
  field: string = spec.id,
): number | boolean | string {
  const trimmed = text.trim();
  if (spec.kind === 'boolean') {
    if (trimmed === 'true' || trimmed === '1') return true;
    if (trimmed === 'false' || trimmed === '0') return false;
    throw new InputError(field, text, allowedText(spec));
  }
  if (spec.kind === 'choice') return validateParam(spec, trimmed, field);
  const number = decimalValue(text);
  if (Number.isNaN(number)) throw new InputError(field, text, allowedText(spec));
  return validateParam(spec, number, field);
}

/** Validates a partial set of parameters (from a file or a caller) and fills in the rest from `base`. */
export function resolveParams(
  overrides: unknown,
  base: Params = defaultParams(),
  field = 'params',
): Params {
  if (overrides === undefined) return { ...base };
  if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
    throw new InputError(field, overrides, 'allowed: an object of parameter ids to values');
  }
  const resolved: Record<string, unknown> = { ...base };
  for (const [id, value] of Object.entries(overrides)) {
    const spec = paramSpec(id, `${field}.${id}`);
    resolved[id] = validateParam(spec, value, `${field}.${id}`);
  }
  return resolved as unknown as Params;
}

/** Checks that a complete parameter set is valid; used on every entry to the engine. */
export function assertValidParams(params: Params, field = 'params'): void {
  if (params === null || typeof params !== 'object') {
    throw new InputError(field, params, 'allowed: an object of parameter ids to values');
  }
  for (const key of Object.keys(params)) paramSpec(key, `${field}.${key}`);
  for (const spec of PARAMS) validateParam(spec, params[spec.id], `${field}.${spec.id}`);
}
