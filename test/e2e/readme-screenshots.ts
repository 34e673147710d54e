/**
 * Writes the README's screenshots (docs/screenshots/) from a fresh build in Chromium:
 * `npm run screenshots`.
 */
import { mkdirSync } from 'node:fs';
import { launchChromium, serveBuiltApp } from './browser';

const SHOTS: { name: string; query: string; width: number; height: number }[] = [
  { name: 'first-screen', query: '', width: 1280, height: 720 },
  { name: 'story', query: '?story=5', width: 1280, height: 720 },
  { name: 'presenter', query: '?story=5&present=1', width: 1280, height: 720 },
  { name: 'phone', query: '?preset=spiral', width: 390, height: 844 },
];

const server = await serveBuiltApp();
const browser = await launchChromium();
try {
  mkdirSync('docs/screenshots', { recursive: true });
  for (const shot of SHOTS) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height } });
    await page.goto(`${server.url}${shot.query}`);
    await page.locator('dds-time-chart svg.chart').first().waitFor();
    await page.waitForTimeout(1000);
    await page.screenshot({ path: `docs/screenshots/${shot.name}.png` });
    await page.close();
    console.log(`docs/screenshots/${shot.name}.png`);
  }
} finally {
  await browser.close();
  await server.close();
}
