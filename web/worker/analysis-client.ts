import {
  type SweepCell,
  type SweepSpec,
  sweepSize,
  validateSweep,
} from '../../src/analysis/sweep.ts';
import type { Params } from '../../src/index.ts';
import { analysisPool, type WorkerClient } from './pool.ts';
import type { AnalysisRequest, AnalysisResult } from './run-analysis.ts';

/** The message when this browser cannot start the workers the analyses run in. */
const NO_WORKERS =
  'This browser could not start the background workers the what-if analyses run in.';

/**
 * Runs one analysis in a worker, telling `onProgress` how far it has got; aborting `signal`
 * stops the worker and rejects with an AbortError.
 */
export async function requestAnalysis<Request extends AnalysisRequest>(
  request: Request,
  signal?: AbortSignal,
  onProgress?: (share: number) => void,
): Promise<AnalysisResult<Request['kind']>> {
  const pool = analysisPool();
  if (pool.length === 0) throw new Error(NO_WORKERS);
  const client = pool[0];
  signal?.throwIfAborted();
  const onAbort = () => client.cancel();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await requestAnalysisOn(client, request, onProgress);
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/** Asks one worker for an analysis, with the answer's type its kind promises. */
async function requestAnalysisOn<Request extends AnalysisRequest>(
  client: WorkerClient,
  request: Request,
  onProgress?: (share: number) => void,
): Promise<AnalysisResult<Request['kind']>> {
  // What crosses from the worker is the answer `runAnalysis` gave this request there.
  const answer = await client({ kind: 'analysis', analysis: request }, onProgress);
  return answer as AnalysisResult<Request['kind']>;
}

/**
 * Runs a sweep's cells across the worker pool, each idle worker taking the next cell, with
 * progress; aborting stops handing out cells at once and resolves with what is done.
 */
export async function runSweepInBrowser(
  params: Params,
  spec: SweepSpec,
  options: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<{ cells: SweepCell[]; cancelled: boolean }> {
  validateSweep(spec);
  const total = sweepSize(spec);
  const cells: SweepCell[] = new Array(total);
  const pool = analysisPool();
  let next = 0;
  let done = 0;
  const lane = async (run: (index: number) => Promise<SweepCell>) => {
    while (next < total && !options.signal?.aborted) {
      const index = next++;
      cells[index] = await run(index);
      options.onProgress?.(++done, total);
    }
  };
  if (pool.length === 0) throw new Error(NO_WORKERS);
  const lanes = pool.map((client) =>
    lane(async (index) => requestAnalysisOn(client, { kind: 'sweepCell', params, spec, index })),
  );
  await Promise.race([
    Promise.all(lanes),
    new Promise<void>((resolve) =>
      options.signal?.addEventListener('abort', () => resolve(), { once: true }),
    ),
  ]);
  const cancelled = Boolean(options.signal?.aborted) && done < total;
  return { cells: cancelled ? cells.filter(Boolean) : cells, cancelled };
}
