import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { bundledEngineSource, launchChromium, serveBuiltApp } from '../e2e/browser.ts';

// Browser benchmarks: slider input to painted charts, bundle size, first render. Figures, not tests.

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Moves the team-size slider and resolves when the charts for that input are painted. */
async function sliderToPaint(page: Page, value: number): Promise<number> {
  return page.evaluate(async (teamSize) => {
    const app = document.querySelector('dds-app') as HTMLElement & {
      updateComplete: Promise<boolean>;
    };
    const panel = app.shadowRoot!.querySelector('dds-param-panel')!;
    const slider = panel.shadowRoot!.querySelector('#param-teamSize') as HTMLInputElement;
    const shown = app.dataset.runsShown;
    const started = performance.now();
    slider.value = String(teamSize);
    slider.dispatchEvent(new Event('input'));
    await new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        if (app.dataset.runsShown !== shown) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(app, { attributes: true });
    });
    const charts = [...app.shadowRoot!.querySelectorAll('dds-time-chart')] as unknown as {
      updateComplete: Promise<boolean>;
    }[];
    await Promise.all(charts.map((chart) => chart.updateComplete));
    // The frame after the update is the one that paints it.
    await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - started;
  }, value);
}

const server = await serveBuiltApp();
const { url } = server;
const browser = await launchChromium();
try {
  const assets = join(server.dir, 'assets');
  const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
  const gzip = scripts.map((name) => ({
    name,
    bytes: gzipSync(readFileSync(join(assets, name))).length,
  }));
  const total = gzip.reduce((sum, file) => sum + file.bytes, 0);
  console.log(
    `JavaScript (gzip): ${(total / 1024).toFixed(1)} KB in ${scripts.length} files (${gzip.map((f) => `${f.name} ${(f.bytes / 1024).toFixed(1)} KB`).join(', ')})`,
  );
  // What a first visit downloads before the charts: the page's scripts and the simulation worker.
  const indexHtml = readFileSync(join(server.dir, 'index.html'), 'utf8');
  const atStart = gzip.filter((f) => indexHtml.includes(f.name) || f.name.startsWith('worker-'));
  console.log(
    `  of which loaded before the first chart: ${(atStart.reduce((sum, f) => sum + f.bytes, 0) / 1024).toFixed(1)} KB (${atStart.map((f) => f.name).join(', ')}); the rest loads on demand`,
  );
  const element = gzipSync(readFileSync(join(server.dir, 'death-spiral-sim.js'))).length;
  console.log(`The <death-spiral-sim> element, one file (gzip): ${(element / 1024).toFixed(1)} KB`);

  const firstRenders: number[] = [];
  for (let i = 0; i < 5; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const started = Date.now();
    await page.goto(url);
    await page.locator('dds-time-chart svg.chart path').first().waitFor();
    firstRenders.push(Date.now() - started);
    await page.close();
  }
  firstRenders.sort((a, b) => a - b);
  console.log(
    `First render from a local static server: median ${percentile(firstRenders, 0.5)} ms (of ${firstRenders.length} loads)`,
  );

  // The engine as the page's worker runs it: Chromium's optimiser, not Node's, decides this figure.
  const enginePage = await browser.newPage();
  await enginePage.goto('about:blank');
  const engineMs = (await enginePage.evaluate(`(async () => {
    const source = ${JSON.stringify(await bundledEngineSource())};
    const engine = await import(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
    const params = engine.presetParams(engine.findPreset('medium'));
    const batch = () => {
      const started = performance.now();
      for (let i = 0; i < 30; i++) engine.simulate({ ...params, teamSize: 8 + (i % 3) }, { days: 520, seed: i });
      return (performance.now() - started) / 30;
    };
    const batches = Array.from({ length: 8 }, batch);
    return [batches[0], batches[batches.length - 1]];
  })()`)) as [number, number];
  console.log(
    `Engine in Chromium, medium preset, two years: ${engineMs[0].toFixed(2)} ms a run over the first 30 runs, ${engineMs[1].toFixed(2)} ms once compiled`,
  );
  await enginePage.close();

  for (const [label, query] of [
    ['single run', ''],
    ['200-run Monte Carlo band', '?v=1&preset=medium&runs=200'],
  ] as const) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${url}${query}`);
    await page.locator('dds-time-chart svg.chart path').first().waitFor();
    // Five moves first, as a user's first drag would: the engine's code is compiled by then.
    for (let i = 0; i < 5; i++) await sliderToPaint(page, 16 - i);
    const samples: number[] = [];
    for (let i = 0; i < 60; i++) samples.push(await sliderToPaint(page, 6 + (i % 10)));
    samples.sort((a, b) => a - b);
    console.log(
      `Slider input to painted charts, ${label}: p50 ${percentile(samples, 0.5).toFixed(1)} ms, p95 ${percentile(samples, 0.95).toFixed(1)} ms (${samples.length} moves)`,
    );
    await page.close();
  }

  // A phase map running in the workers: how smooth the page stays, and how fast Cancel stops it.
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(
    `${url}?v=1&preset=spiral&view=whatif&analysis=map&w_xSteps=20&w_ySteps=20&w_seeds=30`,
  );
  await page.locator('dds-whatif button[type="submit"]').click();
  await page.locator('dds-whatif progress').waitFor();
  // Passed as text: the TypeScript loader would wrap named functions in a helper the page lacks.
  const gaps = (await page.evaluate(`new Promise((resolve) => {
    const seen = [];
    let last = performance.now();
    const tick = (now) => {
      seen.push(now - last);
      last = now;
      if (seen.length < 90) requestAnimationFrame(tick);
      else resolve(seen);
    };
    requestAnimationFrame(tick);
  })`)) as number[];
  gaps.sort((a, b) => a - b);
  console.log(
    `While a 20x20 x 30-seed map runs: frame interval p50 ${percentile(gaps, 0.5).toFixed(1)} ms, p95 ${percentile(gaps, 0.95).toFixed(1)} ms, worst ${gaps[gaps.length - 1].toFixed(1)} ms`,
  );
  const cancelled = Date.now();
  await page.locator('dds-whatif').getByRole('button', { name: 'Cancel' }).click();
  await page.locator('dds-whatif').getByText('Cancelled: nothing was changed.').waitFor();
  console.log(`Cancel to "Cancelled" on screen: ${Date.now() - cancelled} ms`);
  await page.close();
} finally {
  await browser.close();
  await server.close();
}
