import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveBuiltApp } from './browser.ts';
import type { StaticServer } from './static-server.ts';

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  server = await serveBuiltApp();
  browser = await launchChromium();
}, 60000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a slider move', () => {
  it('redraws each chart in view and the parameter panel once, when its run arrives, and the chart names that run', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${server.url}?preset=medium`);
    await page.locator('dds-time-chart svg.chart').first().waitFor();
    await page.waitForTimeout(500);
    const counts = await page.evaluate(async () => {
      const app = document.querySelector('dds-app')!;
      const root = app.shadowRoot!;
      const counted = {
        chart: root.querySelector('dds-time-chart[data-chart="wip"]')!,
        panel: root.querySelector('dds-param-panel')!,
      };
      const runsBefore = app.dataset.runsShown;
      // Redraws for the input alone (the run on screen is still the old one), and for its run.
      const updates = { chart: { forInput: 0, forRun: 0 }, panel: { forInput: 0, forRun: 0 } };
      for (const [name, element] of Object.entries(counted) as [keyof typeof updates, Element][]) {
        const lit = element as unknown as { update(changed: unknown): void };
        const original = lit.update.bind(lit);
        lit.update = (changed) => {
          if (app.dataset.runsShown === runsBefore) updates[name].forInput++;
          else updates[name].forRun++;
          original(changed);
        };
      }
      const slider =
        counted.panel.shadowRoot!.querySelector<HTMLInputElement>('input[type=range]')!;
      slider.value = String(Number(slider.value) + 1);
      slider.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      while (app.dataset.runsShown === runsBefore) await new Promise((r) => setTimeout(r, 5));
      await new Promise((resolve) => setTimeout(resolve, 100));
      return updates;
    });
    // The panel redraws the moved control at once; the chart waits for the run it will show.
    expect(counts.panel).toEqual({ forInput: 1, forRun: 0 });
    expect(counts.chart).toEqual({ forInput: 0, forRun: 1 });
    // The figure a chart exports names the run it shows: the team of nine now on screen.
    const caption = await page
      .locator('dds-time-chart[data-chart="wip"]')
      .evaluate((chart) => (chart as unknown as { caption: string }).caption);
    expect(caption).toContain('1 setting changed');
    await page.close();
  });
});
