/// <reference lib="webworker" />
import { InputError } from '../../src/index.ts';
import type { UiScenario } from '../state/ui-scenario.ts';
import type { WorkerJobs, WorkerRequest, WorkerResponse } from './protocol.ts';
import { runAnalysis } from './run-analysis.ts';
import { runBlock, runScenario, runWindow } from './run-scenario.ts';

/** Does what a request asks, by its kind. */
function answer(request: WorkerRequest): unknown {
  switch (request.kind) {
    case 'run': {
      const view = runScenario(request.scenario);
      rehearse(request.scenario);
      return view;
    }
    case 'block':
      return runBlock(request.scenario, request.block.fromRun, request.block.count);
    case 'window':
      return runWindow(request.scenario, request.upToDay);
    case 'analysis':
      return runAnalysis(request.analysis, progressReporter(request.id));
  }
}

// A simulation worker: runs a scenario, a block of its Monte Carlo runs, its figures up to a day,
// or an analysis, off the main thread.
self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const { id } = event.data;
  let response: WorkerResponse;
  let transfer: Transferable[] = [];
  try {
    const value = answer(event.data);
    response = { id, answer: value };
    transfer = transferables(event.data, value);
  } catch (error) {
    const message =
      error instanceof InputError ? error.message : `The simulation failed: ${String(error)}`;
    response = { id, error: message };
  }
  (self as unknown as Worker).postMessage(response, transfer);
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

/** The typed arrays of an answer, handed over instead of copied. */
function transferables(request: WorkerRequest, answer: unknown): Transferable[] {
  const buffers: Transferable[] = [];
  const add = (values: ArrayBufferView | undefined) => {
    if (values && values.buffer instanceof ArrayBuffer && !buffers.includes(values.buffer))
      buffers.push(values.buffer);
  };
  if (request.kind === 'run') {
    const view = answer as WorkerJobs['run']['answer'];
    for (const values of Object.values(view.series)) add(values);
    for (const band of Object.values(view.bands)) {
      add(band?.p10);
      add(band?.p50);
      add(band?.p90);
    }
  } else if (request.kind === 'block') {
    const samples = answer as WorkerJobs['block']['answer'];
    for (const values of Object.values(samples.series)) add(values);
    for (const values of Object.values(samples.figures)) add(values);
    if (samples.first) for (const values of Object.values(samples.first.series)) add(values);
  }
  return buffers;
}
