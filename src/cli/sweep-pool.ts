import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  type SweepCell,
  type SweepControl,
  type SweepSpec,
  sweepSize,
  validateSweep,
} from '../analysis/sweep.ts';
import type { Params } from '../inputs/params.ts';

/** Options of a parallel sweep: how many workers, progress, and a signal that cancels it. */
export interface ParallelSweepOptions extends Omit<SweepControl, 'isCancelled'> {
  workers?: number;
  signal?: AbortSignal;
}

/**
 * Runs a sweep's cells on worker threads, handing each idle worker the next cell so uneven
 * cells balance out. Cells are reproducible on their own, so the result does not depend on the
 * number of workers. Aborting the signal terminates the workers at once.
 */
export function runSweepInParallel(
  params: Params,
  spec: SweepSpec,
  options: ParallelSweepOptions = {},
): Promise<{ cells: SweepCell[]; cancelled: boolean }> {
  validateSweep(spec);
  const total = sweepSize(spec);
  const count = Math.max(1, Math.min(options.workers ?? availableParallelism(), total));
  const cells: SweepCell[] = new Array(total);
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const finish = (cancelled: boolean) => {
      for (const worker of workers) void worker.terminate();
      resolve({ cells: cancelled ? cells.filter(Boolean) : cells, cancelled });
    };
    if (options.signal?.aborted) return finish(true);
    options.signal?.addEventListener('abort', () => finish(true), { once: true });
    for (let w = 0; w < count; w++) {
      // Beside the sources this loads them through tsx; in the built command it is the bundled worker.
      const worker = new Worker(new URL('./sweep-worker.mjs', import.meta.url));
      workers.push(worker);
      const handOut = () => {
        if (next < total) worker.postMessage({ index: next++ });
      };
      worker.on('message', (cell: SweepCell) => {
        cells[cell.index] = cell;
        done++;
        options.onProgress?.(done, total);
        if (done === total) finish(false);
        else handOut();
      });
      worker.on('error', (error) => {
        for (const other of workers) void other.terminate();
        reject(error);
      });
      worker.postMessage({ params, spec });
      handOut();
    }
  });
}
