import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultParams,
  findPreset,
  monteCarlo,
  type Params,
  presetParams,
  type Summary,
  simulate,
} from '../../src/index.ts';
import { preset, sum } from '../helpers.ts';

/** Medians of ten seeds: the figures a planner would read off the scorecard. */
function medians(params: Params, days = 520, seed = 1): Summary {
  return monteCarlo(params, { days, runs: 10, seed, bandSeries: [] }).summary;
}

describe('change failure rate grows with deployment size, moderately', () => {
  it('the high team on a train from 1 to 40 days: CFR rises, by at most 3x', () => {
    const team = preset('high', { releasePolicy: 'train' });
    const daily = medians({ ...team, releaseIntervalDays: 1 }).changeFailureRate!;
    const twoMonthly = medians({ ...team, releaseIntervalDays: 40 }).changeFailureRate!;
    expect(twoMonthly).toBeGreaterThan(daily);
    expect(twoMonthly).toBeLessThanOrEqual(3 * daily);
  });

  it('because a bigger release is retested longer: without retests its CFR grows far faster', () => {
    const team = preset('high', { releasePolicy: 'train' });
    const ratio = (p: Params) =>
      medians({ ...p, releaseIntervalDays: 40 }).changeFailureRate! /
      medians({ ...p, releaseIntervalDays: 1 }).changeFailureRate!;
    expect(ratio({ ...team, maxExtraPasses: 0 })).toBeGreaterThan(1.5 * ratio(team));
  });

  it('big batches still hurt through lead time, restore time, undeployed code and unplanned work', () => {
    const team = preset('high', { releasePolicy: 'train' });
    const small = medians({ ...team, releaseIntervalDays: 2 });
    const big = medians({ ...team, releaseIntervalDays: 40 });
    expect(big.leadTimeDays!).toBeGreaterThan(5 * small.leadTimeDays!);
    expect(big.timeToRestoreHours!).toBeGreaterThan(2 * small.timeToRestoreHours!);
    expect(big.meanWipLines).toBeGreaterThan(5 * small.meanWipLines);
  });
});

describe('continuous deployment still tests', () => {
  it('a team without automation gains nothing in escaped defects per KLOC by going continuous', () => {
    const train = medians(preset('low'));
    const continuous = medians(preset('low', { releasePolicy: 'continuous' }));
    expect(continuous.escapedDefectsPerKloc!).toBeGreaterThanOrEqual(
      0.95 * train.escapedDefectsPerKloc!,
    );
    expect(continuous.escapedDefectShare).toBeGreaterThanOrEqual(train.escapedDefectShare - 0.02);
  });

  it('its changes wait for the manual pass: lead time includes the testing, and each change ships on its own', () => {
    const team = preset('medium', { releasePolicy: 'continuous' });
    const run = simulate(team, { days: 300, mode: 'expected' });
    expect(run.summary.valueStreamDays.testing).toBeGreaterThan(2);
    expect(run.summary.meanDeploymentSizeLines!).toBeLessThan(200);
    const untested = simulate({ ...team, regressionPasses: 0 }, { days: 300, mode: 'expected' });
    expect(untested.summary.valueStreamDays.testing).toBe(0);
    expect(untested.summary.escapedDefectsPerKloc!).toBeGreaterThan(
      1.2 * run.summary.escapedDefectsPerKloc!,
    );
  });
});

describe('branching has the sign the article gives it', () => {
  const metrics = [
    'meanWipLines',
    'meanDeploymentSizeLines',
    'timeToRestoreHours',
    'leadTimeDays',
  ] as const;
  for (const id of ['medium', 'spiral', 'high', 'low']) {
    it(`${id}: longer-lived branches never lower WIP, deployment size, restore time or lead time`, () => {
      let previous: Summary | null = null;
      for (const branchLifetimeDays of [0.5, 5, 40]) {
        const s = medians(preset(id, { branchLifetimeDays }), 520, 5);
        if (previous) {
          for (const metric of metrics) {
            expect(
              s[metric]!,
              `${metric} at ${branchLifetimeDays}-day branches`,
            ).toBeGreaterThanOrEqual(0.98 * previous[metric]!);
          }
        }
        previous = s;
      }
    });
  }

  it('a defect in a long-lived branch is dearer to fix and to diagnose', () => {
    const team = preset('medium');
    const trunk = simulate({ ...team, branchLifetimeDays: 0.5 }, { days: 400, mode: 'expected' });
    const branches = simulate({ ...team, branchLifetimeDays: 20 }, { days: 400, mode: 'expected' });
    const fixPerFound = (r: typeof trunk) =>
      sum(r.series.capacityStabilisation) /
      r.deployments.reduce((total, d) => total + d.defectsFound, 0);
    expect(fixPerFound(branches)).toBeGreaterThan(1.5 * fixPerFound(trunk));
  });
});

