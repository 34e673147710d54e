import { describe, expect, it } from 'vitest';
import { classifyOutcome, standardSlip } from '../../src/analysis/outcome';
import { criticalValue, outcomeWithSlip, slipTolerance } from '../../src/analysis/tipping';
import { InputError, simulate } from '../../src/index';
import { preset } from '../helpers';

describe('outcome of a shock', () => {
  it('tells a spiral from a recovery and from a team the shock barely moves', () => {
    const slip = [standardSlip()];
    const spiral = classifyOutcome(
      simulate(preset('spiral'), { days: 520, mode: 'expected', interventions: slip }),
    );
    expect(spiral.outcome).toBe('spirals');
    expect(spiral.halfLifeDays).toBeNull();
    expect(
      classifyOutcome(simulate(preset('spiral'), { days: 520, mode: 'expected' })).outcome,
    ).toBe('stable');
    const high = classifyOutcome(
      simulate(preset('high'), { days: 520, mode: 'expected', interventions: slip }),
    );
    expect(high.outcome).not.toBe('spirals');
    expect(high.end).toBeLessThan(1.25 * high.before);
  });
});

describe('tipping-point finder', () => {
  it('slip tolerance agrees with trying every slip', () => {
    const params = preset('spiral');
    const tolerance = slipTolerance(params, { maxSlipDays: 30 });
    expect(tolerance).toBeGreaterThan(0);
    expect(tolerance).toBeLessThan(15);
    for (let slip = 0; slip <= 30; slip++) {
      expect(outcomeWithSlip(params, slip) === 'spirals').toBe(slip > tolerance);
    }
    expect(slipTolerance(preset('high'), { maxSlipDays: 40 })).toBe(40);
  });

  it('the critical value of a parameter agrees with a brute-force sweep', () => {
    const params = preset('spiral');
    const found = criticalValue(params, 'fixGrowthPerChange', [0.02, 0.2], { slipDays: 15 });
    expect(found.value).not.toBeNull();
    expect(found.spiralsWhen).toBe('above');
    const grid = Array.from({ length: 19 }, (_, i) => 0.02 + i * 0.01);
    const spirals = grid.map(
      (g) => outcomeWithSlip({ ...params, fixGrowthPerChange: g }, 15) === 'spirals',
    );
    const firstSpiral = grid[spirals.indexOf(true)];
    expect(Math.abs(firstSpiral - found.value!)).toBeLessThanOrEqual(0.01);
    expect(spirals.slice(spirals.indexOf(true)).every(Boolean)).toBe(true);
  });

  it('says plainly when there is no tipping point in the range, and refuses bad ranges', () => {
    const none = criticalValue(preset('elite'), 'approvalWaitDays', [0, 0.5]);
    expect(none.value).toBeNull();
    expect(() => criticalValue(preset('medium'), 'releasePolicy' as never)).toThrow(InputError);
    expect(() => criticalValue(preset('medium'), 'teamSize', [10, 5])).toThrow(/range/);
    expect(() => criticalValue(preset('medium'), 'teamSize', [0, 9999])).toThrow(/range/);
  });
});
