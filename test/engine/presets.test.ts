import { describe, expect, it } from 'vitest';
import {
  DORA_TABLES,
  durationBucket,
  findPreset,
  frequencyBucket,
  presetParams,
  simulate,
} from '../../src/index';
import { preset, sum } from '../helpers';

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
  const run = (id: string, seed: number) => {
    const story = findPreset(id)!;
    return simulate(presetParams(story), {
      days: story.days,
      seed,
      interventions: story.interventions,
    });
  };
  const window = (r: ReturnType<typeof simulate>, from: number, to: number) => {
    const shipped = sum(r.series.linesDeployed, from, to);
    const lead = sum(
      r.series.leadTimeDays.map((l, d) => l * r.series.linesDeployed[d]),
      from,
      to,
    );
    return {
      lead: shipped > 0 ? lead / shipped : Number.POSITIVE_INFINITY,
      wip: sum(r.series.wipLines, from, to) / (to - from),
    };
  };

  it('spiral: after the slip, lead time and undeployed code keep growing (in at least 8 of 10 seeds)', () => {
    let spiralled = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const result = run('spiral', seed);
      const before = window(result, 60, 100);
      const after = window(result, 420, 520);
      if (after.lead > 3 * before.lead && after.wip > 3 * before.wip) spiralled++;
    }
    expect(spiralled).toBeGreaterThanOrEqual(8);
  });

  it('recovery: the escape steps bring the same team back, better than before the slip', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const result = run('recovery', seed);
      const before = window(result, 60, 100);
      const after = window(result, 420, 520);
      expect(after.lead).toBeLessThan(before.lead);
      expect(after.wip).toBeLessThan(before.wip);
      expect(result.series.automationLevel[519]).toBeGreaterThan(
        result.series.automationLevel[99] + 0.3,
      );
    }
  });
});
