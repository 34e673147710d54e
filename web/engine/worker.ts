/// <reference lib="webworker" />
import { InputError } from '../../src/index';
import type { RunRequest, RunResponse } from './protocol';
import { runScenario } from './run-scenario';

// The simulation worker: runs scenarios off the main thread so the page never blocks.
self.onmessage = (event: MessageEvent<RunRequest>) => {
  const { id, scenario } = event.data;
  let response: RunResponse;
  try {
    response = { id, view: runScenario(scenario) };
  } catch (error) {
    const message =
      error instanceof InputError ? error.message : `The simulation failed: ${String(error)}`;
    response = { id, error: message };
  }
  (self as unknown as Worker).postMessage(response);
};
