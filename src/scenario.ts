import { InputError, suggestNearest } from './inputs/errors.ts';
import { type Intervention, parseIntervention } from './inputs/interventions.ts';
import { parseJsonInput } from './inputs/json-input.ts';
import { requireWhole } from './inputs/numbers.ts';
import { defaultParams, type Params, resolveParams } from './inputs/params.ts';
import { findPreset, PRESET_IDS, presetParams } from './inputs/presets.ts';
import { DEFAULT_DAYS, MAX_DAYS } from './inputs/run-length.ts';
import type { SimulationOptions } from './simulate.ts';

/** A scenario as users keep it in a JSON file: a preset, parameter overrides, interventions and run settings. */
export interface ScenarioFile {
  preset?: string;
  params?: Record<string, unknown>;
  interventions?: unknown[];
  days?: number;
  runs?: number;
  seed?: number;
}

/** A validated scenario, ready to run. */
export interface Scenario {
  preset: string | null;
  params: Params;
  interventions: Intervention[];
  days: number;
  runs: number;
  seed: number;
}

/** The keys a scenario file may hold. */
export const SCENARIO_KEYS = ['preset', 'params', 'interventions', 'days', 'runs', 'seed'] as const;

/** The most Monte Carlo runs one scenario may ask for. */
export const MAX_RUNS = 100000;

/** The most interventions one scenario holds, in a file or a link. */
export const MAX_INTERVENTIONS = 1000;

/** The largest seed: a seed is a whole number from 0 to this in files, links, flags and the app. */
export const MAX_SEED = 2 ** 32 - 1;

/** The preset with this id, or an InputError naming the nearest. */
export function requirePreset(id: unknown, field = 'preset'): string {
  if (typeof id !== 'string' || !findPreset(id)) {
    const hint = typeof id === 'string' ? suggestNearest(id, PRESET_IDS) : '';
    throw new InputError(field, id, `allowed: one of ${PRESET_IDS.join(', ')}${hint}`);
  }
  return id;
}

/** Validates a parsed scenario file; every problem names the key, the value and what is allowed. */
export function parseScenario(raw: unknown): Scenario {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InputError(
      'scenario',
      raw,
      'allowed: a JSON object with keys ' + SCENARIO_KEYS.join(', '),
    );
  }
  const file = raw as Record<string, unknown>;
  for (const key of Object.keys(file)) {
    if (!(SCENARIO_KEYS as readonly string[]).includes(key)) {
      throw new InputError(
        key,
        file[key],
        `not a scenario key${suggestNearest(key, SCENARIO_KEYS)}; allowed: ${SCENARIO_KEYS.join(', ')}`,
      );
    }
  }
  const presetId = file.preset === undefined ? null : requirePreset(file.preset);
  const preset = presetId ? findPreset(presetId)! : undefined;
  const base = preset ? presetParams(preset) : defaultParams();
  const params = resolveParams(file.params, base);
  const days =
    file.days === undefined
      ? (preset?.days ?? DEFAULT_DAYS)
      : requireWhole(file.days, 'days', 1, MAX_DAYS);
  const runs = file.runs === undefined ? 1 : requireWhole(file.runs, 'runs', 1, MAX_RUNS);
  const seed = file.seed === undefined ? 1 : requireWhole(file.seed, 'seed', 0, MAX_SEED);
  let interventions: Intervention[] = preset?.interventions ? [...preset.interventions] : [];
  if (file.interventions !== undefined) {
    if (!Array.isArray(file.interventions)) {
      throw new InputError('interventions', file.interventions, 'allowed: a list of interventions');
    }
    if (file.interventions.length > MAX_INTERVENTIONS)
      throw new InputError(
        'interventions',
        `${file.interventions.length} interventions`,
        `allowed: at most ${MAX_INTERVENTIONS}`,
      );
    interventions = file.interventions.map((item, index) =>
      parseIntervention(item, `interventions[${index}]`, days),
    );
  }
  return {
    preset: presetId,
    params,
    interventions,
    days,
    runs,
    seed,
  };
}

/** Parses scenario file text; a malformed or empty file is an InputError, not a crash. */
export function parseScenarioText(text: string, name = 'scenario'): Scenario {
  return parseScenario(parseJsonInput(text, name, 'a JSON object'));
}

/** The options `simulate` takes for a scenario's run with this seed. */
export function scenarioOptions(
  scenario: Scenario,
  seed: number | string = scenario.seed,
): SimulationOptions {
  return { days: scenario.days, seed, interventions: scenario.interventions };
}

/** A scenario as file data, with only the parameters that differ from its preset (or the defaults). */
export function toScenarioFile(scenario: Scenario): ScenarioFile {
  const preset = scenario.preset ? findPreset(scenario.preset) : undefined;
  const base = preset ? presetParams(preset) : defaultParams();
  const params: Record<string, unknown> = {};
  for (const [id, value] of Object.entries(scenario.params)) {
    if (base[id as keyof Params] !== value) params[id] = value;
  }
  return {
    ...(scenario.preset ? { preset: scenario.preset } : {}),
    params,
    interventions: scenario.interventions,
    days: scenario.days,
    runs: scenario.runs,
    seed: scenario.seed,
  };
}
