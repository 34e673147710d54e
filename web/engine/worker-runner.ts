import type { MonteCarloSamples } from '../../src/index';
import type { UiScenario } from '../state/scenario';
import type { RunRequest, RunResponse, RunView } from './protocol';
import { isMonteCarlo, runScenario, viewOfBlocks } from './run-scenario';

type Waiter = { resolve: (response: RunResponse) => void };

/** One worker with request ids matched to answers. */
function createWorkerClient(): ((request: Omit<RunRequest, 'id'>) => Promise<RunResponse>) | null {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  let nextId = 0;
  const pending = new Map<number, Waiter>();
  worker.onmessage = (event: MessageEvent<RunResponse>) => {
    const waiter = pending.get(event.data.id);
    pending.delete(event.data.id);
    waiter?.resolve(event.data);
  };
  return (request) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, { resolve });
      worker.postMessage({ ...request, id });
    });
}

function unwrap<T>(response: RunResponse, pick: (r: RunResponse) => T | undefined): T {
  if ('error' in response) throw new Error(response.error);
  const value = pick(response);
  if (value === undefined) throw new Error('The simulation worker gave an unexpected answer.');
  return value;
}

/**
 * A runner backed by a pool of Web Workers, one per core (at most four): a single run goes to
 * one worker; a Monte Carlo is split into blocks run in parallel and merged here. Without
 * workers it runs in the page, more slowly, so the simulator still works anywhere.
 */
export function createWorkerRunner(): (scenario: UiScenario) => Promise<RunView> {
  const size = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
  const pool = Array.from({ length: size }, createWorkerClient).filter((client) => client !== null);
  if (pool.length === 0) return async (scenario) => runScenario(scenario);
  return async (scenario) => {
    if (!isMonteCarlo(scenario)) {
      return unwrap(await pool[0]({ scenario }), (r) => ('view' in r ? r.view : undefined));
    }
    const started = performance.now();
    const blocks = Math.min(pool.length, scenario.runs);
    const perBlock = Math.ceil(scenario.runs / blocks);
    const requests: Promise<RunResponse>[] = [];
    for (let b = 0; b < blocks; b++) {
      const fromRun = b * perBlock;
      const count = Math.min(perBlock, scenario.runs - fromRun);
      if (count > 0) requests.push(pool[b]({ scenario, block: { fromRun, count } }));
    }
    const samples: MonteCarloSamples[] = (await Promise.all(requests)).map((r) =>
      unwrap(r, (x) => ('samples' in x ? x.samples : undefined)),
    );
    return viewOfBlocks(samples, started);
  };
}
