import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as engine from '../../src/index.ts';
import { bundledEngineSource, launchChromium } from './browser.ts';

/**
 * The fingerprint of a run, computed by the same source text in Node and in Chromium: every
 * summary figure as the hex of its 64 bits, and a hash of the bytes of every series.
 */
const FINGERPRINT_SOURCE = `(engine, result) => {
  const view = new DataView(new ArrayBuffer(8));
  const bits = (x) => { view.setFloat64(0, x); return view.getUint32(0).toString(16) + ':' + view.getUint32(4).toString(16); };
  const summary = Object.keys(result.summary).sort().map((key) => {
    const value = result.summary[key];
    return key + '=' + (typeof value === 'number' ? bits(value) : JSON.stringify(value));
  });
  const series = engine.SERIES_IDS.map((id) => {
    const bytes = new Uint8Array(Float64Array.from(result.series[id]).buffer);
    let hash = 2166136261;
    for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i], 16777619) >>> 0;
    return id + '=' + hash.toString(16);
  });
  return { summary, series };
}`;

type Fingerprint = { summary: string[]; series: string[] };

/** The fingerprint function built from the same source text the browser runs. */
const fingerprintInNode = new Function(`return ${FINGERPRINT_SOURCE}`)() as (
  engineModule: typeof engine,
  result: engine.SimulationResult,
) => Fingerprint;

/** A seeded corpus of scenarios: presets, parameters drawn across their ranges, shocks and escapes. */
function corpus(count: number): engine.ScenarioFile[] {
  let state = 20261201;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const numeric = engine.PARAMS.filter((spec) => spec.kind === 'number' || spec.kind === 'integer');
  return Array.from({ length: count }, () => {
    // The parameters that reach exp, log and powers are always drawn, so a platform difference
    // in those shows.
    const params: Record<string, number> = {
      cautionMemoryDays: Number((5 + next() * 200).toPrecision(4)),
      densitySizeExponent: Number((next() * 0.5).toPrecision(4)),
      blockerDetection: Number((0.1 + next() * 0.9).toPrecision(4)),
    };
    for (let i = 0; i < 1 + Math.floor(next() * 5); i++) {
      const spec = pick(numeric);
      const raw = spec.min + next() * (spec.max - spec.min) * (next() < 0.7 ? 0.1 : 1);
      params[spec.id] = spec.kind === 'integer' ? Math.round(raw) : Number(raw.toPrecision(4));
    }
    const days = 80 + Math.floor(next() * 260);
    const interventions = [
      ...(next() < 0.4 ? [{ type: 'releaseSlip', day: Math.floor(days / 4), days: 20 }] : []),
      ...(next() < 0.3 && days > 130 ? engine.escapeSteps(Math.floor(days / 3)) : []),
    ];
    return {
      preset: pick(['elite', 'high', 'medium', 'low', 'spiral']),
      params,
      interventions,
      days,
      seed: Math.floor(next() * 1e6),
    };
  });
}

/** Runs a scenario file's first run in Node. */
function runInNode(file: engine.ScenarioFile): Fingerprint {
  const scenario = engine.parseScenario(file);
  const result = engine.simulate(scenario.params, engine.scenarioOptions(scenario, scenario.seed));
  return fingerprintInNode(engine, result);
}

let browser: Browser;
let engineSource: string;

beforeAll(async () => {
  engineSource = await bundledEngineSource();
  browser = await launchChromium();
}, 60000);

afterAll(async () => {
  await browser?.close();
});

describe('bit-identical in Node and in Chromium', () => {
  it('120 random scenarios: every summary figure and every series, bit for bit', async () => {
    const files = corpus(120);
    const inNode = files.map(runInNode);
    const page = await browser.newPage();
    const script = `(async () => {
      const url = URL.createObjectURL(new Blob([${JSON.stringify(engineSource)}], { type: 'text/javascript' }));
      const engine = await import(url);
      const fingerprint = ${FINGERPRINT_SOURCE};
      return ${JSON.stringify(files)}.map((file) => {
        const scenario = engine.parseScenario(file);
        return fingerprint(engine, engine.simulate(scenario.params, engine.scenarioOptions(scenario, scenario.seed)));
      });
    })()`;
    const inBrowser = (await page.evaluate(script)) as Fingerprint[];
    await page.close();
    const differing = files.flatMap((file, i) => {
      const figures = inNode[i].summary.filter((f, j) => f !== inBrowser[i].summary[j]);
      const series = inNode[i].series.filter((s, j) => s !== inBrowser[i].series[j]);
      return figures.length + series.length === 0
        ? []
        : [`${JSON.stringify(file)}: ${[...figures, ...series].slice(0, 4).join(', ')}`];
    });
    expect(differing).toEqual([]);
  }, 120000);
});
