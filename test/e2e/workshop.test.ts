import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInto, launchChromium, seriousViolations } from './browser.ts';
import {
  type Choice,
  createGame,
  decide,
  inWorkshop,
  joinTeam,
  openScreen,
  startWorkshopProcess,
  type WorkshopProcess,
} from './workshop-driver.ts';

let browser: Browser;
let dist: string;
let server: WorkshopProcess | null = null;
const db = join(mkdtempSync(join(tmpdir(), 'workshop-e2e-')), 'games.sqlite');

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  dist = mkdtempSync(join(tmpdir(), 'workshop-dist-'));
  await buildInto(dist);
  browser = await launchChromium();
}, 120000);

afterAll(async () => {
  await browser?.close();
  await server?.kill();
});

// Blue follows the article, Green is careful, Red and Amber change nothing.
const CHOICES: Record<string, Choice> = {
  Blue: { interval: 5, automationPercent: 30 },
  Green: { interval: 20, passes: 3 },
  Red: { interval: 10 },
  Amber: { interval: 10 },
};

describe('the workshop in Chromium, with a real server', () => {
  it('four teams play three timed rounds from their own devices, rejoin after a reload, and resume after the server is killed', async () => {
    server = await startWorkshopProcess(db, dist);
    const base = server.base;
    const host = await openScreen(browser, `${base}?facilitate#key=${server.facilitatorKey}`);
    const dashboard = inWorkshop(host.page);
    const code = await createGame(host.page, 3);
    expect(code).toMatch(/^[A-Z2-9]{5}$/);
    await expect.poll(() => dashboard.locator('img.qr').count()).toBe(1);

    const phone = { width: 390, height: 844 };
    const teams = {
      Red: await joinTeam(browser, base, code, 'Red', { viewport: phone }),
      Blue: await joinTeam(browser, base, code, 'Blue', { typed: true }),
      Green: await joinTeam(browser, base, code, 'Green'),
      Amber: await joinTeam(browser, base, code, 'Amber', { viewport: phone }),
    };
    const { Red: red, Blue: blue, Green: green, Amber: amber } = teams;
    const projector = await openScreen(browser, `${base}?watch=${code}`, {
      width: 1920,
      height: 1080,
    });
    const room = inWorkshop(projector.page);
    await room.getByText('Amber: in').waitFor();
    // The briefing, with figures from the run, is on every screen before round 1.
    for (const page of [host.page, red.page, projector.page])
      await inWorkshop(page)
        .getByText(/lines are waiting to ship as the game begins/)
        .waitFor();

    const decideFor = async (name: keyof typeof teams) => {
      await decide(teams[name].page, CHOICES[name]);
      await room.getByText(`${name}: decided`).waitFor();
    };
    for (let round = 1; round <= 3; round++) {
      await dashboard
        .getByRole('button', { name: round === 1 ? 'Start round 1' : 'Next round' })
        .click();
      // The round has begun on the dashboard before its timer is set.
      await dashboard.getByRole('button', { name: 'Run the round' }).waitFor();
      await dashboard.getByRole('button', { name: 'Start timer' }).click();
      for (const page of [red.page, projector.page])
        await inWorkshop(page).getByRole('timer').waitFor();
      await decideFor('Blue');
      await decideFor('Red');
      if (round === 1) {
        // A reload keeps the team: its token is in the browser.
        await red.page.reload();
        await inWorkshop(red.page).getByRole('heading', { name: 'Red' }).waitFor();
        expect(
          await inWorkshop(red.page)
            .getByLabel(/Release every/)
            .inputValue(),
        ).toBe('10');
      }
      if (round === 2) {
        // Killed mid-round, with two teams decided and two deciding, then started again.
        await server.kill();
        server = await startWorkshopProcess(db, dist, server.port);
        await room.getByText('Red: decided').waitFor({ timeout: 15000 });
        await room.getByText('Green: deciding…').waitFor();
        // Every screen is back on its own: no "connecting" notice left on any of them.
        for (const page of [host.page, ...Object.values(teams).map((t) => t.page)])
          await expect
            .poll(async () => inWorkshop(page).getByRole('status').isHidden(), { timeout: 15000 })
            .toBe(true);
        expect(
          await inWorkshop(blue.page)
            .getByLabel(/Release every/)
            .inputValue(),
        ).toBe('5');
        // Round 1's results came back with it.
        await inWorkshop(green.page)
          .getByRole('heading', { name: 'Standings after round 1' })
          .waitFor();
      }
      await decideFor('Green');
      await decideFor('Amber');
      await dashboard.getByRole('button', { name: 'Run the round' }).click();
      await dashboard.getByRole('button', { name: 'Reveal results' }).click();
      for (const page of [red.page, amber.page, projector.page])
        await inWorkshop(page)
          .getByRole('heading', { name: `Standings after round ${round}` })
          .waitFor();
      const notes = dashboard.getByRole('region', { name: `Notes on round ${round}` });
      await notes
        .getByText(
          /^Blue 30% on automation \(step 2\), released every 5 days \(step 3\)\. Waiting code/,
        )
        .waitFor();
      await notes.getByText(/^Green: you tested more or released less/).waitFor();
    }
    await dashboard.getByRole('button', { name: 'End the game' }).click();
    const debrief = room.getByRole('region', { name: 'Debrief' });
    await debrief.getByText(/^Blue \(place \d\) took escape steps 2, 3\./).waitFor();
    await debrief.getByText(/^Red \(place \d\) took none of the escape steps\./).waitFor();
    await inWorkshop(amber.page).getByRole('region', { name: 'Debrief' }).waitFor();

    for (const { page, errors } of [host, red, blue, green, amber, projector]) {
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
  }, 180000);
});