describe('people-capacities scale with the team', () => {
  it('doubling the medium team does not tip it: it stays medium or better, lead time at most 1.5x', () => {
    const eight = medians(preset('medium'), 520, 2);
    const sixteen = medians(preset('medium', { teamSize: 16 }), 520, 2);
    expect(['elite', 'high', 'medium']).toContain(sixteen.doraLevel);
    expect(sixteen.leadTimeDays!).toBeLessThanOrEqual(1.5 * eight.leadTimeDays!);
  });

  it('the stabilisation crew and the testers are shares of the team', () => {
    const team = preset('medium');
    const twice = { ...team, teamSize: 16 };
    const crew = (p: Params) =>
      Math.max(...simulate(p, { days: 300, mode: 'expected' }).series.capacityStabilisation);
    const testing = (p: Params) =>
      Math.max(...simulate(p, { days: 300, mode: 'expected' }).series.capacityManualTesting);
    expect(crew(twice)).toBeGreaterThan(1.6 * crew(team));
    expect(testing(twice)).toBeGreaterThan(1.6 * testing(team));
  });
});

describe('outages are booked as they happen', () => {
  it('outage hours in a window never exceed its hours, for any team (random parameters)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('elite', 'high', 'medium', 'low', 'spiral'),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        fc.integer({ min: 1, max: 1e6 }),
        (id, failureShare, detectionHours, seed) => {
          const s = simulate(preset(id, { failureShare, detectionHours }), {
            days: 300,
            seed,
          }).summary;
          expect(s.outageHours).toBeLessThanOrEqual((s.windowDays * 24 * 7) / 5 + 1e-6);
          expect(s.downtimeCostPerDay).toBeLessThanOrEqual(
            (defaultParams().outageCostPerHour * 24 * 7) / 5 + 1e-6,
          );
        },
      ),
      { numRuns: 30 },
    );
  });

  it('two incidents at the same time count once', () => {
    const team = { ...defaultParams(), defectsPerKloc: 0, deployErrorRate: 0 };
    const one = [{ type: 'incident' as const, day: 50, hours: 24, responders: 1 }];
    const two = [...one, { type: 'incident' as const, day: 50, hours: 24, responders: 1 }];
    const a = simulate(team, { days: 100, warmupDays: 0, interventions: one }).summary;
    const b = simulate(team, { days: 100, warmupDays: 0, interventions: two }).summary;
    expect(a.outageHours).toBeCloseTo((24 * 7) / 5, 6);
    expect(b.outageHours).toBeCloseTo(a.outageHours, 6);
    expect(b.incidentEngineerDays).toBeCloseTo(2 * a.incidentEngineerDays, 6);
  });

  it('an incident that opens and closes within a day takes its responders and its hours', () => {
    const team = { ...defaultParams(), defectsPerKloc: 0, deployErrorRate: 0 };
    const short = [{ type: 'incident' as const, day: 50.25, hours: 3, responders: 4 }];
    const s = simulate(team, { days: 100, warmupDays: 0, interventions: short }).summary;
    expect(s.incidentEngineerDays).toBeCloseTo((4 * 3) / 24, 6);
    expect(s.outageHours).toBeCloseTo((3 * 7) / 5, 6);
  });

  it('elite teams restore in minutes, and those minutes are booked', () => {
    const s = simulate(preset('elite'), { days: 520, seed: 4 }).summary;
    expect(s.failedDeployments).toBeGreaterThan(50);
    expect(s.outageHours).toBeGreaterThan(0);
    expect(s.downtimeCostPerDay).toBeGreaterThan(0);
    expect(s.incidentEngineerDays).toBeGreaterThan(0);
  });

  it('a degradation costs a share of an outage: severity sets the downtime cost', () => {
    const team = preset('low');
    const mild = simulate({ ...team, degradationSeverity: 0.05 }, { days: 400, mode: 'expected' });
    const harsh = simulate({ ...team, degradationSeverity: 0.4 }, { days: 400, mode: 'expected' });
    expect(harsh.summary.outageHours).toBeCloseTo(mild.summary.outageHours, 6);
    expect(harsh.summary.downtimeCostPerDay).toBeGreaterThan(3 * mild.summary.downtimeCostPerDay);
  });

  it('without rollback a degradation waits for the next release to carry its fix', () => {
    const team = preset('medium');
    const rollback = simulate(team, { days: 400, mode: 'expected' }).summary;
    const fixForward = simulate(
      { ...team, rollbackAvailable: false },
      { days: 400, mode: 'expected' },
    ).summary;
    // A release every two weeks or so: a fix rides the next one.
    expect(fixForward.timeToRestoreHours!).toBeGreaterThan(24 * 7);
    expect(fixForward.timeToRestoreHours!).toBeGreaterThan(4 * rollback.timeToRestoreHours!);
  });
});

