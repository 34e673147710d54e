import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, seriousViolations, serveBuiltApp } from './browser.ts';
import type { StaticServer } from './static-server.ts';

let browser: Browser;
let server: StaticServer;
let url: string;

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  server = await serveBuiltApp();
  url = server.url;
  browser = await launchChromium();
}, 60000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openApp(
  query = '',
  viewport = { width: 1280, height: 720 },
  bypassCSP = false,
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport, bypassCSP });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${url}${query}`);
  await page.locator('dds-time-chart svg.chart').first().waitFor();
  return { page, errors };
}

const level = (page: Page) => page.locator('dds-scorecard [data-level]').getAttribute('data-level');
const frequency = (page: Page) =>
  page.locator('dds-scorecard [data-metric="deploymentsPerWeek"] .value').textContent();
const paramInput = (page: Page, id: string) =>
  page.locator(`dds-param-panel [data-param="${id}"] input[type="number"]`);

describe('the simulator in Chromium', () => {
  it('loads without console errors, with the scorecard and all seven charts, at projector and tablet sizes', async () => {
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 1024, height: 768 },
    ]) {
      const { page, errors } = await openApp('', viewport);
      await expect.poll(() => level(page)).toBe('medium');
      await expect.poll(() => page.locator('dds-time-chart').count()).toBe(7);
      await page.waitForTimeout(200);
      await page.screenshot({ path: `test-results/app-${viewport.width}x${viewport.height}.png` });
      expect(errors.join('\n')).toBe('');
      await page.close();
    }
  });

  it('re-runs when a control changes, writes the URL, and a reload restores it', async () => {
    const { page } = await openApp();
    const before = await frequency(page);
    await paramInput(page, 'releaseIntervalDays').fill('20');
    await paramInput(page, 'releaseIntervalDays').press('Tab');
    await expect.poll(() => page.url()).toContain('releaseIntervalDays=20');
    await expect.poll(() => frequency(page)).not.toBe(before);
    await page.reload();
    await page.locator('dds-time-chart svg.chart').first().waitFor();
    await expect.poll(() => paramInput(page, 'releaseIntervalDays').inputValue()).toBe('20');
    await page.close();
  });

  it('moves with a slider by keyboard', async () => {
    const { page } = await openApp();
    const slider = page.locator('dds-param-panel #param-teamSize');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.url()).toContain('teamSize=9');
    await page.close();
  });

  it('switches presets, and back and forward walk through them', async () => {
    const { page } = await openApp();
    await page.locator('header select[aria-label="Preset team"]').selectOption('low');
    await expect.poll(() => level(page)).toBe('low');
    await expect.poll(() => page.url()).toContain('preset=low');
    await page.goBack();
    await expect.poll(() => level(page)).toBe('medium');
    await page.goForward();
    await expect.poll(() => level(page)).toBe('low');
    await page.close();
  });

  it('pins a baseline and compares: what changed, and the change on the scorecard', async () => {
    const { page } = await openApp();
    await page.getByRole('button', { name: 'Pin as baseline' }).click();
    await paramInput(page, 'teamSize').fill('12');
    await paramInput(page, 'teamSize').press('Tab');
    await expect
      .poll(() => page.locator('dds-compare table').first().textContent())
      .toContain('Team size');
    await expect
      .poll(() =>
        page.locator('dds-scorecard [data-metric="throughputLinesPerDay"] .change').textContent(),
      )
      .toContain('vs baseline');
    await expect
      .poll(() =>
        page
          .locator('dds-time-chart[data-chart="deploymentSize"] circle[data-layer="baseline-size"]')
          .count(),
      )
      .toBeGreaterThan(0);
    await page.close();
  });

  it('adds an intervention on the timeline and shows it on the charts', async () => {
    const { page } = await openApp();
    await page.locator('dds-timeline select').selectOption('automationPush');
    await page.locator('dds-timeline input[type="number"]').fill('150');
    await page.locator('dds-timeline button[type="submit"]').click();
    await expect.poll(() => page.url()).toContain('iv=');
    await expect.poll(() => page.locator('dds-timeline .marker').count()).toBe(1);
    await expect
      .poll(() => page.locator('dds-time-chart[data-chart="wip"] path.marker').count())
      .toBeGreaterThan(0);
    await page.locator('dds-timeline .marker').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => decodeURIComponent(page.url())).toContain('"day":155');
    await page.close();
  });

  it('drags an intervention along the timeline with the mouse, and reads chart values on hover', async () => {
    const { page } = await openApp();
    await page.locator('dds-timeline button[type="submit"]').click();
    const marker = page.locator('dds-timeline .marker');
    await expect.poll(() => marker.count()).toBe(1);
    const track = await page.locator('dds-timeline .track').boundingBox();
    const start = await marker.boundingBox();
    await page.mouse.move(start!.x + start!.width / 2, start!.y + start!.height / 2);
    await page.mouse.down();
    await page.mouse.move(track!.x + track!.width * 0.75, start!.y + start!.height / 2, {
      steps: 5,
    });
    await page.mouse.up();
    await expect
      .poll(async () => Number(decodeURIComponent(page.url()).match(/"day":(\d+)/)?.[1]))
      .toBeGreaterThan(350);
    const chart = page.locator('dds-time-chart[data-chart="wip"] svg.chart');
    await chart.hover();
    await expect
      .poll(() => page.locator('dds-time-chart[data-chart="wip"] .readout').textContent())
      .toMatch(/Day \d+ · On branches: /);
    await page.close();
  });

  it('exports charts as SVG, PNG and CSV and the scenario as JSON', async () => {
    const { page } = await openApp();
    const chart = page.locator('dds-time-chart[data-chart="wip"]');
    const save = async (click: () => Promise<void>) => {
      const [download] = await Promise.all([page.waitForEvent('download'), click()]);
      return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
    };
    const svgFile = await save(() => chart.getByRole('button', { name: /as SVG/ }).click());
    expect(svgFile.name).toBe('death-spiral-wip.svg');
    expect(svgFile.bytes.toString()).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const pngFile = await save(() => chart.getByRole('button', { name: /as PNG/ }).click());
    expect(pngFile.bytes.subarray(1, 4).toString()).toBe('PNG');
    const csvFile = await save(() => chart.getByRole('button', { name: /as CSV/ }).click());
    expect(csvFile.bytes.toString().split('\n')[0]).toContain('On branches');
    const jsonFile = await save(() =>
      page.getByRole('button', { name: 'Save', exact: true }).click(),
    );
    expect(JSON.parse(jsonFile.bytes.toString()).preset).toBe('medium');
    await page.close();
  });

  it('a malformed or tampered link shows what is wrong and the app stays usable', async () => {
    const { page, errors } = await openApp(
      '?v=1&preset=medium&teamSize=-5&x=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
    );
    await expect
      .poll(() => page.locator('dds-app [role="alert"]').textContent())
      .toContain('teamSize');
    expect(await page.locator('dds-app img').count()).toBe(0);
    await expect.poll(() => level(page)).toBe('medium');
    await page.locator('header select[aria-label="Preset team"]').selectOption('elite');
    await expect.poll(() => level(page)).toBe('elite');
    expect(errors.join('\n')).toBe('');
    await page.close();
  });

  it('plays the run forward on screen: play, pause, step and show all', async () => {
    const { page } = await openApp('?v=1&preset=spiral');
    const dots = page.locator('dds-time-chart[data-chart="deploymentSize"] circle');
    const all = await dots.count();
    await page.getByRole('button', { name: 'Step forward 20 working days' }).click();
    await expect
      .poll(() => page.locator('dds-play-controls output').textContent())
      .toBe('Day 20 of 520');
    await expect.poll(() => dots.count()).toBeLessThan(all);
    await page.getByRole('button', { name: '▶ Play' }).click();
    await expect
      .poll(async () =>
        Number(
          (await page.locator('dds-play-controls output').textContent())?.match(/Day (\d+)/)?.[1] ??
            0,
        ),
      )
      .toBeGreaterThan(40);
    await page.getByRole('button', { name: '❚❚ Pause' }).click();
    await page.getByRole('button', { name: 'Show all' }).click();
    await expect.poll(() => dots.count()).toBe(all);
    await page.close();
  });

  it('keeps named snapshots in the browser, loads one back and compares two side by side', async () => {
    const { page } = await openApp();
    const name = page.locator('dds-snapshots input[type="text"]');
    await name.fill('Two-week train');
    await page.getByRole('button', { name: 'Save snapshot' }).click();
    await page.locator('header select[aria-label="Preset team"]').selectOption('elite');
    await expect.poll(() => level(page)).toBe('elite');
    await name.fill('Elite');
    await page.getByRole('button', { name: 'Save snapshot' }).click();
    await page.reload();
    await page.locator('dds-time-chart svg.chart').first().waitFor();
    await expect.poll(() => page.locator('dds-snapshots li').count()).toBe(2);
    await page.getByRole('button', { name: 'Load Two-week train' }).click();
    await expect.poll(() => level(page)).toBe('medium');
    await page.getByRole('checkbox', { name: 'Pick Two-week train to compare' }).check();
    await page.getByRole('checkbox', { name: 'Pick Elite to compare' }).check();
    await page.getByRole('button', { name: 'Compare the two picked side by side' }).click();
    await expect
      .poll(() => page.locator('dds-side-by-side dds-scorecard [data-level]').allTextContents())
      .toEqual([expect.stringContaining('MEDIUM'), expect.stringContaining('ELITE')]);
    await expect
      .poll(() =>
        page
          .locator('dds-side-by-side header h2')
          .evaluate((h) => Math.abs(Math.round(h.getBoundingClientRect().top))),
      )
      .toBeLessThan(100);
    await page.screenshot({ path: 'test-results/side-by-side-1280x720.png' });
    await page.getByRole('button', { name: 'Close comparison' }).click();
    await expect.poll(() => page.locator('dds-side-by-side').count()).toBe(0);
    await page.close();
  });

  it('opens a scenario file, and refuses a bad one without losing anything', async () => {
    const { page } = await openApp();
    const input = page.locator('dds-app header input[type="file"]');
    await input.setInputFiles({
      name: 'team.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ preset: 'high', params: { teamSize: 11 } })),
    });
    await expect.poll(() => level(page)).toBe('high');
    await expect.poll(() => page.url()).toContain('teamSize=11');
    await input.setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"preset": "high", "params": {"teamSize": "lots"}}'),
    });
    await expect
      .poll(() => page.locator('dds-app [role="alert"]').textContent())
      .toContain('teamSize');
    expect(page.url()).toContain('teamSize=11');
    await page.close();
  });

  it('what-if: a phase map renders, and a click loads that cell into the simulator', async () => {
    const { page, errors } = await openApp('?v=1&preset=spiral');
    await page.getByRole('button', { name: 'What-if analyses' }).click();
    await expect.poll(() => page.url()).toContain('view=whatif');
    await page.locator('dds-whatif select[name="xParam"]').selectOption('releaseIntervalDays');
    await page.locator('dds-whatif input[name="xSteps"]').fill('3');
    await page.locator('dds-whatif select[name="yParam"]').selectOption('regressionPassDays');
    await page.locator('dds-whatif input[name="yFrom"]').fill('1');
    await page.locator('dds-whatif input[name="yTo"]').fill('7');
    await page.locator('dds-whatif input[name="ySteps"]').fill('3');
    await page.locator('dds-whatif input[name="seeds"]').fill('1');
    await page.locator('dds-whatif button[type="submit"]').click();
    const cells = page.locator('dds-phase-map rect.cell');
    await expect.poll(() => cells.count(), { timeout: 20000 }).toBe(9);
    // The analysis and its form are in the link: a reload opens the same map settings.
    await expect.poll(() => page.url()).toContain('w_xSteps=3');
    expect(page.url()).toContain('w_yParam=regressionPassDays');
    await page.reload();
    await expect.poll(() => page.locator('dds-whatif input[name="ySteps"]').inputValue()).toBe('3');
    await page.locator('dds-whatif button[type="submit"]').click();
    await expect.poll(() => cells.count(), { timeout: 20000 }).toBe(9);
    const outcomes = await page
      .locator('dds-phase-map rect.cell')
      .evaluateAll((rects) => rects.map((r) => r.getAttribute('data-outcome')));
    expect(outcomes).toContain('spirals');
    await page.screenshot({ path: 'test-results/phase-map-1280x720.png' });
    await cells.last().click();
    await expect.poll(() => page.url()).not.toContain('view=whatif');
    expect(page.url()).toContain('regressionPassDays=7');
    expect(page.url()).toContain('releaseIntervalDays=30');
    expect(errors.join('\n')).toBe('');
    await page.close();
  });

  it('what-if: a calibration from the example history completes and loads into the simulator', async () => {
    const { page } = await openApp('?v=1&preset=medium&view=whatif&analysis=calibrate');
    await page.getByRole('button', { name: 'Use the example history' }).click();
    await expect
      .poll(() => page.locator('dds-whatif table').first().textContent(), { timeout: 30000 })
      .toContain('Change failure rate (%)');
    // The fit is listed setting by setting, in words and units.
    await expect
      .poll(() => page.locator('dds-whatif table[data-fitted]').textContent())
      .toMatch(/Release interval\s*[\d.]+ working days/);
    await expect
      .poll(() => page.locator('dds-whatif [role="status"]').first().textContent())
      .toContain('Every target is matched');
    await page.getByRole('button', { name: 'Load the fitted scenario into the simulator' }).click();
    await expect.poll(() => page.url()).not.toContain('view=whatif');
    await expect.poll(() => level(page)).not.toBeNull();
    await page.close();
  });

  it('has no serious or critical accessibility violations', async () => {
    // axe is injected by the test, so this page alone lets it past the Content-Security-Policy.
    const { page } = await openApp('', { width: 1280, height: 720 }, true);
    const violations = await seriousViolations(page);
    expect(violations).toEqual([]);
    await page.close();
  });
});
