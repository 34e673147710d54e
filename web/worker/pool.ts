import type { WorkerCall, WorkerJob, WorkerJobs, WorkerResponse } from './protocol.ts';

/**
 * A worker that answers requests by id with the answer their kind promises, telling
 * `onProgress` how far a long one has got; an error answer rejects with its message, and
 * `cancel` stops what it is doing and rejects what it had pending.
 */
export type WorkerClient = (<Job extends WorkerJob>(
  request: WorkerCall<Job>,
  onProgress?: (share: number) => void,
) => Promise<WorkerJobs[Job]['answer']>) & {
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
      resolve: (answer: unknown) => void;
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
    started.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      const waiting = pending.get(message.id);
      if ('progress' in message) {
        waiting?.onProgress?.(message.progress);
        return;
      }
      pending.delete(message.id);
      if ('error' in message) waiting?.reject(new Error(message.error));
      else waiting?.resolve(message.answer);
    };
    started.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      crash(event.message || 'it could not run');
    };
    started.onmessageerror = () => crash('its answer could not be read');
    worker = started;
    return started;
  };

  const client = <Job extends WorkerJob>(
    request: WorkerCall<Job>,
    onProgress?: (share: number) => void,
  ) =>
    new Promise<WorkerJobs[Job]['answer']>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (answer: unknown) => void, reject, onProgress });
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