describe('the reflexes act smoothly and visibly', () => {
  it('caution adds manual passes in proportion, not only past a whole pass', () => {
    const team = preset('medium');
    const passesPerRelease = (fearResponse: number) => {
      let passes = 0;
      let releases = 0;
      let caution = 0;
      for (let seed = 1; seed <= 10; seed++) {
        const r = simulate({ ...team, fearResponse }, { days: 400, seed });
        for (const d of r.deployments) {
          passes += d.passes;
          releases++;
        }
        caution += sum(r.series.caution) / 400 / 10;
      }
      return { passes: passes / releases, caution };
    };
    const calm = passesPerRelease(0);
    const wary = passesPerRelease(0.15);
    // Caution stays under one pass's worth, yet each release is tested more, in proportion.
    expect(wary.caution).toBeGreaterThan(0.05);
    expect(wary.caution).toBeLessThan(1);
    expect(wary.passes - calm.passes).toBeGreaterThan(0.5 * wary.caution);
  });

  it('in the spiral, fire fighting draws the team and testing and fixing take more of it', () => {
    const story = findPreset('spiral')!;
    const params = presetParams(story);
    let grew = 0;
    let drawn = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const r = simulate(params, { days: 520, seed, interventions: story.interventions });
      const s = r.series;
      const mean = (a: Float64Array, from: number, to: number) => sum(a, from, to) / (to - from);
      const stabilising = (from: number, to: number) =>
        mean(s.capacityManualTesting, from, to) + mean(s.capacityStabilisation, from, to);
      if (stabilising(300, 520) > 1.1 * stabilising(40, 100)) grew++;
      if (mean(s.firefightingShare, 200, 520) > 0.1) drawn++;
    }
    expect(grew).toBeGreaterThanOrEqual(8);
    expect(drawn).toBeGreaterThanOrEqual(8);
  });

  it('the paradox: past a few passes, another manual pass raises escaped defects per KLOC through the delay it causes', () => {
    const escapes = (regressionPasses: number) =>
      medians(preset('medium', { regressionPasses })).escapedDefectsPerKloc!;
    expect(escapes(4)).toBeGreaterThan(1.1 * escapes(3));
    expect(escapes(2)).toBeLessThan(escapes(1));
  });

  it('the paradox comes from the delay: without the cost of undeployed work in mind, more passes only help', () => {
    const escapes = (regressionPasses: number) =>
      medians(preset('medium', { regressionPasses, wipDefectFactor: 0 })).escapedDefectsPerKloc!;
    expect(escapes(4)).toBeLessThanOrEqual(escapes(3) * 1.02);
  });
});

describe('nothing, honestly reported', () => {
  for (const nothing of [{ teamSize: 0 }, { linesPerEngineerDay: 0 }]) {
    it(`${JSON.stringify(nothing)}: no level, no failure rate, no restore time`, () => {
      const s = simulate(preset('medium', nothing), { days: 520 }).summary;
      expect(s.doraLevel).toBe('none');
      expect(s.changeFailureRate).toBeNull();
      expect(s.timeToRestoreHours).toBeNull();
      expect(s.meanDeploymentSizeLines).toBeNull();
    });
  }

  it('the spiral preset, deploying every few months with lead times of months, is low', () => {
    const story = findPreset('spiral')!;
    const s = simulate(presetParams(story), {
      days: 520,
      seed: 1,
      interventions: story.interventions,
    }).summary;
    expect(s.doraLevel).toBe('low');
    expect(s.dora.deploymentFrequency).toEqual(['low']);
  });
});
