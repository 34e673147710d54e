/**
 * Writes the README's screenshots (docs/screenshots/) from a fresh build in Chromium:
 * `npm run screenshots`. The workshop's come from a real `death-spiral workshop` server with four
 * teams one round into a game.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { buildInto, launchChromium, serveBuiltApp } from './browser.ts';
import {
  createGame,
  decide,
  inWorkshop,
  joinTeam,
  openScreen,
  startWorkshopProcess,
} from './workshop-driver.ts';

const SHOTS: { name: string; query: string; width: number; height: number }[] = [
  { name: 'first-screen', query: '', width: 1280, height: 720 },
  { name: 'story', query: '?story=5', width: 1280, height: 720 },
  { name: 'presenter', query: '?story=5&present=1', width: 1280, height: 720 },
  { name: 'phone', query: '?preset=spiral', width: 390, height: 844 },
];

async function appShots(browser: Browser): Promise<void> {
  const server = await serveBuiltApp();
  try {
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
    await server.close();
  }
}

/** A workshop one round in: four teams have decided, round 1 is revealed, round 2 is open. */
async function workshopShots(browser: Browser): Promise<void> {
  const app = mkdtempSync(join(tmpdir(), 'workshop-shots-'));
  await buildInto(app);
  const server = await startWorkshopProcess(join(app, 'games.sqlite'), app);
  try {
    const host = await openScreen(
      browser,
      `${server.base}?facilitate#key=${server.facilitatorKey}`,
    );
    const code = await createGame(host.page, 6);
    const phone = { viewport: { width: 390, height: 844 } };
    const teams = [
      { team: await joinTeam(browser, server.base, code, 'Red', phone), choice: { interval: 10 } },
      {
        team: await joinTeam(browser, server.base, code, 'Blue'),
        choice: { interval: 5, automationPercent: 30 },
      },
      {
        team: await joinTeam(browser, server.base, code, 'Green'),
        choice: { interval: 20, passes: 3 },
      },
      { team: await joinTeam(browser, server.base, code, 'Amber'), choice: { interval: 5 } },
    ];
    const projector = await openScreen(browser, `${server.base}?watch=${code}`, {
      width: 1920,
      height: 1080,
    });
    const dashboard = inWorkshop(host.page);
    await dashboard.getByRole('button', { name: 'Start round 1' }).click();
    for (const [n, { team, choice }] of teams.entries()) {
      await decide(team.page, choice);
      // The decision has reached the server once the dashboard counts it.
      while ((await dashboard.getByRole('cell', { name: 'decided', exact: true }).count()) <= n)
        await host.page.waitForTimeout(50);
    }
    await dashboard.getByRole('button', { name: 'Run the round' }).click();
    await dashboard.getByRole('button', { name: 'Reveal results' }).click();
    await dashboard.getByRole('button', { name: 'Next round' }).click();
    await dashboard.getByRole('button', { name: 'Start timer' }).click();
    await inWorkshop(projector.page)
      .getByRole('heading', { name: 'Standings after round 1' })
      .waitFor();
    await inWorkshop(host.page).getByRole('region', { name: 'Notes on round 1' }).waitFor();
    const red = teams[0].team.page;
    await inWorkshop(red).getByRole('timer').waitFor();
    await red.screenshot({ path: 'docs/screenshots/workshop-team.png', fullPage: true });
    await host.page.screenshot({
      path: 'docs/screenshots/workshop-facilitator.png',
      fullPage: true,
    });
    await projector.page.screenshot({ path: 'docs/screenshots/workshop-projector.png' });
    for (const name of ['team', 'facilitator', 'projector'])
      console.log(`docs/screenshots/workshop-${name}.png`);
  } finally {
    await server.kill();
  }
}

mkdirSync('docs/screenshots', { recursive: true });
const browser = await launchChromium();
try {
  await appShots(browser);
  await workshopShots(browser);
} finally {
  await browser.close();
}
