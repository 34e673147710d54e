import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveBuiltApp } from './browser';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

let browser: Browser;
let server: PreviewServer;
let url: string;

beforeAll(async () => {
  ({ server, url } = await serveBuiltApp());
  browser = await launchChromium();
}, 60000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openApp(bypassCSP = false): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, bypassCSP });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.locator('death-spiral-app td[data-metric="doraLevel"]').waitFor();
  return { page, errors };
}

describe('the app in Chromium', () => {
  it('loads without console errors and shows the engine summary for a preset', async () => {
    const { page, errors } = await openApp();
    await expect(
      page.locator('death-spiral-app td[data-metric="doraLevel"]').textContent(),
    ).resolves.toBe('medium');
    await page.locator('death-spiral-app select').selectOption('elite');
    await expect
      .poll(() => page.locator('death-spiral-app td[data-metric="doraLevel"]').textContent())
      .toBe('elite');
    await page.screenshot({ path: 'test-results/app-1280x720.png' });
    expect(errors.join('\n')).toBe('');
    await page.close();
  });

  it('has no serious or critical accessibility violations', async () => {
    // axe is injected by the test, so this page alone lets it past the Content-Security-Policy.
    const { page } = await openApp(true);
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: () => Promise<{ violations: { id: string; impact: string }[] }> };
        }
      ).axe;
      const result = await axe.run();
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await page.close();
  });
});
