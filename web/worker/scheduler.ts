import { errorMessage } from '../../src/index.ts';
import type { UiScenario } from '../state/ui-scenario.ts';
import type { RunView } from './protocol.ts';

/** A scheduler that merges bursts of requests (a slider drag) into as few runs as possible. */
export interface RunScheduler<Input = UiScenario> {
  /** Asks for a run; while one is in flight only the latest request waits, earlier ones are dropped. */
  request(input: Input): void;
}

/**
 * Creates a scheduler: at most one run in flight and one waiting, the waiting one replaced by
 * each newer request. Every finished run is shown (it is newer than what is on screen), and the
 * last one shown is always the latest input.
 */
export function createRunScheduler<Input = UiScenario, Output = RunView>(
  run: (input: Input) => Promise<Output>,
  onResult: (output: Output, input: Input) => void,
  onError: (message: string) => void,
): RunScheduler<Input> {
  let running = false;
  let waiting: { input: Input } | null = null;

  const start = (input: Input): void => {
    running = true;
    run(input)
      .then((output) => onResult(output, input))
      .catch((error: unknown) => onError(errorMessage(error)))
      .finally(() => {
        running = false;
        const next = waiting;
        waiting = null;
        if (next) start(next.input);
      });
  };

  return {
    request(input) {
      if (running) waiting = { input };
      else start(input);
    },
  };
}
