import type { MonteCarloSamples } from '../../src/index.ts';
import type { UiScenario } from '../state/ui-scenario.ts';
import { workerPool } from './pool.ts';
import type { RunView, WindowSummary } from './protocol.ts';
import { isMonteCarlo, viewOfBlocks } from './view-of.ts';

/**
 * A runner backed by a pool of Web Workers, one per core (at most four): a single run goes to
 * one worker; a Monte Carlo is split into blocks run in parallel and merged here.
 */
export function createWorkerRunner(): (scenario: UiScenario) => Promise<RunView> {
  const pool = workerPool();
  if (pool.length === 0) {
    return async () => {
      throw new Error('This browser could not start the background workers the simulator runs in.');
    };
  }
  return async (scenario) => {
    if (!isMonteCarlo(scenario)) {
      return pool[0]({ kind: 'run', scenario });
    }
    const started = performance.now();
    const blocks = Math.min(pool.length, scenario.runs);
    const perBlock = Math.ceil(scenario.runs / blocks);
    const requests: Promise<MonteCarloSamples>[] = [];
    for (let b = 0; b < blocks; b++) {
      const fromRun = b * perBlock;
      const count = Math.min(perBlock, scenario.runs - fromRun);
      if (count > 0) requests.push(pool[b]({ kind: 'block', scenario, block: { fromRun, count } }));
    }
    return viewOfBlocks(await Promise.all(requests), started);
  };
}

/**
 * Runs a scenario's figures up to a day on the pool's last worker, beside the simulator's single
 * runs on the first, so a story step or a paused play does not hold up a slider's run.
 */
export function createWindowRunner(): (
  scenario: UiScenario,
  upToDay: number,
) => Promise<WindowSummary> {
  const pool = workerPool();
  return async (scenario, upToDay) => {
    if (pool.length === 0)
      throw new Error('This browser could not start the background workers the simulator runs in.');
    const client = pool[pool.length - 1];
    return client({ kind: 'window', scenario, upToDay });
  };
}
