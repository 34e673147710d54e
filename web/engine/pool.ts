import type { RunRequest, RunResponse } from './protocol';

/** A worker that answers requests by id. */
export type WorkerClient = (request: Omit<RunRequest, 'id'>) => Promise<RunResponse>;

function createWorkerClient(): WorkerClient | null {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  let nextId = 0;
  const pending = new Map<number, (response: RunResponse) => void>();
  worker.onmessage = (event: MessageEvent<RunResponse>) => {
    const resolve = pending.get(event.data.id);
    pending.delete(event.data.id);
    resolve?.(event.data);
  };
  return (request) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      worker.postMessage({ ...request, id });
    });
}

let pool: WorkerClient[] | null = null;

/**
 * The page's simulation workers, one per core (at most four), started on first use and shared
 * by the simulator and the what-if analyses. Empty when the browser cannot start workers.
 */
export function workerPool(): WorkerClient[] {
  if (!pool) {
    const size = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
    pool = Array.from({ length: size }, createWorkerClient).filter(
      (client): client is WorkerClient => client !== null,
    );
  }
  return pool;
}

/** The value a response carries, or the worker's error as an exception. */
export function unwrap<T>(response: RunResponse, pick: (r: RunResponse) => T | undefined): T {
  if ('error' in response) throw new Error(response.error);
  const value = pick(response);
  if (value === undefined) throw new Error('The simulation worker gave an unexpected answer.');
  return value;
}
