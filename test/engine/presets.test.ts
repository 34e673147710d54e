import { describe, expect, it } from 'vitest';
import { DORA_TABLES, durationBucket, frequencyBucket, simulate } from '../../src/index';
import { preset } from '../helpers';

const table = DORA_TABLES[2023];
const within = (index: number, range: readonly [number, number]) =>
  index >= range[0] && index <= range[1];

describe('DORA presets land in their level', () => {
  for (const level of ['elite', 'high', 'medium', 'low'] as const) {
    it(`${level}: frequency, lead time and recovery in its bucket in at least 80% of 50 seeds; CFR within 5 points`, () => {
      const row = table.find((r) => r.level === level)!;
      const params = preset(level);
      let inLevel = 0;
      let cfr = 0;
      let overall = 0;
      for (let seed = 1; seed <= 50; seed++) {
        const s = simulate(params, { days: 520, seed }).summary;
        const ok =
          within(frequencyBucket(s.deploymentsPerWeek), row.frequency) &&
          within(durationBucket(s.leadTimeDays * 24), row.leadTime) &&
          within(durationBucket(s.timeToRestoreHours), row.recovery);
        if (ok) inLevel++;
        if (s.doraLevel === level) overall++;
        cfr += s.changeFailureRate / 50;
      }
      expect(inLevel).toBeGreaterThanOrEqual(40);
      expect(overall).toBeGreaterThanOrEqual(40);
      expect(Math.abs(cfr - row.changeFailureRate[0])).toBeLessThanOrEqual(0.05);
    });
  }
});

describe('story presets', () => {
  it('the escape steps bring the spiralling team back: smaller deployments, shorter lead time, more automation', () => {
    const spiral = simulate(preset('spiral'), {
      days: 520,
      seed: 1,
      interventions: [{ type: 'releaseSlip', day: 100, days: 8 }],
    });
    const recovery = simulate(preset('recovery'), { days: 520, seed: 1, interventions: [] });
    const withSteps = simulate(preset('recovery'), {
      days: 520,
      seed: 1,
      interventions: [
        { type: 'releaseSlip', day: 100, days: 8 },
        { type: 'mergeFreeze', day: 200, days: 20, mustHaveShare: 0.2 },
        { type: 'automationPush', day: 200, share: 0.3 },
        { type: 'cadence', day: 240, releaseIntervalDays: 5 },
        { type: 'removeApprovals', day: 260 },
        { type: 'crossFunctionalTeam', day: 260 },
      ],
    });
    expect(recovery.summary.meanDeploymentSizeLines).toBeGreaterThan(0);
    expect(withSteps.summary.meanDeploymentSizeLines).toBeLessThan(
      0.7 * spiral.summary.meanDeploymentSizeLines,
    );
    expect(withSteps.summary.leadTimeDays).toBeLessThan(0.7 * spiral.summary.leadTimeDays);
    expect(withSteps.summary.automationLevel).toBeGreaterThan(spiral.summary.automationLevel + 0.3);
  });
});
