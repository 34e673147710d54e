import { parentPort } from 'node:worker_threads';
import { runSweepCell, type SweepSpec } from '../analysis/sweep.ts';
import type { Params } from '../inputs/params.ts';

// A sweep worker: runs the cells it is handed, one message each way per cell.
let job: { params: Params; spec: SweepSpec } | null = null;
parentPort!.on('message', (message: { params?: Params; spec?: SweepSpec; index?: number }) => {
  if (message.params && message.spec) {
    job = { params: message.params, spec: message.spec };
    return;
  }
  if (job && message.index !== undefined)
    parentPort!.postMessage(runSweepCell(job.params, job.spec, message.index));
});
