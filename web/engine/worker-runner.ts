import type { UiScenario } from '../state/scenario';
import type { RunResponse, RunView } from './protocol';
import { runScenario } from './run-scenario';

/**
 * A runner backed by a Web Worker; if workers are unavailable it runs in the page instead,
 * so the simulator still works (more slowly) from anywhere.
 */
export function createWorkerRunner(): (scenario: UiScenario) => Promise<RunView> {
  let worker: Worker | null = null;
  try {
    worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = null;
  }
  if (!worker) return async (scenario) => runScenario(scenario);
  let nextId = 0;
  const pending = new Map<
    number,
    { resolve: (view: RunView) => void; reject: (error: Error) => void }
  >();
  worker.onmessage = (event: MessageEvent<RunResponse>) => {
    const response = event.data;
    const waiter = pending.get(response.id);
    if (!waiter) return;
    pending.delete(response.id);
    if ('error' in response) waiter.reject(new Error(response.error));
    else waiter.resolve(response.view);
  };
  const active = worker;
  return (scenario) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      active.postMessage({ id, scenario });
    });
}
