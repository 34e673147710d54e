import { describe, expect, it } from 'vitest';
import { plausibleRange, sensitivity } from '../../src/analysis/sensitivity.ts';
import { PARAM_BY_ID } from '../../src/index.ts';
import { preset } from '../helpers.ts';

describe('sensitivity', () => {
  it('ranks what moves lead time on a pipeline-bound train (testing first), with the economics parameters at zero effect', () => {
    const bars = sensitivity(preset('medium'), 'leadTimeDays', { days: 400 });
    expect(bars.length).toBeGreaterThan(30);
    for (let i = 1; i < bars.length; i++)
      expect(bars[i - 1].swing).toBeGreaterThanOrEqual(bars[i].swing);
    const top = bars.slice(0, 8).map((b) => b.param);
    // Who can fix a release and how fast they fix it move lead time most; prices do not move it.
    expect(top).toContain('stabilisationShare');
    expect(top).toContain('fixDaysPerDefect');
    const holding = bars.find((b) => b.param === 'holdingCostPerKlocDay')!;
    expect(holding.swing).toBe(0);
  });

  it('moves each parameter half to one and a half times, inside its limits', () => {
    expect(plausibleRange(PARAM_BY_ID.get('releaseIntervalDays')!, 10)).toEqual([5, 15]);
    expect(plausibleRange(PARAM_BY_ID.get('failureShare')!, 0.8)).toEqual([0.4, 1]);
    expect(plausibleRange(PARAM_BY_ID.get('teamSize')!, 3)).toEqual([2, 5]);
    expect(() => sensitivity(preset('medium'), 'nonsense' as never)).toThrow(/metric/);
  });
});
