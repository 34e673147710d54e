import type { Intervention, Params } from '../../src/index.ts';
import type { RunView } from '../worker/protocol.ts';
import { scenarioFromPreset, type UiScenario } from './ui-scenario.ts';

/** A scenario the user pinned to compare against, with the run it produced. */
export interface Baseline {
  scenario: UiScenario;
  view: RunView;
}

/**
 * Why the scenario changed: a slider moving (`input`), a settled change (`commit`), the address
 * read back (`restore`), or the baseline pinned or cleared (`baseline`).
 */
export type ChangeReason = 'input' | 'commit' | 'restore' | 'baseline';

/**
 * The one place the UI's inputs live. Components ask it for changes; it tells its listeners,
 * and the app turns each change into a run and a URL.
 */
export class ScenarioStore extends EventTarget {
  /** The scenario being shown. */
  scenario: UiScenario;
  /** The pinned baseline, if any. */
  baseline: Baseline | null = null;

  constructor(initial: UiScenario = scenarioFromPreset('medium')) {
    super();
    this.scenario = initial;
  }

  private changed(reason: ChangeReason): void {
    this.dispatchEvent(new CustomEvent<ChangeReason>('change', { detail: reason }));
  }

  /** Calls `listener` with the reason of every change; the function it returns stops that. */
  onChange(listener: (reason: ChangeReason) => void): () => void {
    const heard = (event: Event) => listener((event as CustomEvent<ChangeReason>).detail);
    this.addEventListener('change', heard);
    return () => this.removeEventListener('change', heard);
  }

  /** Sets one parameter; `input` while a slider moves, `commit` for a settled change. */
  setParam(
    id: keyof Params,
    value: Params[keyof Params],
    reason: 'input' | 'commit' = 'commit',
  ): void {
    if (this.scenario.params[id] === value) return;
    this.scenario = { ...this.scenario, params: { ...this.scenario.params, [id]: value } };
    this.changed(reason);
  }

  /** Starts again from a preset. */
  setPreset(presetId: string): void {
    const next = scenarioFromPreset(presetId);
    this.scenario = { ...next, runs: this.scenario.runs, mode: this.scenario.mode };
    this.changed('commit');
  }

  /** Sets the run settings: Monte Carlo runs, randomness mode, seed. */
  setRunSettings(settings: Partial<Pick<UiScenario, 'runs' | 'mode' | 'seed' | 'days'>>): void {
    this.scenario = { ...this.scenario, ...settings };
    this.changed('commit');
  }

  /** Replaces the interventions on the timeline. */
  setInterventions(interventions: Intervention[]): void {
    this.scenario = {
      ...this.scenario,
      interventions: [...interventions].sort((a, b) => a.day - b.day),
    };
    this.changed('commit');
  }

  /** Replaces the whole scenario (from the URL, a file or a snapshot); `restore` does not add history. */
  replace(scenario: UiScenario, reason: 'commit' | 'restore' = 'commit'): void {
    this.scenario = scenario;
    this.changed(reason);
  }

  /** Pins the current scenario and its run as the baseline. */
  pinBaseline(view: RunView): void {
    this.baseline = { scenario: this.scenario, view };
    this.changed('baseline');
  }

  /** Removes the baseline. */
  clearBaseline(): void {
    this.baseline = null;
    this.changed('baseline');
  }
}
