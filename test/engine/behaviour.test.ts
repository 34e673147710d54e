import { describe, expect, it } from 'vitest';
import { defaultParams, findPreset, type Params, presetParams, simulate } from '../../src/index.ts';
import { preset, sum } from '../helpers.ts';

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

/** Mean lead time (working days) of the code deployed in [from, to); endless when nothing shipped. */
function meanLead(r: ReturnType<typeof simulate>, from = 0, to = r.days): number {
  const shipped = sum(r.series.linesDeployed, from, to);
  if (shipped === 0) return Number.POSITIVE_INFINITY;
  return (
    sum(
      r.series.leadTimeDays.map((l, d) => l * r.series.linesDeployed[d]),
      from,
      to,
    ) / shipped
  );
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
    const ratio = short.summary.meanDeploymentSizeLines! / long.summary.meanDeploymentSizeLines!;
    expect(Math.abs(ratio - 0.5)).toBeLessThan(0.01);
  });

  it('lead time is T/2 + branch wait + testing (the regression pass and the new changes) + approval + deploy', () => {
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
    const releaseKloc = result.summary.meanDeploymentSizeLines! / 1000;
    const testers = params.testerShare * params.teamSize;
    const testing = 2 + (params.changeTestDaysPerKloc * releaseKloc) / testers;
    const expected = 10 / 2 + 1 / 2 + testing + 1 + 12 / 24;
    expect(meanLead(result)).toBeGreaterThan(expected * 0.95);
    expect(meanLead(result)).toBeLessThan(expected * 1.03);
  });
});

