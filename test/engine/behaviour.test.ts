import { describe, expect, it } from 'vitest';
import { defaultParams, type Params, simulate } from '../../src/index';
import { preset, sum } from '../helpers';

/** A team with a release train and no randomness-driven delays: testing always fits the interval. */
function steadyTrain(overrides: Partial<Params> = {}): Params {
  return {
    ...defaultParams(),
    releasePolicy: 'train',
    releaseIntervalDays: 10,
    regressionPasses: 0,
    approvalWaitDays: 0,
    handoffs: 0,
    fearResponse: 0,
    defectsPerKloc: 0,
    contextSwitchCost: 0,
    automationShare: 0,
    automationErosionPerKloc: 0,
    ...overrides,
  };
}

describe('fixed release train', () => {
  it('halving the interval halves the mean deployment size (within 2%)', () => {
    const long = simulate(steadyTrain({ releaseIntervalDays: 10 }), {
      days: 800,
      mode: 'expected',
    });
    const short = simulate(steadyTrain({ releaseIntervalDays: 5 }), {
      days: 800,
      mode: 'expected',
    });
    const ratio = short.summary.meanDeploymentSizeLines / long.summary.meanDeploymentSizeLines;
    expect(Math.abs(ratio - 0.5)).toBeLessThan(0.01);
  });

  it('lead time is about T/2 + branch wait + stabilisation + deploy time', () => {
    const params = steadyTrain({
      releaseIntervalDays: 10,
      regressionPasses: 1,
      regressionPassDays: 2,
      testAutomation: 0,
      approvalWaitDays: 1,
      deployHours: 12,
      branchLifetimeDays: 1,
    });
    const result = simulate(params, { days: 800, mode: 'expected' });
    const expectedWorkingDays = 10 / 2 + 1 / 2 + 2 + 1 + 12 / 24;
    const meanLead =
      sum(result.series.leadTimeDays.map((lead, day) => lead * result.series.linesDeployed[day])) /
      sum(result.series.linesDeployed);
    // Daily cohorts commit at mid-day, so a cut sees them up to half a day younger than in continuous time.
    expect(meanLead).toBeGreaterThan(expectedWorkingDays * 0.9);
    expect(meanLead).toBeLessThan(expectedWorkingDays * 1.05);
  });
});

describe('extreme conditions', () => {
  it('no engineers: no code and no deployments', () => {
    const result = simulate({ ...defaultParams(), teamSize: 0 }, { days: 200 });
    expect(result.totals.linesWritten).toBe(0);
    expect(result.deployments.length).toBe(0);
  });

  it('zero defect rate: zero change failure rate from code', () => {
    const result = simulate(
      { ...defaultParams(), defectsPerKloc: 0, deployErrorRate: 0 },
      { days: 300, seed: 3 },
    );
    expect(result.summary.changeFailureRate).toBe(0);
    expect(result.totals.defectsInjected).toBe(0);
  });

  it('full automation with perfect detection: nothing escapes', () => {
    const result = simulate(
      { ...defaultParams(), testAutomation: 1, automatedDetection: 1, automationErosionPerKloc: 0 },
      { days: 300, seed: 4 },
    );
    expect(result.totals.defectsInjected).toBeGreaterThan(0);
    expect(result.totals.defectsEscaped).toBe(0);
  });

  it('an approval wait longer than the run: no deployments', () => {
    const result = simulate({ ...defaultParams(), approvalWaitDays: 260 }, { days: 250 });
    expect(result.deployments.length).toBe(0);
    expect(result.summary.leadTimeDays).toBeGreaterThan(200);
  });
});

