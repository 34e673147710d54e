import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CAPACITY_SERIES,
  defaultParams,
  type Intervention,
  PARAMS,
  type Params,
  SERIES_IDS,
  simulate,
} from '../../src/index.ts';
import { undeployedDefects, undeployedLines } from '../../src/model/state.ts';
import { advance, startSimulation } from '../../src/simulate.ts';

/** An arbitrary valid parameter set drawn from the table's ranges (kept to plausible magnitudes). */
const paramsArbitrary = fc.record(
  Object.fromEntries(
    PARAMS.map((spec) => {
      if (spec.kind === 'boolean') return [spec.id, fc.boolean()];
      if (spec.kind === 'choice') return [spec.id, fc.constantFrom(...spec.choices!)];
      const max = Math.min(
        spec.max,
        spec.min + Math.max(spec.step * 40, (spec.max - spec.min) / 10),
      );
      const value = fc.double({ min: spec.min, max, noNaN: true });
      return [spec.id, spec.kind === 'integer' ? value.map(Math.round) : value];
    }),
  ),
) as fc.Arbitrary<Params>;

const mode = fc.constantFrom('stochastic' as const, 'expected' as const);

/** A random intervention of any kind at a random day of a 150-day run. */
const interventionArbitrary: fc.Arbitrary<Intervention> = fc.oneof(
  fc.record({
    type: fc.constant('mergeFreeze' as const),
    day: fc.integer({ min: 0, max: 149 }),
    days: fc.integer({ min: 0, max: 60 }),
    mustHaveShare: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({
    type: fc.constant('automationPush' as const),
    day: fc.integer({ min: 0, max: 149 }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({
    type: fc.constant('cadence' as const),
    day: fc.integer({ min: 0, max: 149 }),
    releaseIntervalDays: fc.double({ min: 0.2, max: 60, noNaN: true }),
  }),
  fc.record({
    type: fc.constant('removeApprovals' as const),
    day: fc.integer({ min: 0, max: 149 }),
  }),
  fc.record({
    type: fc.constant('crossFunctionalTeam' as const),
    day: fc.integer({ min: 0, max: 149 }),
  }),
  fc.record({
    type: fc.constant('releaseSlip' as const),
    day: fc.integer({ min: 0, max: 149 }),
    days: fc.integer({ min: 0, max: 60 }),
  }),
  fc.record({
    type: fc.constant('incident' as const),
    day: fc.integer({ min: 0, max: 149 }),
    hours: fc.double({ min: 0, max: 400, noNaN: true }),
    responders: fc.double({ min: 0, max: 20, noNaN: true }),
  }),
  fc.record({
    type: fc.constant('surge' as const),
    day: fc.integer({ min: 0, max: 149 }),
    days: fc.integer({ min: 0, max: 60 }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({
    type: fc.constant('set' as const),
    day: fc.integer({ min: 0, max: 149 }),
    param: fc.constant('releasePolicy'),
    value: fc.constantFrom('train', 'whenStable', 'continuous'),
  }),
);

describe('invariants over random parameters and seeds', () => {
  it('nothing is negative, NaN or infinite, and capacity by use sums to the team', () => {
    fc.assert(
      fc.property(
        paramsArbitrary,
        fc.integer({ min: 1, max: 1e6 }),
        mode,
        fc.array(interventionArbitrary, { maxLength: 4 }),
        (params, seed, m, interventions) => {
          const result = simulate(params, { days: 150, seed, mode: m, interventions });
          for (const id of SERIES_IDS) {
            for (const value of result.series[id]) {
              if (!Number.isFinite(value) || value < -1e-9) throw new Error(`${id} = ${value}`);
            }
          }
          for (const [key, value] of Object.entries(result.summary)) {
            if (typeof value === 'number' && (!Number.isFinite(value) || value < 0))
              throw new Error(`${key} = ${value}`);
          }
          for (let day = 0; day < result.days; day++) {
            let used = 0;
            for (const id of CAPACITY_SERIES) used += result.series[id][day];
            expect(used).toBeCloseTo(params.teamSize, 6);
          }
          const hours = (result.summary.windowDays * 24 * 7) / 5;
          expect(result.summary.outageHours).toBeLessThanOrEqual(hours + 1e-6);
          if (result.summary.deploymentsPerWeek === 0)
            expect(result.summary.doraLevel).toBe('none');
        },
      ),
      {
        numRuns: Number(process.env.PROPERTY_RUNS ?? 60),
        seed: Number(process.env.PROPERTY_SEED ?? 20261127),
      },
    );
  });

  it('conserves lines and defects exactly through every stage', () => {
    fc.assert(
      fc.property(
        paramsArbitrary,
        fc.integer({ min: 1, max: 1e6 }),
        mode,
        fc.array(interventionArbitrary, { maxLength: 4 }),
        (params, seed, m, interventions) => {
          const state = advance(
            startSimulation(params, {
              days: 150,
              seed,
              mode: m,
              interventions: interventions.filter((i) => i.day < 120),
            }),
            120,
          );
          const t = state.totals;
          const lines = undeployedLines(state) + state.productionLines;
          expect(lines).toBeCloseTo(t.linesWritten, 6);
          expect(state.productionLines).toBeCloseTo(t.linesDeployed, 6);
          const defects =
            undeployedDefects(state) +
            t.defectsFixedAtMerge +
            t.defectsFixedInTesting +
            t.defectsEscaped;
          expect(defects).toBeCloseTo(t.defectsInjected, 6);
          expect(state.productionLatentDefects + t.productionDefectsReported).toBeCloseTo(
            t.defectsEscaped,
            6,
          );
          if (m === 'stochastic')
            expect(Number.isInteger(Math.round(t.defectsInjected * 1e6) / 1e6)).toBe(true);
        },
      ),
      {
        numRuns: Number(process.env.PROPERTY_RUNS ?? 60),
        seed: Number(process.env.PROPERTY_SEED ?? 20261127),
      },
    );
  });

  it('the stages of undeployed code add up, day by day, to the day-mean the scorecard counts', () => {
    fc.assert(
      fc.property(
        paramsArbitrary,
        fc.integer({ min: 1, max: 1e6 }),
        mode,
        fc.array(interventionArbitrary, { maxLength: 4 }),
        (params, seed, m, interventions) => {
          const { series, days } = simulate(params, { days: 150, seed, mode: m, interventions });
          for (let day = 0; day < days; day++) {
            const stages =
              series.wipBranchLines[day] +
              series.wipHeldLines[day] +
              series.wipMergedLines[day] +
              series.wipCandidateLines[day];
            expect(Math.abs(stages - series.wipLines[day])).toBeLessThanOrEqual(
              1e-6 * Math.max(1, series.wipLines[day]),
            );
          }
        },
      ),
      {
        numRuns: Number(process.env.PROPERTY_RUNS ?? 60),
        seed: Number(process.env.PROPERTY_SEED ?? 20261127),
      },
    );
  });

  it('each day, the release candidate stage holds every release for the part of the day it was in test', () => {
    for (const seed of [3, 4]) {
      const result = simulate(defaultParams(), { days: 200, seed });
      const expected = new Float64Array(result.days);
      for (const release of result.deployments) {
        const cut = release.time - release.pipelineDays;
        for (let day = Math.floor(cut); day <= Math.min(result.days - 1, release.time); day++) {
          const overlap = Math.min(day + 1, release.time) - Math.max(day, cut);
          if (overlap > 0) expected[day] += release.lines * overlap;
        }
      }
      expect(result.deployments.length).toBeGreaterThan(3);
      // Up to the last shipment: the release cut then is still in test at the end, not in the log.
      const lastShipped = Math.floor(result.deployments[result.deployments.length - 1].time);
      for (let day = 0; day < lastShipped; day++)
        expect(result.series.wipCandidateLines[day]).toBeCloseTo(expected[day], 3);
    }
  });

  it("Little's law holds in steady state within 3%", () => {
    fc.assert(
      fc.property(
        fc.constantFrom('train' as const, 'whenStable' as const, 'continuous' as const),
        fc.double({ min: 2, max: 15, noNaN: true }),
        fc.integer({ min: 1, max: 1e6 }),
        (releasePolicy, releaseIntervalDays, seed) => {
          // A team far from its tipping point, so the run settles into a steady state.
          const params = {
            ...defaultParams(),
            releasePolicy,
            releaseIntervalDays,
            stabilisationShare: 1,
            fixGrowthPerWorkDay: 0,
          };
          const result = simulate(params, { days: 1500, warmupDays: 200, seed });
          const s = result.summary;
          const meanLeadWorkingDays = result.series.leadTimeDays.reduce(
            (acc, lead, day) => acc + lead * result.series.linesDeployed[day],
            0,
          );
          const shipped = result.series.linesDeployed.slice(200).reduce((a, b) => a + b, 0);
          const leadSum = result.series.leadTimeDays
            .slice(200)
            .reduce((acc, lead, i) => acc + lead * result.series.linesDeployed[200 + i], 0);
          expect(meanLeadWorkingDays).toBeGreaterThan(0);
          const littles = s.throughputLinesPerDay * (leadSum / shipped);
          expect(Math.abs(littles - s.meanWipLines) / s.meanWipLines).toBeLessThan(0.03);
        },
      ),
      { numRuns: 12 },
    );
  });
});

describe('reproducibility', () => {
  it('gives identical output for the same seed and different output for different seeds', () => {
    const params = defaultParams();
    const a = simulate(params, { days: 300, seed: 42 });
    const b = simulate(params, { days: 300, seed: 42 });
    const c = simulate(params, { days: 300, seed: 43 });
    expect(JSON.stringify(a.summary)).toBe(JSON.stringify(b.summary));
    expect(Array.from(a.series.wipLines)).toEqual(Array.from(b.series.wipLines));
    expect(Array.from(a.series.escapedDefects)).not.toEqual(Array.from(c.series.escapedDefects));
  });

  it('resumes from a saved, JSON-round-tripped state exactly as an uninterrupted run', () => {
    const params = defaultParams();
    const whole = simulate(params, { days: 200, seed: 7 });
    const half = advance(startSimulation(params, { days: 200, seed: 7 }), 100);
    const revived = JSON.parse(
      JSON.stringify(half, (_, value) =>
        value instanceof Float64Array ? Array.from(value) : value,
      ),
    );
    for (const id of SERIES_IDS) revived.series[id] = Float64Array.from(revived.series[id]);
    revived.windowTotals.leadTimes.weights = Float64Array.from(
      revived.windowTotals.leadTimes.weights,
    );
    const rest = advance(revived, 100);
    expect(Array.from(rest.series.wipLines)).toEqual(Array.from(whole.series.wipLines));
    expect(rest.totals).toEqual(whole.totals);
  });
});
