import { describe, expect, it } from 'vitest';
import { comparePlans, PLAN_OPTIONS } from '../../src/analysis/plan-options.ts';
import { preset } from '../helpers.ts';

describe('comparing a team’s options', () => {
  const plan = comparePlans(preset('medium'), { days: 400, runs: 6, seed: 5 });
  const row = (id: string) => plan.rows.find((r) => r.id === id)!;

  it('runs every option from the end of the warm-up, today’s with no change', () => {
    expect(plan.rows.map((r) => r.id)).toEqual(PLAN_OPTIONS.map((o) => o.id));
    expect(row('today').interventions).toEqual([]);
    for (const r of plan.rows.slice(1)) {
      expect(r.interventions.length, r.id).toBeGreaterThan(0);
      expect(Math.min(...r.interventions.map((i) => i.day)), r.id).toBe(plan.day);
    }
  });

  it('a train faster than today’s ships smaller deployments sooner, with p10 ≤ median ≤ p90', () => {
    const size = (id: string) => row(id).figures.meanDeploymentSizeLines.p50!;
    const lead = (id: string) => row(id).figures.leadTimeDays.p50!;
    expect(size('weekly')).toBeLessThan(size('today'));
    // Daily is no smaller than weekly here: the medium team's pipeline, not its train, sets the pace.
    expect(size('daily')).toBeLessThan(size('today'));
    expect(lead('daily')).toBeLessThan(lead('today'));
    expect(lead('allSteps')).toBeLessThan(lead('today'));
    for (const r of plan.rows)
      for (const [figure, p] of Object.entries(r.figures)) {
        if (p.p50 === null) continue;
        expect(p.p10!, `${r.id} ${figure}`).toBeLessThanOrEqual(p.p50);
        expect(p.p50, `${r.id} ${figure}`).toBeLessThanOrEqual(p.p90!);
      }
  });
});