describe('escape steps', () => {
  const base = preset('spiral');
  const days = 520;

  it('a merge freeze drains the pipeline and shows the code waiting outside it', () => {
    const freeze = simulate(base, {
      days,
      mode: 'expected',
      interventions: [{ type: 'mergeFreeze', day: 200, days: 30, mustHaveShare: 0.2 }],
    });
    const none = simulate(base, { days, mode: 'expected' });
    const merged = (r: typeof freeze, day: number) =>
      r.series.wipMergedLines[day] + r.series.wipCandidateLines[day];
    expect(merged(freeze, 228)).toBeLessThan(0.5 * merged(none, 228));
    expect(freeze.series.wipHeldLines[228]).toBeGreaterThan(1000);
    expect(freeze.series.wipHeldLines[400]).toBe(0);
  });

  it('an automation push dips feature work first, then improves lead time, restore time and failures', () => {
    const push = simulate(base, {
      days,
      mode: 'expected',
      interventions: [{ type: 'automationPush', day: 100, share: 0.3 }],
    });
    const none = simulate(base, { days, mode: 'expected' });
    expect(sum(push.series.capacityFeatures, 100, 140)).toBeLessThan(
      sum(none.series.capacityFeatures, 100, 140),
    );
    expect(push.summary.leadTimeDays).toBeLessThan(none.summary.leadTimeDays);
    expect(push.summary.changeFailureRate).toBeLessThan(none.summary.changeFailureRate);
    expect(push.summary.timeToRestoreHours).toBeLessThan(none.summary.timeToRestoreHours);
  });

  it('improvement that is not protected stalls under fire fighting', () => {
    // A team whose incidents and bug fixes can take everyone: no rollback, many failures.
    const busy = preset('low', { automationShare: 0.3, responders: 6, failureShare: 0.4 });
    const unprotected = simulate(busy, { days, mode: 'expected' });
    const protectedRun = simulate(
      { ...busy, protectImprovement: true },
      { days, mode: 'expected' },
    );
    expect(sum(protectedRun.series.capacityImprovement)).toBeGreaterThan(
      sum(unprotected.series.capacityImprovement),
    );
    expect(protectedRun.series.automationLevel[days - 1]).toBeGreaterThan(
      unprotected.series.automationLevel[days - 1],
    );
  });

  it('forcing a faster cadence without automation lowers lead time at once, while the pipeline keeps up', () => {
    const team = preset('medium', { releaseIntervalDays: 20 });
    const faster = simulate(team, {
      days,
      mode: 'expected',
      interventions: [{ type: 'cadence', day: 200, releaseIntervalDays: 10 }],
    });
    const none = simulate(team, { days, mode: 'expected' });
    const lead = (r: typeof none, from: number, to: number) =>
      sum(
        r.series.leadTimeDays.map((l, d) => l * r.series.linesDeployed[d]),
        from,
        to,
      ) / sum(r.series.linesDeployed, from, to);
    expect(lead(faster, 230, 300)).toBeLessThan(0.8 * lead(none, 230, 300));
  });

  it('a faster cadence changes nothing while the pipeline is slower than the train', () => {
    const team = preset('medium', { releaseIntervalDays: 10 });
    const faster = simulate(team, {
      days: 300,
      mode: 'expected',
      interventions: [{ type: 'cadence', day: 200, releaseIntervalDays: 5 }],
    });
    const none = simulate(team, { days: 300, mode: 'expected' });
    expect(faster.summary.meanDeploymentSizeLines).toBeCloseTo(
      none.summary.meanDeploymentSizeLines,
      6,
    );
  });

  it('removing approvals lowers lead time by at least the approval wait', () => {
    const team = preset('medium', { approvalWaitDays: 4 });
    const removed = simulate(team, {
      days,
      mode: 'expected',
      interventions: [{ type: 'removeApprovals', day: 0 }],
    });
    const kept = simulate(team, { days, mode: 'expected' });
    const gainWorkingDays = (kept.summary.leadTimeDays - removed.summary.leadTimeDays) / 1.4;
    expect(gainWorkingDays).toBeGreaterThanOrEqual(4 * 0.97);
  });
});

describe('reflexes', () => {
  it('a learning organisation turns failures into automation and grows stronger under load', () => {
    const team = preset('medium', { automationShare: 0.05 });
    const learning = simulate({ ...team, learningResponse: 4 }, { days: 520, mode: 'expected' });
    const plain = simulate(team, { days: 520, mode: 'expected' });
    expect(learning.summary.automationLevel).toBeGreaterThan(plain.summary.automationLevel + 0.05);
    expect(learning.summary.changeFailureRate).toBeLessThan(plain.summary.changeFailureRate);
  });

  it('the "be careful" reflex stretches the interval and grows deployments', () => {
    const team = preset('medium');
    const fearful = simulate({ ...team, fearResponse: 1 }, { days: 520, mode: 'expected' });
    const calm = simulate(team, { days: 520, mode: 'expected' });
    expect(sum(fearful.series.caution)).toBeGreaterThan(0);
    expect(sum(calm.series.caution)).toBe(0);
    expect(fearful.summary.meanDeploymentSizeLines).toBeGreaterThan(
      1.1 * calm.summary.meanDeploymentSizeLines,
    );
  });

  it('fire fighting raises defect injection only when its reflex is on', () => {
    const team = preset('low');
    const hasty = simulate({ ...team, pressureDefectFactor: 2 }, { days: 300, mode: 'expected' });
    const steady = simulate({ ...team, pressureDefectFactor: 0 }, { days: 300, mode: 'expected' });
    expect(Math.max(...hasty.series.defectDensity)).toBeGreaterThan(team.defectsPerKloc * 1.1);
    expect(Math.max(...steady.series.defectDensity)).toBeCloseTo(
      Math.min(...steady.series.defectDensity),
      9,
    );
  });
});

describe('shocks', () => {
  const slip = [{ type: 'releaseSlip' as const, day: 100, days: 15 }];
  /** Mean lead time of code shipped in the window; nothing shipped at all counts as endless. */
  const leadTime = (r: ReturnType<typeof simulate>, from: number, to: number) => {
    const shipped = sum(r.series.linesDeployed, from, to);
    if (shipped === 0) return Number.POSITIVE_INFINITY;
    return (
      sum(
        r.series.leadTimeDays.map((l, d) => l * r.series.linesDeployed[d]),
        from,
        to,
      ) / shipped
    );
  };

  /** How many of 20 seeds end with lead time over three times what it was before the shock. */
  function tipped(params: Params, interventions: typeof slip | []): number {
    let count = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const run = simulate(params, { days: 400, seed, interventions });
      if (leadTime(run, 300, 400) > 3 * leadTime(run, 60, 100)) count++;
    }
    return count;
  }

  it('a fragile team tips into the spiral after one slipped release, and mostly holds without it', () => {
    const fragile = preset('spiral');
    expect(tipped(fragile, slip)).toBeGreaterThanOrEqual(16);
    expect(tipped(fragile, [])).toBeLessThanOrEqual(2);
  });

  it('a robust team recovers from the same slip', () => {
    const robust = preset('high');
    expect(tipped(robust, slip)).toBe(0);
    for (let seed = 1; seed <= 5; seed++) {
      const shocked = simulate(robust, { days: 400, seed, interventions: slip });
      const calm = simulate(robust, { days: 400, seed });
      expect(leadTime(shocked, 300, 400) / leadTime(calm, 300, 400)).toBeLessThan(1.2);
    }
  });
});
