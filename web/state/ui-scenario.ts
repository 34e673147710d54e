import {
  DEFAULT_DAYS,
  findPreset,
  InputError,
  type Intervention,
  type Params,
  parseScenarioText,
  presetParams,
  type SimulationOptions,
} from '../../src/index.ts';

/** Everything the user chose: the inputs of a run. Outputs are never part of it. */
export interface UiScenario {
  preset: string;
  params: Params;
  interventions: Intervention[];
  days: number;
  seed: number;
  /** Monte Carlo runs for the p10–p90 bands; 1 shows a single run. */
  runs: number;
  mode: 'stochastic' | 'expected';
}

/** The scenario a preset starts: its parameters, interventions and story length. */
export function scenarioFromPreset(presetId: string): UiScenario {
  const preset = findPreset(presetId) ?? findPreset('medium')!;
  return {
    preset: preset.id,
    params: presetParams(preset),
    interventions: [...(preset.interventions ?? [])],
    days: preset.days ?? DEFAULT_DAYS,
    seed: 1,
    runs: 1,
    mode: 'stochastic',
  };
}

/** The most Monte Carlo runs a scenario file may ask the browser for. */
export const MAX_UI_RUNS = 1000;

/** A scenario file's text (the command line's format) as the UI runs it; refuses bad files naming the field. */
export function scenarioFromFileText(text: string, name: string): UiScenario {
  const parsed = parseScenarioText(text, name);
  if (parsed.runs > MAX_UI_RUNS)
    throw new InputError(
      'runs',
      parsed.runs,
      `allowed: a whole number from 1 to ${MAX_UI_RUNS} in the browser (the command line runs more)`,
    );
  return {
    ...scenarioFromPreset(parsed.preset ?? 'medium'),
    params: parsed.params,
    interventions: parsed.interventions,
    days: parsed.days,
    seed: parsed.seed,
    runs: parsed.runs,
  };
}

/** The engine options for one run of a scenario. */
export function runOptions(scenario: UiScenario): SimulationOptions {
  return {
    days: scenario.days,
    seed: scenario.seed,
    mode: scenario.mode,
    interventions: scenario.interventions,
  };
}

/** The parameters that differ between two scenarios, with both values. */
export function paramDifferences(
  from: UiScenario,
  to: UiScenario,
): { id: keyof Params; from: Params[keyof Params]; to: Params[keyof Params] }[] {
  const ids = Object.keys(to.params) as (keyof Params)[];
  return ids
    .filter((id) => from.params[id] !== to.params[id])
    .map((id) => ({ id, from: from.params[id], to: to.params[id] }));
}

/** One line naming a scenario, for figures exported to slides: preset, what differs, runs and length. */
export function scenarioCaption(scenario: UiScenario): string {
  const preset = findPreset(scenario.preset);
  const changed = preset ? paramDifferences(scenarioFromPreset(preset.id), scenario).length : 0;
  const runs =
    scenario.mode === 'expected'
      ? 'expected values'
      : scenario.runs > 1
        ? `median of ${scenario.runs} runs from seed ${scenario.seed}`
        : `seed ${scenario.seed}`;
  return [
    `${preset?.label ?? scenario.preset}${changed > 0 ? `, ${changed} setting${changed === 1 ? '' : 's'} changed` : ''}`,
    `${scenario.interventions.length} intervention${scenario.interventions.length === 1 ? '' : 's'}`,
    runs,
    `${scenario.days} working days`,
    'Deployment death spiral simulator',
  ].join(' · ');
}
