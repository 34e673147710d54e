import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calibrate } from '../src/analysis/calibrate.ts';
import { comparePlans, type PlanFigure } from '../src/analysis/plan-options.ts';
import { formatInterventions, formatParams } from '../src/cli/format.ts';
import { EXAMPLE_HISTORY_CSV } from '../src/history/history-file.ts';
import { historyTargets } from '../src/history/measure.ts';
import { STANDARD_SLIP_DAYS, standardIncident } from '../src/index.ts';
import { preset } from './helpers.ts';

describe('README', () => {
  it('carries the parameter reference exactly as the table generates it', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(formatParams(true));
  });

  it('carries the intervention reference exactly as the table generates it', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(formatInterventions(true));
    const incident = standardIncident(0, 8);
    expect(readme).toContain(
      `the standard slip is ${STANDARD_SLIP_DAYS} working days and the standard incident ${incident.hours} hours with half the team`,
    );
    expect(incident.responders).toBe(4);
  });

  it('shows the quick start and the test command', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm test');
  });
});

describe('README: plan with your own team', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

  it('shows the example history the product ships', () => {
    expect(readme).toContain(EXAMPLE_HISTORY_CSV);
  });

  it('says what the fitted example team gains, as its runs show', () => {
    const fitted = calibrate(preset('medium'), historyTargets(EXAMPLE_HISTORY_CSV, 9), {
      days: 520,
    });
    expect(fitted.reachable).toBe(true);
    const plan = comparePlans(fitted.params, { days: 520, runs: 8, seed: 1 });
    const median = (id: string, figure: PlanFigure) =>
      plan.rows.find((r) => r.id === id)!.figures[figure].p50!;
    const ratio = (id: string, figure: PlanFigure) => median(id, figure) / median('today', figure);
    expect(readme).toContain(
      'A weekly train alone cuts waiting code and lead time by about a third; the four steps\n   together cut both, and the cost per day, by about half.',
    );
    for (const figure of ['meanWipLines', 'leadTimeDays'] as const) {
      expect(ratio('weekly', figure), figure).toBeGreaterThan(0.55);
      expect(ratio('weekly', figure), figure).toBeLessThan(0.8);
    }
    for (const figure of ['meanWipLines', 'leadTimeDays', 'costPerDay'] as const) {
      expect(ratio('allSteps', figure), figure).toBeGreaterThan(0.35);
      expect(ratio('allSteps', figure), figure).toBeLessThan(0.65);
      for (const step of ['weekly', 'freeze', 'automation', 'oneTeam'])
        expect(median('allSteps', figure), `${figure} ${step}`).toBeLessThan(median(step, figure));
    }
  }, 60000);
});
