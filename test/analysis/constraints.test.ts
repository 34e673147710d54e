import { describe, expect, it } from 'vitest';
import { improvementRanking, valueStream } from '../../src/analysis/constraints.ts';
import { simulate, toCalendarDays } from '../../src/index.ts';
import { advance, startSimulation } from '../../src/simulate.ts';
import { preset } from '../helpers.ts';

describe('value stream', () => {
  for (const id of ['elite', 'high', 'medium', 'low', 'recovery']) {
    it(`${id}: the stage times add up to the mean lead time (Little's law per stage)`, () => {
      const state = advance(startSimulation(preset(id), { days: 520, seed: 4 }), 520);
      const histogram = state.windowTotals.leadTimes;
      const meanLead = toCalendarDays(histogram.weightedSum / histogram.total);
      const stream = valueStream(simulate(preset(id), { days: 520, seed: 4 }));
      expect(stream.meanLeadTimeDays).toBeCloseTo(meanLead, 6);
      expect(stream.stages.reduce((sum, s) => sum + s.share, 0)).toBeCloseTo(1, 9);
      for (const stage of stream.stages) expect(stage.calendarDays).toBeGreaterThanOrEqual(-1e-9);
    });
  }

  it('puts an obvious bottleneck first in the improvement ranking', () => {
    const team = preset('high', { approvalWaitDays: 5 });
    const { base, ranking } = improvementRanking(team, { days: 400 });
    expect(base.constraint).toBe('approval');
    expect(ranking[0].stage).toBe('approval');
    expect(ranking[0].leadTimeChange).toBeLessThan(-5);
    // Improving a stage that is not the constraint buys little.
    const deploy = ranking.find((r) => r.stage === 'deploy')!;
    expect(Math.abs(deploy.leadTimeChange)).toBeLessThan(Math.abs(ranking[0].leadTimeChange) / 5);
  });
});
