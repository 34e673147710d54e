import type { UiScenario } from '../state/scenario';
import type { RunView } from './protocol';

/** Runs one scenario at a time; resolves with its view or rejects with an error message. */
export type ScenarioRunner = (scenario: UiScenario) => Promise<RunView>;

/** A scheduler that merges bursts of changes (a slider drag) into as few runs as possible. */
export interface RunScheduler {
  /** Asks for a run; while one is in flight only the latest request waits, earlier ones are dropped. */
  request(scenario: UiScenario): void;
}

/**
 * Creates a scheduler: at most one run in flight and one waiting, the waiting one replaced by
 * each newer request. Every finished run is shown (it is newer than what is on screen), and the
 * last one shown is always the latest input.
 */
export function createRunScheduler(
  run: ScenarioRunner,
  onResult: (view: RunView, scenario: UiScenario) => void,
  onError: (message: string) => void,
): RunScheduler {
  let running = false;
  let waiting: UiScenario | null = null;

  const start = (scenario: UiScenario): void => {
    running = true;
    run(scenario)
      .then((view) => onResult(view, scenario))
      .catch((error: unknown) => onError(error instanceof Error ? error.message : String(error)))
      .finally(() => {
        running = false;
        const next = waiting;
        waiting = null;
        if (next) start(next);
      });
  };

  return {
    request(scenario) {
      if (running) waiting = scenario;
      else start(scenario);
    },
  };
}
