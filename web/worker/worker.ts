/// <reference lib="webworker" />
import { InputError } from '../../src/index.ts';
import type { UiScenario } from '../state/ui-scenario.ts';
import type { RunRequest, RunResponse } from './protocol.ts';
import { runAnalysis } from './run-analysis.ts';
import { runBlock, runScenario, runWindow } from './run-scenario.ts';

// A simulation worker: runs a scenario, or a block of its Monte Carlo runs, off the main thread.
self.onmessage = (event: MessageEvent<RunRequest>) => {
  const { id, scenario, block, upToDay, analysis } = event.data;
  let response: RunResponse;
  try {
    if (analysis) response = { id, analysis: runAnalysis(analysis, progressReporter(id)) };
    else if (!scenario) throw new Error('a request needs a scenario or an analysis');
    else if (block) response = { id, samples: runBlock(scenario, block.fromRun, block.count) };
    else if (upToDay !== undefined) response = { id, window: runWindow(scenario, upToDay) };
    else {
      response = { id, view: runScenario(scenario) };
      rehearse(scenario);
    }
  } catch (error) {
    const message =
      error instanceof InputError ? error.message : `The simulation failed: ${String(error)}`;
    response = { id, error: message };
  }
  (self as unknown as Worker).postMessage(response, transferables(response));
};

/**
 * Runs a browser's optimiser needs before a run is fast: the first dozens take several times
 * longer than the rest (about 10 ms against 1.5 ms for a two-year run in Chromium).
 */
const REHEARSALS = 60;
/** The most time rehearsals may take in all, so a slow device stops early. */
const REHEARSAL_BUDGET_MS = 800;
let rehearsalStarted = false;

/**
 * After its first answer an idle worker rehearses the scenario it was given, one run per task,
 * so the optimiser has compiled the day's code before the user's first slider moves rather than
 * during them. A request that arrives meanwhile waits for one run at most.
 */
function rehearse(scenario: UiScenario): void {
  if (rehearsalStarted) return;
  rehearsalStarted = true;
  const started = performance.now();
  const next = (run: number) => {
    if (run > REHEARSALS || performance.now() - started > REHEARSAL_BUDGET_MS) return;
    runScenario({ ...scenario, runs: 1, seed: scenario.seed + run });
    setTimeout(() => next(run + 1), 0);
  };
  setTimeout(() => next(1), 0);
}

/** Posts an analysis's progress, at most every tenth of a second, so messages stay few. */
function progressReporter(id: number): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const now = performance.now();
    if (now - last < 100) return;
    last = now;
    (self as unknown as Worker).postMessage({ id, progress: total > 0 ? done / total : 0 });
  };
}

/** The typed arrays of a response, handed over instead of copied. */
function transferables(response: RunResponse): Transferable[] {
  const buffers: Transferable[] = [];
  const add = (values: ArrayBufferView | undefined) => {
    if (values && values.buffer instanceof ArrayBuffer && !buffers.includes(values.buffer))
      buffers.push(values.buffer);
  };
  if ('view' in response) {
    for (const values of Object.values(response.view.series)) add(values);
    for (const band of Object.values(response.view.bands)) {
      add(band?.p10);
      add(band?.p50);
      add(band?.p90);
    }
  } else if ('samples' in response) {
    for (const values of Object.values(response.samples.series)) add(values);
    for (const values of Object.values(response.samples.figures)) add(values);
    if (response.samples.first)
      for (const values of Object.values(response.samples.first.series)) add(values);
  }
  return buffers;
}
