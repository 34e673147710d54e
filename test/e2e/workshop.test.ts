import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore, type WorkshopStore } from '../../src/server/store';
import { type RunningWorkshop, startWorkshopServer } from '../../src/server/workshop-server';
import { buildInto, launchChromium, seriousViolations } from './browser';

let browser: Browser;
let dist: string;
let store: WorkshopStore;
let server: RunningWorkshop;
const db = join(mkdtempSync(join(tmpdir(), 'workshop-e2e-')), 'games.sqlite');

async function startServer(port = 0): Promise<string> {
  store = openSqliteStore(db);
  server = await startWorkshopServer({ store, staticDir: dist, port });
  return `http://127.0.0.1:${server.port}/workshop.html`;
}

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  dist = mkdtempSync(join(tmpdir(), 'workshop-dist-'));
  await buildInto(dist);
  browser = await launchChromium();
}, 120000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  store?.close();
});

async function open(address: string, viewport = { width: 1280, height: 720 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (m) => {
    // A dropped connection while the server restarts is expected; anything else is a fault.
    if (m.type() === 'error' && !/WebSocket|ERR_CONNECTION_REFUSED/.test(m.text()))
      errors.push(m.text());
  });
  await page.goto(address);
  return { page, errors };
}

const inWorkshop = (page: Page) => page.locator('dds-workshop');

describe('the workshop in Chromium, with a real server', () => {
  it('teams join from their own devices, play a round, rejoin after a reload, and resume after a server restart', async () => {
    let base = await startServer();
    const host = await open(`${base}?facilitate#key=${server.facilitatorKey}`);
    await inWorkshop(host.page).getByRole('button', { name: 'Create the game' }).click();
    const code = (await inWorkshop(host.page).locator('.code').first().textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{5}$/);
    await expect.poll(() => inWorkshop(host.page).locator('img.qr').count()).toBe(1);

    const red = await open(`${base}?join=${code}`, { width: 390, height: 844 });
    await inWorkshop(red.page).getByLabel("Your team's name").fill('Red');
    await inWorkshop(red.page).getByRole('button', { name: 'Join' }).click();
    await inWorkshop(red.page).getByRole('heading', { name: 'Red' }).waitFor();
    const blue = await open(`${base}?join`);
    await inWorkshop(blue.page).getByLabel('Game code').fill(code.toLowerCase());
    await inWorkshop(blue.page).getByLabel("Your team's name").fill('Blue');
    await inWorkshop(blue.page).getByRole('button', { name: 'Join' }).click();
    await inWorkshop(blue.page).getByRole('heading', { name: 'Blue' }).waitFor();
    const projector = await open(`${base}?watch=${code}`, { width: 1920, height: 1080 });
    await inWorkshop(projector.page).getByText('Blue: in').waitFor();

    await inWorkshop(host.page).getByRole('button', { name: 'Start round 1' }).click();
    await inWorkshop(host.page).getByRole('button', { name: 'Start timer' }).click();
    await inWorkshop(red.page).getByRole('timer').waitFor();
    const interval = inWorkshop(red.page).getByLabel(/Release every/);
    await interval.fill('5');
    await inWorkshop(red.page).getByRole('button', { name: 'Decide' }).click();
    await inWorkshop(projector.page).getByText('Red: decided').waitFor();
    await inWorkshop(projector.page).getByText('Blue: deciding…').waitFor();

    // A reload keeps the team: its token is in the browser.
    await red.page.reload();
    await inWorkshop(red.page).getByRole('heading', { name: 'Red' }).waitFor();
    expect(
      await inWorkshop(red.page)
        .getByLabel(/Release every/)
        .inputValue(),
    ).toBe('5');

    // The server stops mid-round and starts again on the same port: every client comes back.
    const port = server.port;
    await server.close();
    store.close();
    base = await startServer(port);
    await inWorkshop(host.page).getByRole('button', { name: 'Run the round' }).waitFor();
    await expect
      .poll(async () => inWorkshop(host.page).getByRole('status').isHidden(), { timeout: 10000 })
      .toBe(true);
    await inWorkshop(host.page).getByRole('button', { name: 'Run the round' }).click();
    await inWorkshop(host.page).getByRole('button', { name: 'Reveal results' }).click();
    await inWorkshop(red.page)
      .getByRole('heading', { name: /Standings after round 1/ })
      .waitFor();
    await inWorkshop(projector.page)
      .getByRole('heading', { name: /Standings after round 1/ })
      .waitFor();
    await inWorkshop(blue.page).getByRole('region', { name: 'Standings' }).waitFor();

    await red.page.screenshot({ path: 'test-results/workshop-team-390.png', fullPage: true });
    await host.page.screenshot({
      path: 'test-results/workshop-facilitator-1280.png',
      fullPage: true,
    });
    await projector.page.screenshot({ path: 'test-results/workshop-projector-1920.png' });
    for (const { page, errors } of [host, red, blue, projector]) {
      expect(errors).toEqual([]);
      // The accessibility check injects a script, which the page's policy refuses: the same
      // screen again, with the same stored team, in a context that allows it.
      const checked = await browser.newContext({
        bypassCSP: true,
        viewport: page.viewportSize()!,
        storageState: await page.context().storageState(),
      });
      const copy = await checked.newPage();
      await copy.goto(page.url());
      await copy.locator('dds-workshop main h1').waitFor();
      await copy.waitForTimeout(300);
      expect(await seriousViolations(copy), page.url()).toEqual([]);
      await checked.close();
      // Nothing wider than the screen, phone included.
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);
    }
  }, 120000);
});
