import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildInto, launchChromium } from './browser.ts';
import { serveFolder } from './static-server.ts';

mkdirSync('test-results', { recursive: true });
const dir = mkdtempSync(join(tmpdir(), 'death-spiral-upgrade-'));
const buildOf = (id: string) =>
  buildInto(dir, { 'import.meta.env.VITE_BUILD_ID': JSON.stringify(id) });
const whatifChunk = () => readdirSync(join(dir, 'assets')).find((f) => f.startsWith('dds-whatif'));

let close: () => Promise<void> = async () => {};
afterAll(() => close());

describe('a new build', () => {
  it('never breaks a tab of the old one: its lazy screens still open, and it upgrades when the user accepts', async () => {
    await buildOf('A');
    const chunkA = whatifChunk();
    const server = await serveFolder(dir);
    close = server.close;
    const browser = await launchChromium();
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(server.url);
      await page.locator('dds-time-chart svg.chart').first().waitFor();
      await expect
        .poll(() => page.evaluate('Boolean(navigator.serviceWorker.controller)'))
        .toBe(true);
      expect(await page.locator('html').getAttribute('data-build')).toBe('A');

      // The folder is rebuilt under the open tab: build A's files are gone from the server.
      await buildOf('B');
      expect(whatifChunk()).not.toBe(chunkA);
      // The old tab's lazily loaded screen still opens, from the kept copy of its own build.
      await page.getByRole('button', { name: 'What-if analyses' }).click();
      await page.locator('dds-whatif').waitFor();
      await expect
        .poll(() => page.locator('dds-whatif').evaluate((el) => el.shadowRoot !== null))
        .toBe(true);
      expect(errors).toEqual([]);
      expect(await page.locator('html').getAttribute('data-build')).toBe('A');

      // The new version is offered, not forced; accepting it reloads onto build B.
      await page.evaluate('navigator.serviceWorker.getRegistration().then((r) => r.update())');
      const banner = page.locator('.update-banner');
      await expect.poll(() => banner.textContent(), { timeout: 15000 }).toContain('A new version');
      expect(await page.locator('html').getAttribute('data-build')).toBe('A');
      await page.screenshot({ path: 'test-results/update-banner.png' });
      await banner.getByRole('button', { name: 'Reload' }).click();
      await expect
        .poll(() => page.locator('html').getAttribute('data-build'), { timeout: 15000 })
        .toBe('B');

      // And the copy kept for offline use is the new build.
      await page.locator('dds-time-chart svg.chart').first().waitFor();
      await context.setOffline(true);
      await page.reload();
      await page.locator('dds-time-chart svg.chart').first().waitFor();
      expect(await page.locator('html').getAttribute('data-build')).toBe('B');
      expect(errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 180000);
});
