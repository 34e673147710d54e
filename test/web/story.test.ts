import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.ts';
import { STORY_STEPS } from '../../web/story/steps.ts';
import { dominantOn, loopOn, type StoryRun, storyRun } from '../../web/story/story-run.ts';
import { runWindow } from '../../web/worker/run-scenario.ts';

const SEEDS = 20;

/** Every step's run for seeds 1 to 20, as the story reads them. */
const runs: StoryRun[][] = STORY_STEPS.map((step) =>
  Array.from({ length: SEEDS }, (_, i) => {
    const scenario = step.scenario();
    const result = simulate(scenario.params, {
      days: scenario.days,
      seed: i + 1,
      interventions: scenario.interventions,
    });
    return storyRun(result, scenario.params);
  }),
);

describe('the story', () => {
  it('every step says what its runs show, in at least 16 of 20 seeds', () => {
    STORY_STEPS.forEach((step, index) => {
      const holding = runs[index].filter((run) => step.holds(run)).length;
      expect(holding, `step ${index + 1}: ${step.title}`).toBeGreaterThanOrEqual(16);
    });
  });

  it('the loop a step outlines is at work on its day exactly when its caption says so (16 of 20 seeds)', () => {
    STORY_STEPS.forEach((step, index) => {
      if (!step.loop) return;
      const agreeing = runs[index].filter(
        (run) => loopOn(run, step.loop!, step.day).atWork === step.loopAtWork,
      ).length;
      expect(agreeing, `step ${index + 1}: ${step.title}`).toBeGreaterThanOrEqual(16);
      const words = step.caption(runs[index][0]);
      expect(words, `step ${index + 1} names its loop`).toContain(`(${step.loop})`);
      expect(/not at work/.test(words), `step ${index + 1} says whether it is at work`).toBe(
        !step.loopAtWork,
      );
    });
  });

  it('opens on a steady team and ends on the virtuous spiral, dominant on the diagram', () => {
    const first = runs[0].filter((run) => dominantOn(run, STORY_STEPS[0].day) === null).length;
    expect(first).toBeGreaterThanOrEqual(16);
    const last = STORY_STEPS.length - 1;
    const virtuous = runs[last].filter((run) => {
      const dominant = dominantOn(run, STORY_STEPS[last].day);
      return dominant?.id === 'R1' && dominant.direction < 0;
    }).length;
    expect(virtuous).toBeGreaterThanOrEqual(16);
    expect(STORY_STEPS[last].caption(runs[last][0])).toMatch(/\(R1\) now dominates the other way/);
  });

  it('quotes figures read from its run: none missing, and they change with the run', () => {
    STORY_STEPS.forEach((step, index) => {
      for (const run of runs[index].filter((r) => step.holds(r))) {
        const words = step.caption(run);
        expect(words, `step ${index + 1}`).not.toMatch(/NaN|undefined|Infinity|–/);
      }
    });
    // Two seeds of the spiral give different figures: the captions are not written in advance.
    const captions = new Set(runs[1].map((run) => STORY_STEPS[1].caption(run)));
    expect(captions.size).toBeGreaterThan(1);
  });

  it('marks the slip and the release it swells on the charts', () => {
    expect(STORY_STEPS[1].annotate?.(runs[1][0])?.day).toBe(100);
    const swollen = STORY_STEPS[4].annotate?.(runs[4][0]);
    expect(swollen?.label).toMatch(/× the usual release|In test: /);
  });

  it('the scorecard a step shows rates the team as its caption describes it (16 of 20 seeds)', () => {
    const levels = (index: number) =>
      Array.from({ length: SEEDS }, (_, i) => {
        const step = STORY_STEPS[index];
        return runWindow({ ...step.scenario(), seed: i + 1 }, step.day).summary.doraLevel;
      });
    // Step 1 says "DORA's medium level on the edge of low".
    expect(levels(0).filter((level) => level === 'medium').length).toBeGreaterThanOrEqual(16);
    // The spiral: nothing better than low once it has taken hold.
    expect(levels(4).filter((level) => level === 'low' || level === 'none').length).toBe(SEEDS);
  });
});
