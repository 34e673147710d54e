import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveBuiltApp } from './browser';
import type { StaticServer } from './static-server';

let browser: Browser;
let server: StaticServer;

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
      const [scrollWidth] = await scrollSize(page);
      expect(scrollWidth, name).toBeLessThanOrEqual(390);
      await page.screenshot({ path: `test-results/phone-${name}.png`, fullPage: true });
      expect(errors, name).toEqual([]);
      await page.close();
    }
  }, 60000);

  it('opened from file://, the page says how to serve it instead of staying blank', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`file://${resolve('dist/index.html')}`);
    await page.waitForTimeout(500);
    const text = await page.locator('body').innerText();
    expect(text).toContain('python3 -m http.server 8080');
    expect(text).toMatch(/file:\/\//);
    await page.close();
  });
});
