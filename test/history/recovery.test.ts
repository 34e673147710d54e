import { describe, expect, it } from 'vitest';
import { calibrate } from '../../src/analysis/calibrate.ts';
import { readHistoryCsv, writeHistoryCsv } from '../../src/history/history-file.ts';
import { historyTargets, measureHistory } from '../../src/history/measure.ts';
import { historyOfRun } from '../../src/history/simulated-history.ts';
import { defaultParams } from '../../src/inputs/params.ts';
import { simulate } from '../../src/simulate.ts';
import { preset } from '../helpers.ts';

const START = Date.UTC(2026, 0, 5);

describe('a history the engine leaves behind', () => {
  it('measures the same six figures the run reports, within 2%', () => {
    for (const name of ['medium', 'high', 'low'] as const) {
      const run = simulate(preset(name), { days: 520, seed: 11 });
      const figures = measureHistory(readHistoryCsv(writeHistoryCsv(historyOfRun(run, START))));
      const s = run.summary;
      const pairs: [string, number | null, number | null][] = [
        ['frequency', figures.deploymentsPerWeek, s.deploymentsPerWeek],
        ['lead time', figures.leadTimeDays, s.leadTimeDays],
        ['failure rate', figures.changeFailureRate, s.changeFailureRate],
        ['deployment size', figures.meanDeploymentSizeLines, s.meanDeploymentSizeLines],
        ['waiting code', figures.meanWipLines, s.meanWipLines],
      ];
      for (const [what, measured, reported] of pairs)
        expect(Math.abs(measured! / reported! - 1), `${name} ${what}`).toBeLessThan(
          what === 'frequency' || what === 'lead time' ? 0.1 : 0.02,
        );
    }
  });

  it('calibration finds the team again from its own history file: every figure within 10%', () => {
    const team = preset('high');
    // Four years of deployments: in two, one run's failure rate strays from the team's own by
    // a fifth, and the fit follows the stray.
    const csv = writeHistoryCsv(historyOfRun(simulate(team, { days: 1040, seed: 3 }), START));
    const fitted = calibrate(defaultParams(), historyTargets(csv, team.teamSize));
    expect(fitted.fit.map((line) => line.metric)).toEqual([
      'deploymentsPerWeek',
      'leadTimeDays',
      'changeFailureRate',
      'timeToRestoreHours',
      'meanDeploymentSizeLines',
      'meanWipLines',
    ]);
    for (const line of fitted.fit)
      expect(
        Math.abs(line.simulated! / line.target - 1),
        `${line.metric} ${fitted.message}`,
      ).toBeLessThan(0.1);
    expect(fitted.fitted.map((p) => p.id)).toContain('linesPerEngineerDay');
  }, 60000);
});
