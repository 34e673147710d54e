import { describe, expect, it } from 'vitest';
import { calibrate, FITTED_PARAMS } from '../../src/analysis/calibrate.ts';
import { EXAMPLE_HISTORY_CSV } from '../../src/history/history-file.ts';
import { historyTargets } from '../../src/history/measure.ts';
import { defaultParams, InputError, simulate } from '../../src/index.ts';
import { preset } from '../helpers.ts';

describe('calibration', () => {
  it('recovers a synthetic team: metrics within 10%, release interval within 15%', () => {
    const base = preset('high');
    const truth = {
      ...base,
      releaseIntervalDays: 4,
      testAutomation: 0.5,
      diagnosisHoursPerKloc: 5,
    };
    const s = simulate(truth, { days: 400, mode: 'expected' }).summary;
    const fitted = calibrate(base, {
      teamSize: truth.teamSize,
      deploymentsPerWeek: s.deploymentsPerWeek,
      leadTimeDays: s.leadTimeDays!,
      changeFailureRate: s.changeFailureRate!,
      timeToRestoreHours: s.timeToRestoreHours!,
    });
    expect(fitted.reachable).toBe(true);
    for (const line of fitted.fit) expect(line.relativeError).toBeLessThan(0.1);
    expect(Math.abs(fitted.params.releaseIntervalDays / 4 - 1)).toBeLessThan(0.15);
    const again = simulate(fitted.params, { days: 400, mode: 'expected' }).summary;
    expect(again.deploymentsPerWeek).toBeCloseTo(fitted.fit[0].simulated!, 9);
  }, 30000);

  it('says plainly when targets are out of reach instead of pretending a fit', () => {
    const fitted = calibrate(defaultParams(), {
      teamSize: 5,
      deploymentsPerWeek: 500,
      leadTimeDays: 300,
    });
    expect(fitted.reachable).toBe(false);
    expect(fitted.message).toContain('No setting of the fitted parameters reaches');
    expect(fitted.message).toContain('a deployment frequency of 500 deployments a week');
  }, 30000);

  it('takes a measured lead time of 0 (commits straight to the deployed branch) as within the hour', () => {
    const fitted = calibrate(preset('elite'), { teamSize: 6, leadTimeDays: 0 });
    const line = fitted.fit[0];
    expect(line.target).toBe(0);
    expect(Number.isFinite(line.relativeError)).toBe(true);
    // The closest the model gets is compared with an hour, not with zero.
    expect(line.relativeError).toBeCloseTo(Math.log(line.simulated! * 24), 6);
  }, 30000);

  it('fits a tested train from a team given with no manual passes, and says it added one', () => {
    const base = preset('elite');
    expect(base.regressionPasses).toBe(0);
    const fitted = calibrate(base, historyTargets(EXAMPLE_HISTORY_CSV, 9));
    expect(fitted.reachable).toBe(true);
    expect(fitted.params.regressionPasses).toBeGreaterThan(0);
    expect(fitted.fitted).toContainEqual(
      expect.objectContaining({
        id: 'regressionPasses',
        from: 0,
        to: fitted.params.regressionPasses,
      }),
    );
  }, 30000);

  it('writes a wait within a thousandth of its range of none as none', () => {
    const fitted = calibrate(preset('medium'), historyTargets(EXAMPLE_HISTORY_CSV, 9));
    for (const { id, from, to } of FITTED_PARAMS.filter((p) => p.from === 0)) {
      const value = fitted.params[id] as number;
      expect(value === 0 || value >= to / 1000, `${id} ${value}`).toBe(true);
      expect(value).toBeGreaterThanOrEqual(from);
    }
  }, 30000);

  it('refuses missing or impossible targets', () => {
    expect(() => calibrate(defaultParams(), { teamSize: 5 })).toThrow(/at least one/);
    expect(() => calibrate(defaultParams(), { teamSize: 0, leadTimeDays: 3 })).toThrow(/teamSize/);
    expect(() => calibrate(defaultParams(), { teamSize: 5, changeFailureRate: 2 })).toThrow(
      /changeFailureRate/,
    );
    expect(() => calibrate(defaultParams(), { teamSize: 5, leadTimeDays: -1 })).toThrow(InputError);
  });
});

describe('team history CSV', () => {
  it('turns the example history into targets', () => {
    const targets = historyTargets(EXAMPLE_HISTORY_CSV, 9);
    expect(targets.teamSize).toBe(9);
    expect(targets.deploymentsPerWeek).toBeCloseTo(0.5, 1);
    expect(targets.changeFailureRate).toBeCloseTo(2 / 12, 9);
    expect(targets.timeToRestoreHours).toBeGreaterThan(20);
    expect(targets.leadTimeDays).toBeGreaterThan(5);
  });

  it('fits the example history it ships, with fitted values a person would write down', () => {
    const fitted = calibrate(preset('medium'), historyTargets(EXAMPLE_HISTORY_CSV, 9));
    expect(fitted.reachable).toBe(true);
    for (const { id } of FITTED_PARAMS) {
      const value = fitted.params[id] as number;
      expect(Number(value.toPrecision(2)), id).toBe(value);
    }
  }, 30000);

  const bad: [string, string][] = [
    ['', 'empty'],
    ['when,what\n2026-01-01,no', 'history header'],
    ['deployed_at,failed,colour\n2026-01-01,no,red\n2026-01-02,no,blue', 'colour'],
    ['deployed_at,failed\n2026-01-01,no', 'at least two'],
    ['deployed_at,failed\n2026-13-01,no\n2026-01-02,no', 'row 2 deployed_at'],
    ['deployed_at,failed\n2026-02-30,no\n2026-03-02,no', 'real calendar date'],
    ['deployed_at,failed\nyesterday,no\n2026-01-02,no', 'row 2 deployed_at'],
    ['deployed_at,failed\n2026-01-01,maybe\n2026-01-02,no', 'row 2 failed'],
    [
      'deployed_at,failed,restored_at\n2026-01-05,yes,2026-01-04\n2026-01-09,no,',
      'after the deployment',
    ],
  ];
  for (const [csv, message] of bad) {
    it(`refuses ${JSON.stringify(csv.slice(0, 40))} with a message naming ${message}`, () => {
      expect(() => historyTargets(csv, 5)).toThrow(InputError);
      expect(() => historyTargets(csv, 5)).toThrow(message);
    });
  }
});
