import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveBuiltApp } from './browser.ts';
import type { StaticServer } from './static-server.ts';

let browser: Browser;
let server: StaticServer & { dir: string };

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  server = await serveBuiltApp();
  browser = await launchChromium();
}, 60000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(query: string, width: number, height: number) {
  const page = await browser.newPage({ viewport: { width, height } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${server.url}${query}`);
  await page.locator('dds-time-chart svg.chart').first().waitFor();
  return { page, errors };
}

/** Font sizes of the SVG text on screen, as the browser computes them. */
const chartTextSizes = (page: Page) =>
  page.evaluate(`(() => {
    const sizes = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) walk(el.shadowRoot);
        if (el.tagName.toLowerCase() !== 'text') continue;
        const box = el.getBoundingClientRect();
        if (box.width > 0 && box.top < innerHeight) sizes.push(parseFloat(getComputedStyle(el).fontSize));
      }
    };
    walk(document);
    return sizes.sort((a, b) => a - b);
  })()`) as Promise<number[]>;

const scrollSize = (page: Page) =>
  page.evaluate(
    '[document.scrollingElement.scrollWidth, document.scrollingElement.scrollHeight]',
  ) as Promise<[number, number]>;

describe('screens that tell the truth and fit the room', () => {
  it('plays a whole spiral run without a page error; diagram, charts and scorecard show the same day', async () => {
    const { page, errors } = await open('?preset=spiral', 1280, 800);
    await page.getByLabel('Speed').selectOption('90');
    await page.getByRole('button', { name: /play/i }).first().click();
    await expect
      .poll(() => page.locator('dds-play-controls output').textContent())
      .toMatch(/Day [1-9]/);
    await page.getByRole('button', { name: /pause/i }).first().click();
    const day = Number(
      (await page.locator('dds-play-controls output').textContent())?.match(/Day (\d+)/)?.[1],
    );
    await expect
      .poll(() => page.locator('dds-loop-diagram').getAttribute('data-day'))
      .toBe(String(day - 1));
    await expect
      .poll(() => page.locator('dds-scorecard [data-coverage]').textContent())
      .toContain(`–${day} of 520`);
    await page.getByRole('button', { name: /play/i }).first().click();
    await expect
      .poll(() => page.locator('dds-play-controls output').textContent(), { timeout: 20000 })
      .toBe('Whole run');
    expect(errors).toEqual([]);
    await page.close();
  }, 40000);

  for (const [width, height, smallest] of [
    [1280, 720, 14],
    [1920, 1080, 18],
  ]) {
    it(`presenter mode fits ${width}×${height} with chart text of ${smallest} px or more and nothing to hover or export`, async () => {
      const { page, errors } = await open('?story=5&present=1', width, height);
      await page.locator('dds-loop-diagram [data-focus-state]').waitFor();
      await page.waitForTimeout(300);
      const [scrollWidth, scrollHeight] = await scrollSize(page);
      expect(scrollWidth).toBeLessThanOrEqual(width);
      expect(scrollHeight).toBeLessThanOrEqual(height);
      const sizes = await chartTextSizes(page);
      expect(sizes[Math.floor(sizes.length / 2)]).toBeGreaterThanOrEqual(smallest);
      expect(await page.locator('dds-time-chart .exports').isVisible()).toBe(false);
      expect(await page.getByText('Hover or use the arrow keys').isVisible()).toBe(false);
      // The step's chart, the scorecard and the loop all on screen.
      for (const selector of [
        'dds-time-chart',
        'dds-scorecard [data-level]',
        'dds-loop-diagram svg',
      ])
        expect(await page.locator(selector).first().isVisible(), selector).toBe(true);
      const bottom = await page
        .locator('dds-scorecard')
        .evaluate((el) => el.getBoundingClientRect().bottom);
      expect(bottom).toBeLessThanOrEqual(height);
      await page.screenshot({ path: `test-results/presenter-${width}x${height}.png` });
      // Every other step fits too, whatever its caption and legend, and keeps a readable chart.
      for (let step = 1; step <= 10; step++) {
        if (step === 5) continue;
        await page.locator('dds-story nav a', { hasText: new RegExp(`^${step}$`) }).click();
        await expect
          .poll(async () => (await scrollSize(page))[1], { message: `step ${step}` })
          .toBeLessThanOrEqual(height);
        const plot = await page
          .locator('dds-time-chart[data-highlighted] svg.chart')
          .evaluate((el) => el.getBoundingClientRect().height);
        expect(plot, `step ${step} chart height`).toBeGreaterThanOrEqual(height * 0.3);
      }
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('no screen scrolls sideways on a 390-pixel phone', async () => {
    const screens: [string, string, RegExp | null][] = [
      ['main', '', null],
      ['story', '?story=2', null],
      ['presenter', '?story=2&present=1', null],
      ['whatif', '', /what-if/i],
      ['game', '', /workshop game/i],
    ];
    for (const [name, query, button] of screens) {
      const { page, errors } = await open(query, 390, 844);
      if (button) {
        await page.getByRole('button', { name: button }).first().click();
        await page.waitForTimeout(800);
      }
      if (name === 'game') {
        // A game under way: its decisions, scoreboard and debrief tables scroll in their own box.
        await page.getByRole('button', { name: 'Start the game' }).click();
        await page.getByRole('button', { name: /^Run round/ }).click();
        await page.getByRole('button', { name: /^Reveal/ }).click();
        await page.locator('[data-scoreboard]').waitFor();
      }
      const [scrollWidth] = await scrollSize(page);
      expect(scrollWidth, name).toBeLessThanOrEqual(390);
      await page.screenshot({ path: `test-results/phone-${name}.png`, fullPage: true });
      expect(errors, name).toEqual([]);
      await page.close();
    }
  }, 60000);

  it('planners get a logarithmic interval with named stops, a sentence when the pipeline cannot keep up, and what changed beside the scorecard', async () => {
    const { page, errors } = await open('?preset=medium', 1280, 720);
    const control = page.locator('dds-param-panel [data-param="releaseIntervalDays"]');
    const slider = control.locator('input[type="range"]');
    expect(await slider.getAttribute('data-scale')).toBe('log');
    // Equal drags multiply the interval by equal factors: the slider's length covers a day to a
    // year evenly instead of spending most of it on intervals nobody uses.
    await slider.scrollIntoViewIfNeeded();
    const box = (await slider.boundingBox())!;
    const y = box.y + box.height / 2;
    const interval = () => Number(new URL(page.url()).searchParams.get('releaseIntervalDays'));
    const drag = async (from: number, to: number) => {
      await page.mouse.move(box.x + box.width * from, y);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * to, y, { steps: 4 });
      await page.mouse.up();
      await page.waitForTimeout(300);
      return interval();
    };
    const thumb = 1 + Math.round((199 * Math.log(10 / 0.2)) / Math.log(260 / 0.2));
    const start = thumb / 200;
    const low = await drag(start, 0.45);
    const lower = await drag(0.45, 0.35);
    const higher = await drag(0.35, 0.55);
    expect(low).toBeGreaterThan(0);
    expect(Math.log(low / lower) / Math.log(higher / lower)).toBeCloseTo(0.5, 1);
    await control.getByRole('button', { name: 'weekly' }).click();
    await expect.poll(() => page.url()).toContain('releaseIntervalDays=5');
    expect(await slider.getAttribute('aria-valuetext')).toBe('5 working days, weekly');
    // A three-day train is faster than this team's pipeline: the control says so, with figures.
    await control.locator('input[type="number"]').fill('3');
    await control.locator('input[type="number"]').press('Tab');
    await expect
      .poll(() => control.locator('[data-note]').textContent())
      .toMatch(
        /Releases leave every [\d.]+ working days, not every 3: the pipeline takes [\d.]+ working days per release/,
      );
    await page.locator('dds-app header').getByRole('button', { name: 'Pin as baseline' }).click();
    await control.getByRole('button', { name: 'fortnightly' }).click();
    const compare = page.locator('dds-compare');
    await expect.poll(() => compare.count()).toBe(1);
    const [scorecardBottom, compareTop] = await Promise.all([
      page.locator('dds-scorecard').evaluate((el) => el.getBoundingClientRect().bottom),
      compare.evaluate((el) => el.getBoundingClientRect().top),
    ]);
    expect(compareTop - scorecardBottom).toBeLessThan(40);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('what-if: every analysis shows progress and can be cancelled, and a tab switch never shows another analysis', async () => {
    const { page, errors } = await open('?preset=medium&view=whatif&analysis=calibrate', 1280, 800);
    const whatif = page.locator('dds-whatif');
    await whatif.getByRole('button', { name: 'Use the example history' }).click();
    await expect.poll(() => whatif.locator('.running').textContent()).toMatch(/\d+% done/);
    await whatif.getByRole('button', { name: 'Cancel' }).click();
    await expect
      .poll(() => whatif.getByRole('status').first().textContent())
      .toContain('Cancelled');
    // Start a sensitivity run, then switch tab before it ends: the new tab shows nothing of it.
    await whatif.getByRole('tab', { name: 'Sensitivity' }).click();
    await whatif.getByRole('button', { name: 'Run' }).click();
    await whatif.getByRole('tab', { name: 'Economics' }).click();
    await page.waitForTimeout(2500);
    expect(await whatif.locator('[data-bar]').count()).toBe(0);
    expect(await whatif.locator('[role="alert"]').count()).toBe(0);
    await whatif.getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => whatif.locator('[data-minimum]').count(), { timeout: 20000 }).toBe(1);
    // The U-curve has axes with values, in the units it names.
    const text = await whatif.locator('svg').first().textContent();
    expect(text).toContain('cost units a working day');
    expect(text).toContain('release interval (working days)');
    expect(errors).toEqual([]);
    await page.close();
  }, 60000);

  it('plan: compares the team on screen against weekly, daily, continuous and each escape step, and loads a row', async () => {
    const { page, errors } = await open('?preset=medium&view=whatif&analysis=plan', 390, 844);
    const whatif = page.locator('dds-whatif');
    await whatif.getByLabel('Seeds').fill('4');
    await whatif.getByRole('button', { name: 'Run' }).click();
    const rows = whatif.locator('table[data-plan] tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30000 }).toBe(8);
    // Every figure reads as a median over a p10–p90 range; the table scrolls inside the page.
    expect(await rows.first().locator('td small').count()).toBe(7);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await whatif.getByRole('button', { name: /^Load Daily release train/ }).click();
    await expect.poll(() => decodeURIComponent(page.url())).toContain('"releaseIntervalDays":1');
    expect(await page.locator('dds-whatif').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 60000);

  it('what-if results fit a 390-pixel phone: their tables scroll in a box of their own', async () => {
    for (const analysis of ['tipping', 'constraints', 'calibrate']) {
      const { page, errors } = await open(
        `?preset=medium&view=whatif&analysis=${analysis}`,
        390,
        844,
      );
      const whatif = page.locator('dds-whatif');
      await whatif
        .getByRole('button', { name: analysis === 'calibrate' ? 'Use the example history' : 'Run' })
        .click();
      await whatif.locator('table').first().waitFor({ timeout: 30000 });
      const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
      expect(width, analysis).toBeLessThanOrEqual(390);
      expect(await whatif.locator('.scroll table').count(), analysis).toBe(
        await whatif.locator('table').count(),
      );
      expect(errors, analysis).toEqual([]);
      await page.close();
    }
  }, 90000);

  it('prints a stakeholder briefing on one A4 page and on one Letter page: the scenario against its baseline, in words', async () => {
    const { page, errors } = await open('?preset=medium', 1280, 800);
    await page.evaluate('window.print = () => {}');
    await page.locator('dds-app header').getByRole('button', { name: 'Pin as baseline' }).click();
    const interval = page.locator(
      'dds-param-panel [data-param="releaseIntervalDays"] input[type="number"]',
    );
    await interval.fill('5');
    await interval.press('Tab');
    await expect.poll(() => page.url()).toContain('releaseIntervalDays=5');
    await page.waitForTimeout(500);
    await page.locator('dds-app header').getByRole('button', { name: 'Print briefing' }).click();
    const briefing = page.locator('dds-briefing');
    await briefing.waitFor();
    const text = (await briefing.evaluate((el) => el.shadowRoot?.textContent ?? '')).replace(
      /\s+/g,
      ' ',
    );
    for (const words of [
      'Deployments',
      'Lead time',
      'Change failure rate',
      'Time to restore',
      'Code waiting to go out',
      'Deployment size',
      'What changed since the baseline',
      'Release interval: 10 working days → 5 working days',
    ])
      expect(text).toContain(words);
    expect(text).toMatch(/(better|worse)\)/);
    await page.screenshot({ path: 'test-results/briefing.png', fullPage: true });
    await page.emulateMedia({ media: 'print' });
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await page.pdf({ format, printBackground: true });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
      expect(pages.length, format).toBe(1);
    }
    await page.emulateMedia({ media: 'screen' });
    // Once printed, the simulator comes back as it was.
    await expect.poll(() => page.locator('dds-briefing').count()).toBe(0);
    await expect.poll(() => page.url()).toContain('releaseIntervalDays=5');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('exports slide-ready figures: an SVG with title, legend and caption, a PNG at twice its size', async () => {
    const { page, errors } = await open('?preset=spiral', 1280, 720);
    const chart = page.locator('dds-time-chart[data-chart="wip"]');
    const [svgFile] = await Promise.all([
      page.waitForEvent('download'),
      chart.getByRole('button', { name: /as SVG/ }).click(),
    ]);
    const svg = readFileSync((await svgFile.path())!, 'utf8');
    expect(svg).toContain('Work in progress: code written but not in production');
    expect(svg).toContain('Release candidate in test');
    expect(svg).toContain('Story: one slip tips the team');
    expect(svg).toContain('working day');
    const height = Number(svg.match(/height="(\d+(?:\.\d+)?)"/)?.[1]);
    const width = Number(svg.match(/width="(\d+(?:\.\d+)?)"/)?.[1]);
    const [pngFile] = await Promise.all([
      page.waitForEvent('download'),
      chart.getByRole('button', { name: /as PNG/ }).click(),
    ]);
    const png = readFileSync((await pngFile.path())!);
    // The PNG header holds its width and height.
    expect(png.readUInt32BE(16)).toBe(2 * width);
    expect(png.readUInt32BE(20)).toBe(2 * height);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opened from file://, the page says how to serve it instead of staying blank', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`file://${resolve(server.dir, 'index.html')}`);
    await page.waitForTimeout(500);
    const text = await page.locator('body').innerText();
    expect(text).toContain('python3 -m http.server 8080');
    expect(text).toMatch(/file:\/\//);
    await page.close();
  });
});
