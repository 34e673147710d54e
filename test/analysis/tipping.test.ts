import { describe, expect, it } from 'vitest';
import { classifyOutcome, standardSlip, withSlip } from '../../src/analysis/outcome.ts';
import {
  criticalValue,
  outcomeWithSlip,
  slipGrid,
  slipTolerance,
  tippingCurve,
} from '../../src/analysis/tipping.ts';
import { findPreset, InputError, presetParams, simulate } from '../../src/index.ts';
import { preset } from '../helpers.ts';

describe('outcome of a shock', () => {
  it('tells a spiral from a recovery and from a team the shock barely moves', () => {
    const story = findPreset('spiral')!;
    const spiral = classifyOutcome(
      simulate(presetParams(story), {
        days: 520,
        mode: 'expected',
        interventions: story.interventions,
      }),
    );
    expect(spiral.outcome).toBe('spirals');
    expect(
      classifyOutcome(simulate(preset('spiral'), { days: 520, mode: 'expected' })).outcome,
    ).toBe('stable');
    const high = classifyOutcome(
      simulate(preset('high'), { days: 520, mode: 'expected', interventions: [standardSlip()] }),
    );
    expect(high.outcome).not.toBe('spirals');
    expect(high.end).toBeLessThan(1.25 * high.before);
  });

  it('a slip asked for replaces the slip a scenario already carries', () => {
    const own = findPreset('spiral')!.interventions!;
    expect(withSlip(own, 5)).toEqual([standardSlip(5)]);
    expect(withSlip(own, 0)).toEqual([]);
    const steps = findPreset('recovery')!.interventions!;
    expect(withSlip(steps, 5).filter((i) => i.type === 'releaseSlip')).toEqual([standardSlip(5)]);
    expect(withSlip(steps, 5).length).toBe(steps.length);
  });
});

describe('tipping-point finder', () => {
  it('tipping a story team measures the slip it adds, not the one the story carries', () => {
    const story = findPreset('spiral')!;
    const tolerance = slipTolerance(presetParams(story), {
      maxSlipDays: 60,
      interventions: story.interventions,
    });
    expect(tolerance).toBeGreaterThan(0);
    expect(tolerance).toBeLessThan(35);
  });

  it('slip tolerance agrees with trying every slip', () => {
    const params = preset('spiral');
    const tolerance = slipTolerance(params, { maxSlipDays: 40 });
    expect(tolerance).toBeGreaterThan(0);
    for (let slip = 0; slip <= 40; slip += 2) {
      expect(outcomeWithSlip(params, slip) === 'spirals').toBe(slip > tolerance);
    }
    expect(slipTolerance(preset('high'), { maxSlipDays: 40 })).toBe(40);
  });

  it('over seeds: the share that tips grows with the slip, and the tolerance is where half tip', () => {
    const curve = tippingCurve(preset('spiral'), { seeds: 10, slips: [0, 20, 40, 60] });
    const shares = curve.points.map((p) => p.tippedShare);
    expect(shares[0]).toBeLessThanOrEqual(0.2);
    expect(shares[3]).toBeGreaterThanOrEqual(0.8);
    const firstHalf = curve.points.find((p) => p.tippedShare >= 0.5)!;
    const before = curve.points[curve.points.indexOf(firstHalf) - 1];
    expect(curve.slipToleranceDays).toBe(before.slipDays);
    expect(slipGrid(60, 20)).toEqual([0, 20, 40, 60]);
  });

  it('the critical value of a parameter agrees with a brute-force sweep', () => {
    const params = preset('spiral');
    const found = criticalValue(params, 'regressionPassDays', [1, 6], { slipDays: 15 });
    expect(found.value).not.toBeNull();
    expect(found.spiralsWhen).toBe('above');
    const grid = Array.from({ length: 21 }, (_, i) => 1 + i * 0.25);
    const spirals = grid.map(
      (days) => outcomeWithSlip({ ...params, regressionPassDays: days }, 15) === 'spirals',
    );
    const firstSpiral = grid[spirals.indexOf(true)];
    expect(Math.abs(firstSpiral - found.value!)).toBeLessThanOrEqual(0.25);
    expect(spirals.slice(spirals.indexOf(true)).every(Boolean)).toBe(true);
  });

  it('the fold is in the release process: a longer manual pass or approval wait tips the medium team', () => {
    const team = preset('medium');
    // Two weeks of manual testing, or a change board that meets every other week.
    expect(criticalValue(team, 'regressionPassDays', [2, 10]).value).toBeLessThanOrEqual(10);
    expect(criticalValue(team, 'approvalWaitDays', [1, 10]).value).toBeLessThanOrEqual(10);
  });

  it('says plainly when there is no tipping point in the range, and refuses bad ranges', () => {
    const none = criticalValue(preset('elite'), 'approvalWaitDays', [0, 0.5]);
    expect(none.value).toBeNull();
    expect(() => criticalValue(preset('medium'), 'releasePolicy' as never)).toThrow(InputError);
    expect(() => criticalValue(preset('medium'), 'teamSize', [10, 5])).toThrow(/range/);
    expect(() => criticalValue(preset('medium'), 'teamSize', [0, 9999])).toThrow(/range/);
    expect(() => tippingCurve(preset('medium'), { seeds: 0 })).toThrow(/seeds/);
  });
});
