import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createSeriesSet,
  FEEDBACK_LOOPS,
  findPreset,
  LOOP_LINKS,
  LOOP_NODES,
  linksOf,
  loopActivity,
  loopTimeline,
  simulate,
} from '../../src/index.ts';
import { preset } from '../helpers.ts';

const SPIRAL = preset('spiral');

function dominantDays(
  timeline: ReturnType<typeof loopTimeline>,
  from: number,
  to: number,
  accept: (loop: (typeof FEEDBACK_LOOPS)[number], direction: number) => boolean,
): number {
  let days = 0;
  for (let day = from; day < to; day++) {
    const index = timeline.dominant[day];
    if (index < 0) continue;
    const loop = FEEDBACK_LOOPS[index];
    if (accept(loop, timeline.direction[loop.id][day])) days++;
  }
  return days;
}

describe('causal-loop structure', () => {
  it('each loop is a closed chain of declared links whose polarity matches its kind', () => {
    for (const loop of FEEDBACK_LOOPS) {
      const product = linksOf(loop).reduce((p, link) => p * link.polarity, 1);
      expect(product, loop.id).toBe(loop.kind === 'reinforcing' ? 1 : -1);
    }
  });

  it('every link joins two declared nodes and every node is on some loop', () => {
    const ids = new Set(LOOP_NODES.map((n) => n.id));
    for (const link of LOOP_LINKS) {
      expect(ids.has(link.from) && ids.has(link.to), `${link.from}→${link.to}`).toBe(true);
    }
    const onLoops = new Set(FEEDBACK_LOOPS.flatMap((loop) => loop.path));
    expect([...ids].filter((id) => !onLoops.has(id))).toEqual([]);
  });
});

describe('which loop dominates', () => {
  it('a reinforcing loop at work turns the way its first node moves; balancing loops need every node moving', () => {
    const spiral = FEEDBACK_LOOPS.find((l) => l.id === 'R1')!;
    expect(loopActivity(spiral, () => 0.2)).toEqual({
      activity: expect.closeTo(0.2, 9),
      direction: 1,
    });
    expect(loopActivity(spiral, () => -0.2).direction).toBe(-1);
    // One link against its polarity stops the loop.
    expect(loopActivity(spiral, (n) => (n === 'size' ? -0.2 : 0.2)).activity).toBe(0);
    // One node sitting still (a candidate waiting) still lets a reinforcing loop run.
    expect(loopActivity(spiral, (n) => (n === 'stabilise' ? 0 : 0.2)).activity).toBeCloseTo(
      0.15,
      9,
    );
    const testing = FEEDBACK_LOOPS.find((l) => l.id === 'B1')!;
    expect(loopActivity(testing, (n) => (n === 'testing' ? 0 : 0.2)).activity).toBe(0);
    expect(loopActivity(testing, () => 0.2).activity).toBeCloseTo(0.2, 9);
  });

  it('noise is not a trend: the steady medium team has a dominant loop on under half its days (10 seeds)', () => {
    // Release-to-release scatter moves a stock's fitted slope past 3% a month by chance; only a
    // slope clear of its standard error counts as a move.
    let dominated = 0;
    let total = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const run = simulate(preset('medium'), { days: 300, seed });
      const timeline = loopTimeline(run.series, run.days);
      for (let day = 80; day < 300; day++) {
        total++;
        if (timeline.dominant[day] >= 0) dominated++;
      }
    }
    expect(dominated / total).toBeLessThan(0.5);
  });

  it('a steady run has no dominant loop', () => {
    const days = 200;
    const series = createSeriesSet(days);
    for (const values of Object.values(series)) values.fill(3);
    const timeline = loopTimeline(series, days);
    expect([...timeline.dominant].every((index) => index === -1)).toBe(true);
  });

  it('after its slip the spiral team is driven by a vicious reinforcing loop far more than before it (17 of 20 seeds)', () => {
    let clear = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const run = simulate(SPIRAL, {
        days: 300,
        seed,
        interventions: [...findPreset('spiral')!.interventions!],
      });
      const timeline = loopTimeline(run.series, run.days);
      const vicious = (loop: (typeof FEEDBACK_LOOPS)[number], direction: number) =>
        loop.kind === 'reinforcing' && direction > 0;
      const after = dominantDays(timeline, 100, 180, vicious) / 80;
      const before = dominantDays(timeline, 60, 100, vicious) / 40;
      if (after > 2 * before && after >= 0.25) clear++;
    }
    expect(clear).toBeGreaterThanOrEqual(17);
  });

  it('an elite team stays steady: no loop dominates on 95% of days', () => {
    for (const seed of [1, 2, 3]) {
      const timeline = loopTimeline(simulate(preset('elite'), { days: 400, seed }).series, 400);
      expect(
        dominantDays(timeline, 0, 400, () => true),
        `seed ${seed}`,
      ).toBeLessThan(20);
    }
  });

  it('activities are finite and non-negative; the dominant loop is at work and has the largest ten-day activity (random teams and seeds)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('elite', 'high', 'medium', 'low', 'spiral', 'recovery'),
        fc.integer({ min: 1, max: 1e6 }),
        fc.double({ min: 1, max: 40, noNaN: true }),
        (id, seed, interval) => {
          const run = simulate(preset(id, { releaseIntervalDays: interval }), { days: 260, seed });
          const timeline = loopTimeline(run.series, run.days);
          const recent = (id: string, day: number) => {
            let total = 0;
            const from = Math.max(0, day - 9);
            for (let d = from; d <= day; d++) total += timeline.activity[id][d];
            return total / (day - from + 1);
          };
          for (let day = 0; day < run.days; day++) {
            const atWork = FEEDBACK_LOOPS.filter((loop) => {
              const a = timeline.activity[loop.id][day];
              expect(Number.isFinite(a) && a >= 0).toBe(true);
              return a > 0;
            });
            const index = timeline.dominant[day];
            if (atWork.length === 0) expect(index).toBe(-1);
            else {
              const best = Math.max(...atWork.map((loop) => recent(loop.id, day)));
              expect(atWork).toContain(FEEDBACK_LOOPS[index]);
              expect(recent(FEEDBACK_LOOPS[index].id, day)).toBeCloseTo(best, 9);
            }
          }
          for (const node of LOOP_NODES) {
            expect(timeline.nodeValues[node.id].every((v) => Number.isFinite(v) && v >= 0)).toBe(
              true,
            );
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});
