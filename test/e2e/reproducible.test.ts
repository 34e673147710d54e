import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPreset, presetParams, simulate } from '../../src/index.ts';
import { bundledEngineSource, launchChromium } from './browser.ts';

let browser: Browser;
let engineSource: string;

beforeAll(async () => {
  engineSource = await bundledEngineSource();
  browser = await launchChromium();
}, 60000);

afterAll(async () => {
  await browser?.close();
});

describe('a sweep cell is the same in Node and in Chromium', () => {
  it('spiral, 2 x 2 map, 2 seeds a cell', async () => {
    const { runSweepCell } = await import('../../src/index.ts');
    const spec = {
      axes: [
        { param: 'releaseIntervalDays', from: 5, to: 15, steps: 2 },
        { param: 'regressionPassDays', from: 1, to: 7, steps: 2 },
      ],
      seeds: 2,
      days: 300,
    };
    const params = presetParams(findPreset('spiral')!);
    const inNode = [0, 1, 2, 3].map((i) => runSweepCell(params, spec as never, i));
    const page = await browser.newPage();
    const script = `(async () => {
      const url = URL.createObjectURL(new Blob([${JSON.stringify(engineSource)}], { type: 'text/javascript' }));
      const engine = await import(url);
      const params = engine.presetParams(engine.findPreset('spiral'));
      return [0, 1, 2, 3].map((i) => engine.runSweepCell(params, ${JSON.stringify(spec)}, i));
    })()`;
    expect(await page.evaluate(script)).toEqual(JSON.parse(JSON.stringify(inNode)));
    await page.close();
  });
});

describe('the same seed gives the same run in Node and in Chromium', () => {
  for (const [presetId, seed] of [
    ['medium', 7],
    ['spiral', 3],
  ] as const) {
    it(`${presetId}, seed ${seed}`, async () => {
      const preset = findPreset(presetId)!;
      const options = { days: 300, seed, interventions: preset.interventions };
      const inNode = simulate(presetParams(preset), options);
      const page = await browser.newPage();
      // Passed as text so the test runner's module transform leaves the dynamic import alone.
      const script = `(async () => {
        const url = URL.createObjectURL(new Blob([${JSON.stringify(engineSource)}], { type: 'text/javascript' }));
        const engine = await import(url);
        const result = engine.simulate(engine.presetParams(engine.findPreset(${JSON.stringify(presetId)})), ${JSON.stringify(options)});
        return { summary: result.summary, wip: Array.from(result.series.wipLines) };
      })()`;
      const inBrowser = (await page.evaluate(script)) as { summary: unknown; wip: number[] };
      expect(inBrowser.summary).toEqual(JSON.parse(JSON.stringify(inNode.summary)));
      expect(inBrowser.wip).toEqual(Array.from(inNode.series.wipLines));
      await page.close();
    });
  }
});
