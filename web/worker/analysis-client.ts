import {
  type SweepCell,
  type SweepSpec,
  sweepSize,
  validateSweep,
} from '../../src/analysis/sweep.ts';
import type { Params } from '../../src/index.ts';
import { analysisPool, unwrap } from './pool.ts';
import type { AnalysisRequest } from './run-analysis.ts';

/** The message when this browser cannot start the workers the analyses run in. */
const NO_WORKERS =
  'This browser could not start the background workers the what-if analyses run in.';

/**
 * Runs one analysis in a worker, telling `onProgress` how far it has got; aborting `signal`
 * stops the worker and rejects with an AbortError.
 */
export async function requestAnalysis<T>(
  request: AnalysisRequest,
  signal?: AbortSignal,
  onProgress?: (share: number) => void,
): Promise<T> {
  const pool = analysisPool();
  if (pool.length === 0) throw new Error(NO_WORKERS);
  const client = pool[0];
  signal?.throwIfAborted();
  const onAbort = () => client.cancel();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return unwrap(await client({ analysis: request }, onProgress), (r) =>
      'analysis' in r ? (r.analysis as T) : undefined,
    );
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
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
    lane(async (index) =>
      unwrap(await client({ analysis: { kind: 'sweepCell', params, spec, index } }), (r) =>
        'analysis' in r ? (r.analysis as SweepCell) : undefined,
      ),
    ),
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
