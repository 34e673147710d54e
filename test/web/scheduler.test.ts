import { describe, expect, it } from 'vitest';
import { scenarioFromPreset, type UiScenario } from '../../web/state/ui-scenario.ts';
import type { RunView } from '../../web/worker/protocol.ts';
import { createRunScheduler } from '../../web/worker/scheduler.ts';

function deferredRunner() {
  const calls: { scenario: UiScenario; resolve: (view: RunView) => void }[] = [];
  const run = (scenario: UiScenario) =>
    new Promise<RunView>((resolve) => calls.push({ scenario, resolve }));
  return { calls, run };
}

const viewFor = (scenario: UiScenario) => ({ days: scenario.days }) as unknown as RunView;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('run scheduler', () => {
  it('merges a burst of requests into the running one and the latest', async () => {
    const { calls, run } = deferredRunner();
    const shown: number[] = [];
    const scheduler = createRunScheduler(
      run,
      (_, scenario) => shown.push(scenario.params.teamSize),
      () => {},
    );
    const base = scenarioFromPreset('medium');
    for (let team = 1; team <= 10; team++)
      scheduler.request({ ...base, params: { ...base.params, teamSize: team } });
    expect(calls).toHaveLength(1);
    calls[0].resolve(viewFor(calls[0].scenario));
    await flush();
    expect(calls).toHaveLength(2);
    expect(calls[1].scenario.params.teamSize).toBe(10);
    calls[1].resolve(viewFor(calls[1].scenario));
    await flush();
    expect(shown).toEqual([1, 10]);
  });

  it('reports a failed run and carries on with the next', async () => {
    const errors: string[] = [];
    let attempt = 0;
    const scheduler = createRunScheduler(
      async (scenario) => {
        attempt++;
        if (attempt === 1) throw new Error('teamSize: bad');
        return viewFor(scenario);
      },
      () => {},
      (message) => errors.push(message),
    );
    scheduler.request(scenarioFromPreset('low'));
    await flush();
    scheduler.request(scenarioFromPreset('low'));
    await flush();
    expect(errors).toEqual(['teamSize: bad']);
    expect(attempt).toBe(2);
  });
});
