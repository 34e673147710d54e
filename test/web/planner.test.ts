import { describe, expect, it } from 'vitest';
import { PARAM_BY_ID, PARAMS, simulate, usesLogScale } from '../../src/index.ts';
import { cadenceNote } from '../../web/simulator/cadence-note.ts';
import {
  LOG_POSITIONS,
  sliderPosition,
  sliderValue,
  stopAt,
} from '../../web/simulator/param-scale.ts';
import { preset } from '../helpers.ts';

describe('logarithmic controls', () => {
  it('every parameter spanning more than two decades gets one, the shares and switches do not', () => {
    expect(usesLogScale(PARAM_BY_ID.get('releaseIntervalDays')!)).toBe(true);
    expect(usesLogScale(PARAM_BY_ID.get('approvalWaitDays')!)).toBe(true);
    expect(usesLogScale(PARAM_BY_ID.get('testAutomation')!)).toBe(false);
    expect(usesLogScale(PARAM_BY_ID.get('rollbackAvailable')!)).toBe(false);
    for (const spec of PARAMS.filter(usesLogScale))
      expect(spec.max / Math.max(spec.min, spec.step), spec.id).toBeGreaterThan(100);
  });

  it('maps positions to values evenly in ratio, on the step, from the bottom of the range to the top', () => {
    const spec = PARAM_BY_ID.get('releaseIntervalDays')!;
    expect(sliderValue(spec, 0)).toBe(spec.min);
    expect(sliderValue(spec, LOG_POSITIONS)).toBe(spec.max);
    for (let position = 1; position <= LOG_POSITIONS; position += 7) {
      const value = sliderValue(spec, position);
      expect(Math.abs(value / spec.step - Math.round(value / spec.step))).toBeLessThan(1e-9);
      // Near the bottom several positions round to the same step; above it each reads back.
      if (value > 10 * spec.step)
        expect(Math.abs(sliderPosition(spec, value) - position)).toBeLessThanOrEqual(1);
    }
    // Equal moves, equal ratios (away from the bottom, where the step rounds).
    const ratio = (from: number) => sliderValue(spec, from + 40) / sliderValue(spec, from);
    expect(ratio(100) / ratio(150)).toBeCloseTo(1, 1);
    expect(stopAt(spec, 5)).toBe('weekly');
    expect(stopAt(spec, 6)).toBeNull();
  });
});

describe('the cadence note', () => {
  it('says when the pipeline is slower than the train, with the gap and the pipeline time from the run', () => {
    const params = preset('medium', { releaseIntervalDays: 3 });
    const run = simulate(params, { days: 520, seed: 1 });
    const note = cadenceNote(run, params);
    expect(note).toMatch(
      /^Releases leave every ([\d.]+) working days, not every 3: the pipeline takes ([\d.]+) working days per release/,
    );
    const [, gap, pipeline] = note!.match(/every ([\d.]+) working days, not .* takes ([\d.]+)/)!;
    const shipped = run.deployments.filter((d) => d.time >= run.warmupDays);
    expect(Number(gap)).toBeGreaterThan(3 * 1.15);
    expect(Number(pipeline)).toBeGreaterThan(3);
    expect(shipped.some((d) => Math.abs(d.pipelineDays - Number(pipeline)) < 1)).toBe(true);
  });

  it('stays quiet when the train runs as set, and for teams that do not run a train', () => {
    const medium = preset('medium');
    expect(cadenceNote(simulate(medium, { days: 520, seed: 1 }), medium)).toBeNull();
    const elite = preset('elite');
    expect(cadenceNote(simulate(elite, { days: 300, seed: 1 }), elite)).toBeNull();
  });
});
