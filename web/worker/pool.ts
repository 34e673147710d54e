import type { RunRequest, RunResponse } from './protocol.ts';

/**
 * A worker that answers requests by id, telling `onProgress` how far a long one has got;
 * `cancel` stops what it is doing and rejects what it had pending.
 */
export type WorkerClient = ((
  request: Omit<RunRequest, 'id'>,
  onProgress?: (share: number) => void,
) => Promise<RunResponse>) & {
  cancel(): void;
};

/** Starts one simulation worker; throws when the browser cannot. */
export type WorkerFactory = () => Worker;

const startSimulationWorker: WorkerFactory = () =>
  new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });

/**
 * A client for one worker. A worker that dies (an uncaught error, a failed load) rejects what it
 * had pending with a message saying so, and a fresh worker takes its place for the next request.
 */
export function createWorkerClient(start: WorkerFactory = startSimulationWorker): WorkerClient {
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<
    number,
    {
      resolve: (r: RunResponse) => void;
      reject: (e: Error) => void;
      onProgress?: (share: number) => void;
    }
  >();

  const crash = (why: string) => {
    worker?.terminate();
    worker = null;
    const error = new Error(
      `The simulation worker stopped (${why}); a new one has been started, so try again.`,
    );
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };

  const ensure = (): Worker => {
    if (worker) return worker;
    const started = start();
    started.onmessage = (event: MessageEvent<RunResponse>) => {
      const waiting = pending.get(event.data.id);
      if ('progress' in event.data) {
        waiting?.onProgress?.(event.data.progress);
        return;
      }
      pending.delete(event.data.id);
      waiting?.resolve(event.data);
    };
    started.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      crash(event.message || 'it could not run');
    };
    started.onmessageerror = () => crash('its answer could not be read');
    worker = started;
    return started;
  };

  const client = (request: Omit<RunRequest, 'id'>, onProgress?: (share: number) => void) =>
    new Promise<RunResponse>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject, onProgress });
      try {
        ensure().postMessage({ ...request, id });
      } catch (error) {
        pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  // A worker cannot be interrupted mid-run: cancelling ends it, and the next request starts a new one.
  const cancel = () => {
    worker?.terminate();
    worker = null;
    const error = new DOMException('Cancelled', 'AbortError');
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  return Object.assign(client, { cancel });
}

/** Whether this browser can start module workers at all. */
function canStartWorkers(): boolean {
  try {
    startSimulationWorker().terminate();
    return true;
  } catch {
    return false;
  }
}

let pool: WorkerClient[] | null = null;
let analysisClients: WorkerClient[] | null = null;

/**
 * The page's simulation workers, one per core (at most four), started on first use. The
 * simulator's runs use them; analyses have workers of their own (`analysisPool`), so a long
 * analysis never delays a slider's run. Empty when the browser cannot start workers.
 */
export function workerPool(): WorkerClient[] {
  if (!pool) {
    const size = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
    pool = canStartWorkers() ? Array.from({ length: size }, () => createWorkerClient()) : [];
  }
  return pool;
}

/**
 * The workers analyses run in, as many as the simulator's but apart from them, so an analysis
 * never queues in front of a slider's run. Empty when the browser cannot start workers.
 */
export function analysisPool(): WorkerClient[] {
  if (!analysisClients) analysisClients = workerPool().map(() => createWorkerClient());
  return analysisClients;
}

/** The value a response carries, or the worker's error as an exception. */
export function unwrap<T>(response: RunResponse, pick: (r: RunResponse) => T | undefined): T {
  if ('error' in response) throw new Error(response.error);
  const value = pick(response);
  if (value === undefined) throw new Error('The simulation worker gave an unexpected answer.');
  return value;
}