describe('extreme conditions', () => {
  it('no engineers: no code, no deployments, no level', () => {
    const result = simulate({ ...defaultParams(), teamSize: 0 }, { days: 200 });
    expect(result.totals.linesWritten).toBe(0);
    expect(result.deployments.length).toBe(0);
    expect(result.summary.doraLevel).toBe('none');
    expect(result.summary.changeFailureRate).toBeNull();
  });

  it('zero defect rate: zero change failure rate from code', () => {
    const result = simulate(
      { ...defaultParams(), defectsPerKloc: 0, deployErrorRate: 0 },
      { days: 300, seed: 3 },
    );
    expect(result.summary.changeFailureRate).toBe(0);
    expect(result.totals.defectsInjected).toBe(0);
    expect(result.summary.timeToRestoreHours).toBeNull();
  });

  it('full automation with perfect detection: nothing escapes', () => {
    const result = simulate(
      { ...defaultParams(), testAutomation: 1, automatedDetection: 1, automationErosionPerKloc: 0 },
      { days: 300, seed: 4 },
    );
    expect(result.totals.defectsInjected).toBeGreaterThan(0);
    expect(result.totals.defectsEscaped).toBe(0);
  });

  it('an approval wait longer than the run: no deployments, and code waits the whole run', () => {
    const result = simulate({ ...defaultParams(), approvalWaitDays: 260 }, { days: 250 });
    expect(result.deployments.length).toBe(0);
    expect(result.summary.leadTimeDays).toBeNull();
    expect(result.summary.doraLevel).toBe('none');
    expect(result.summary.oldestWaitingDays).toBeGreaterThan(200);
  });

  it('a manual pass needs testers: with none it finds nothing and takes no time', () => {
    const team = preset('medium');
    const none = simulate({ ...team, manualTesters: 0 }, { days: 300, mode: 'expected' });
    const some = simulate(team, { days: 300, mode: 'expected' });
    expect(sum(none.series.capacityManualTesting)).toBe(0);
    expect(none.summary.escapedDefectShare).toBeGreaterThan(some.summary.escapedDefectShare + 0.1);
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
    expect(push.summary.leadTimeDays!).toBeLessThan(none.summary.leadTimeDays!);
    expect(push.summary.changeFailureRate!).toBeLessThan(none.summary.changeFailureRate!);
    expect(push.summary.timeToRestoreHours!).toBeLessThan(none.summary.timeToRestoreHours!);
  });

  it('improvement that is not protected stalls under fire fighting', () => {
    // A month of major incidents that take all but two engineers: fire fighting comes first.
    const team = preset('low', { automationShare: 0.2 });
    const storm = [{ type: 'incident' as const, day: 100, hours: 24 * 20, responders: 12 }];
    const unprotected = simulate(team, { days, mode: 'expected', interventions: storm });
    const protectedRun = simulate(
      { ...team, protectImprovement: true },
      { days, mode: 'expected', interventions: storm },
    );
    const during = (r: typeof unprotected) => sum(r.series.capacityImprovement, 100, 120);
    expect(during(unprotected)).toBeLessThan(0.5 * during(protectedRun));
    expect(during(protectedRun)).toBeCloseTo(20 * 0.2 * team.teamSize, 6);
    expect(protectedRun.series.automationLevel[130]).toBeGreaterThan(
      unprotected.series.automationLevel[130],
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
    expect(meanLead(faster, 230, 300)).toBeLessThan(0.8 * meanLead(none, 230, 300));
  });

  it('a faster cadence changes little while the pipeline is slower than the train', () => {
    // The medium team's pipeline takes about eight days: a five- and a three-day train both wait for it.
    const team = preset('medium', { releaseIntervalDays: 5 });
    const faster = simulate(team, {
      days: 300,
      mode: 'expected',
      interventions: [{ type: 'cadence', day: 0, releaseIntervalDays: 3 }],
    });
    const none = simulate(team, { days: 300, mode: 'expected' });
    const ratio = faster.summary.meanDeploymentSizeLines! / none.summary.meanDeploymentSizeLines!;
    expect(Math.abs(ratio - 1)).toBeLessThan(0.03);
    expect(none.series.releaseGapDays[250]).toBeGreaterThan(6);
  });

  it('removing approvals lowers lead time by at least the approval wait', () => {
    const team = preset('medium', { approvalWaitDays: 4 });
    const removed = simulate(team, {
      days,
      mode: 'expected',
      interventions: [{ type: 'removeApprovals', day: 0 }],
    });
    const kept = simulate(team, { days, mode: 'expected' });
    const gainWorkingDays = (kept.summary.leadTimeDays! - removed.summary.leadTimeDays!) / 1.4;
    expect(gainWorkingDays).toBeGreaterThanOrEqual(4 * 0.97);
  });
});

describe('reflexes', () => {
  it('a learning organisation turns failures into automation and grows stronger under load', () => {
    const team = preset('medium', { automationShare: 0.05 });
    const learning = simulate({ ...team, learningResponse: 4 }, { days: 520, mode: 'expected' });
    const plain = simulate(team, { days: 520, mode: 'expected' });
    expect(learning.summary.automationLevel).toBeGreaterThan(plain.summary.automationLevel + 0.05);
    expect(learning.summary.changeFailureRate!).toBeLessThan(plain.summary.changeFailureRate!);
  });

  it('the "be careful" reflex stretches the release interval in force and grows deployments', () => {
    const team = preset('medium');
    const fearful = simulate({ ...team, fearResponse: 1 }, { days: 520, mode: 'expected' });
    const calm = simulate(team, { days: 520, mode: 'expected' });
    expect(sum(calm.series.caution)).toBe(0);
    // The interval in force is the set interval times one plus caution.
    for (const day of [200, 300, 400]) {
      expect(fearful.series.releaseIntervalDays[day]).toBeCloseTo(
        team.releaseIntervalDays * (1 + fearful.series.caution[day]),
        6,
      );
    }
    expect(Math.max(...fearful.series.releaseIntervalDays)).toBeGreaterThan(
      1.2 * team.releaseIntervalDays,
    );
    expect(fearful.summary.meanDeploymentSizeLines!).toBeGreaterThan(
      1.1 * calm.summary.meanDeploymentSizeLines!,
    );
  });

  it('fire fighting raises defect injection only when its reflex is on', () => {
    const team = preset('low', { wipDefectFactor: 0 });
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
  it('a robust team recovers from a slip that tips the fragile one', () => {
    const slip = findPreset('spiral')!.interventions!;
    const robust = presetParams(findPreset('high')!);
    for (let seed = 1; seed <= 5; seed++) {
      const shocked = simulate(robust, { days: 400, seed, interventions: slip });
      const calm = simulate(robust, { days: 400, seed });
      expect(meanLead(shocked, 300, 400) / meanLead(calm, 300, 400)).toBeLessThan(1.2);
    }
  });
});
