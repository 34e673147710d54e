import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, seriousViolations, serveBuiltApp } from './browser.ts';
import { type StaticServer, serveFolder } from './static-server.ts';

let browser: Browser;
let server: StaticServer & { dir: string };

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  server = await serveBuiltApp();
  browser = await launchChromium();
}, 90000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * A fresh page in its own context that records console errors and every request that would
 * leave this machine. `bypassCSP` lets the accessibility checker's script in.
 */
async function openPage(
  path: string,
  bypassCSP = false,
): Promise<{ page: Page; errors: string[]; outside: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP });
  const page = await context.newPage();
  const errors: string[] = [];
  const outside: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    const address = new URL(request.url());
    if (
      address.protocol !== 'data:' &&
      address.protocol !== 'blob:' &&
      address.hostname !== '127.0.0.1'
    )
      outside.push(address.href);
  });
  await page.goto(new URL(path, server.url).href);
  return { page, errors, outside };
}

const diagram = (page: Page) => page.locator('dds-loop-diagram');
const storyTitle = (page: Page) => page.locator('dds-story [data-story-title]').textContent();

describe('the causal-loop diagram', () => {
  it('shows live values, and the dominant loop changes as a spiral run plays', async () => {
    const { page, errors } = await openPage('?preset=spiral');
    await diagram(page).locator('[data-node="wip"]').waitFor();
    const stepButton = page.getByRole('button', { name: 'Step forward 20 working days' });
    const dominant: string[] = [];
    const wipValues: string[] = [];
    for (let step = 0; step < 13; step++) {
      await stepButton.click();
      await expect
        .poll(() => diagram(page).getAttribute('data-day'))
        .toBe(String(20 * (step + 1) - 1));
      dominant.push((await diagram(page).getAttribute('data-dominant')) ?? '');
      wipValues.push(
        (await diagram(page).locator('[data-node="wip"] [data-value]').textContent()) ?? '',
      );
    }
    // Steady at first, the deployment spiral after the slip on day 100.
    expect(dominant.slice(0, 4)).toEqual(['none', 'none', 'none', 'none']);
    expect(dominant.slice(6, 10)).toContain('R1');
    // The scorecard shows the same day as the diagram and the charts.
    await expect
      .poll(() => page.locator('dds-scorecard [data-coverage]').textContent())
      .toContain(`–${20 * 13} of 520`);
    expect(new Set(wipValues).size).toBeGreaterThan(5);
    // Heavy links belong to the dominant loop.
    await diagram(page).locator('[data-node="size"]').click();
    await expect
      .poll(() => diagram(page).locator('dds-time-chart[data-node-chart="size"]').count())
      .toBe(1);
    await diagram(page).locator('[data-node="size"]').press('Enter');
    await expect.poll(() => diagram(page).locator('dds-time-chart').count()).toBe(0);
    await page.screenshot({ path: 'test-results/loop-diagram.png', fullPage: false });
    expect(errors.join('\n')).toBe('');
    await page.close();
  });
});

describe('story and presenter mode', () => {
  it('a deep link opens a step; keys walk the story and the URL follows', async () => {
    const { page, errors } = await openPage('?story=5');
    await expect.poll(() => storyTitle(page)).toBe('The spiral takes hold');
    await expect
      .poll(() => diagram(page).locator('li.highlighted').getAttribute('data-loop'))
      .toBe('R1');
    await expect
      .poll(() => page.locator('dds-time-chart[data-highlighted]').getAttribute('data-chart'))
      .toBe('deploymentSize');
    // The swollen release is marked on the chart, and the caption quotes the run's figures.
    await expect
      .poll(() => page.locator('dds-time-chart[data-highlighted] [data-annotation]').count())
      .toBe(1);
    await expect
      .poll(() => page.locator('dds-story [data-story-caption]').textContent())
      .toMatch(/times the usual \d/);
    // The scorecard covers the run up to the step's day, and says so.
    await expect
      .poll(() => page.locator('dds-scorecard [data-coverage]').textContent())
      .toContain('Days 156–220 of 520: the last quarter up to the day shown');
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => storyTitle(page))
      .toBe('Way out 1: stop merging all but must-have code');
    await expect.poll(() => page.url()).toContain('story=6');
    await page.keyboard.press('PageUp');
    await expect.poll(() => storyTitle(page)).toBe('The spiral takes hold');
    await page.keyboard.press('End');
    await expect.poll(() => storyTitle(page)).toBe('The virtuous spiral');
    await expect.poll(() => diagram(page).getAttribute('data-dominant')).toBe('R1');
    await page.goBack();
    await expect.poll(() => storyTitle(page)).toBe('The spiral takes hold');
    // A step's own link.
    await page.locator('dds-story nav a', { hasText: '6' }).click();
    await expect.poll(() => page.url()).toContain('story=6');
    await expect
      .poll(async () => (await page.locator('dds-timeline li').allTextContents()).join(' '))
      .toContain('Merge freeze');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dds-story').count()).toBe(0);
    expect(errors.join('\n')).toBe('');
    await page.close();
  });

  it('opening the story from the header and closing it gives back the scenario the user had', async () => {
    const { page } = await openPage('?preset=high&teamSize=12');
    await page.locator('dds-time-chart svg.chart').first().waitFor();
    await page.locator('dds-app header').getByRole('button', { name: 'Story' }).click();
    await expect.poll(() => storyTitle(page)).toBe('A team that works');
    await expect.poll(() => page.url()).toContain('preset=spiral');
    await page.keyboard.press('ArrowRight');
    await page.locator('dds-story').getByRole('button', { name: 'Close the story' }).click();
    await expect.poll(() => page.url()).toContain('preset=high');
    expect(page.url()).toContain('teamSize=12');
    expect(page.url()).not.toContain('story=');
    await page.close();
  });

  it('a bad step in a link says so and the simulator stays usable', async () => {
    const { page } = await openPage('?story=99');
    await expect
      .poll(() => page.locator('dds-app .message').textContent())
      .toContain('story: "99"');
    await page.locator('dds-time-chart svg.chart').first().waitFor();
    await page.close();
  });

  it('presenter mode: large type, only the chosen control, clicker keys, blank screen', async () => {
    const { page, errors } = await openPage('?story=1', true);
    await expect.poll(() => storyTitle(page)).toBe('A team that works');
    await diagram(page).locator('[data-node]').first().waitFor();
    expect(await seriousViolations(page, 'dds-app')).toEqual([]);
    await page.locator('dds-story summary').click();
    await page.locator('dds-story').getByLabel('Release interval').check();
    await page.locator('dds-story').getByRole('button', { name: 'Present' }).click();
    await expect.poll(() => page.locator('dds-app header').count()).toBe(0);
    await expect.poll(() => page.locator('dds-param-panel [data-param]').count()).toBe(1);
    await expect.poll(() => page.locator('dds-time-chart').count()).toBe(1);
    await expect
      .poll(() => page.evaluate('getComputedStyle(document.documentElement).fontSize'))
      .toBe('16px');
    expect(page.url()).toContain('present=1');
    expect(page.url()).toContain('show=releaseIntervalDays');
    await page.screenshot({ path: 'test-results/presenter-1280x800.png' });
    expect(await seriousViolations(page, 'dds-app')).toEqual([]);
    await page.keyboard.press('PageDown');
    await expect.poll(() => storyTitle(page)).toBe('One release slips');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => storyTitle(page)).toBe('"Be careful"');
    await page.keyboard.press('PageUp');
    await expect.poll(() => storyTitle(page)).toBe('One release slips');
    await page.keyboard.press('b');
    await expect.poll(() => page.locator('[data-blank]').count()).toBe(1);
    await page.keyboard.press('PageDown');
    await expect.poll(() => page.locator('[data-blank]').count()).toBe(0);
    await expect.poll(() => storyTitle(page)).toBe('One release slips');
    // Blanked, the first Esc both brings the screen back and leaves presenter mode.
    await page.keyboard.press('b');
    await expect.poll(() => page.locator('[data-blank]').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-blank]').count()).toBe(0);
    await expect.poll(() => page.locator('dds-app header').count()).toBe(1);
    expect(await storyTitle(page)).toBe('One release slips');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dds-story').count()).toBe(0);
    expect(errors.join('\n')).toBe('');
    await page.close();
  });
});

describe('the workshop game', () => {
  it('two teams play three rounds; the game survives a reload; export and import bring it back', async () => {
    const { page, errors } = await openPage('?view=game', true);
    const game = page.locator('dds-game');
    await game.locator('input[name="rounds"]').fill('3');
    await game.getByRole('button', { name: 'Start the game' }).click();
    const intervals = [5, 10, 20];
    for (let round = 1; round <= 3; round++) {
      const blue = game.getByLabel('Blue: Release interval (working days)');
      await blue.fill(String(intervals[round - 1]));
      await blue.dispatchEvent('change');
      if (round === 2) {
        await game.getByLabel('Red: freeze merges this round').check();
        await game.getByLabel('Shock for every team this round').selectOption('releaseSlip');
      }
      await game.getByRole('button', { name: `Run round ${round}` }).click();
      await expect.poll(() => game.locator('[data-phase-text]').textContent()).toContain('hidden');
      await expect.poll(() => game.locator('[data-scoreboard]').count()).toBe(round === 1 ? 0 : 1);
      await game.getByRole('button', { name: 'Reveal results' }).click();
      await expect
        .poll(() => game.locator('#score-title').textContent())
        .toContain(`after round ${round}`);
      if (round === 2) {
        await game.getByRole('button', { name: 'Pause' }).click();
        await expect
          .poll(() => game.getByRole('button', { name: 'Next round' }).isDisabled())
          .toBe(true);
        await game.getByRole('button', { name: 'Resume' }).click();
      }
      await game
        .getByRole('button', { name: round === 3 ? 'Finish and debrief' : 'Next round' })
        .click();
    }
    await expect.poll(() => game.getAttribute('data-phase')).toBe('finished');
    await expect.poll(() => game.getAttribute('data-results-for')).toBe('3');
    const board = await game.locator('[data-scoreboard]').innerText();
    expect(board).toContain('Red');
    expect(board).toContain('Blue');
    const blueDebrief = await game.locator('[data-debrief="Blue"]').innerText();
    expect(
      blueDebrief
        .split('\n')
        .filter((line) => /^\d\t/.test(line))
        .map((l) => l.split('\t')[1]),
    ).toEqual(['5', '10', '20']);
    const redRounds = (await game.locator('[data-debrief="Red"]').innerText()).split('\n');
    expect(redRounds.find((line) => line.startsWith('2\t'))).toMatch(
      /yes\tA release slips three weeks/,
    );
    // Decisions carry over to the next round; a shock does not.
    expect(redRounds.find((line) => line.startsWith('3\t'))).toMatch(/yes\t–\t/);
    expect(await seriousViolations(page, 'dds-app')).toEqual([]);
    await page.screenshot({ path: 'test-results/game-debrief.png', fullPage: true });

    await page.reload();
    await expect.poll(() => page.locator('dds-game').getAttribute('data-phase')).toBe('finished');
    await expect.poll(() => page.locator('dds-game [data-scoreboard]').innerText()).toBe(board);

    const download = page.waitForEvent('download');
    await page.locator('dds-game').getByRole('button', { name: 'Export the game' }).click();
    const saved = await (await download).path();
    await page.locator('dds-game').getByRole('button', { name: 'New game' }).click();
    await expect.poll(() => page.locator('dds-game').getAttribute('data-phase')).toBe('setup');
    await page.locator('dds-game input[type="file"]').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"version":1,"config":{}}'),
    });
    await expect
      .poll(() => page.locator('dds-game .message').textContent())
      .toContain('game.config.teams');
    await page.locator('dds-game input[type="file"]').setInputFiles(saved!);
    await expect.poll(() => page.locator('dds-game').getAttribute('data-phase')).toBe('finished');
    await expect.poll(() => page.locator('dds-game [data-scoreboard]').innerText()).toBe(board);
    expect(errors.join('\n')).toBe('');
    await page.close();
  });
});

describe('the embeddable element', () => {
  it('works on a plain HTML page with one script tag: attributes, controls, events, a refused attribute', async () => {
    // A page that has nothing to do with the app: a folder with the script and one HTML file.
    const folder = mkdtempSync(join(tmpdir(), 'embed-page-'));
    copyFileSync(join(server.dir, 'death-spiral-sim.js'), join(folder, 'death-spiral-sim.js'));
    writeFileSync(
      join(folder, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Slides</title><link rel="icon" href="data:,"></head><body>
      <main><h1>Our release process</h1>
      <death-spiral-sim id="a" preset="spiral" controls="releaseIntervalDays" charts="wip" height="160"></death-spiral-sim>
      <death-spiral-sim id="b" preset="nope"></death-spiral-sim>
      <death-spiral-sim id="c" scenario="team.json" charts="leadTime"></death-spiral-sim>
      <death-spiral-sim id="d" scenario="missing.json"></death-spiral-sim>
      <death-spiral-sim id="e" preset="medium" charts="wip,nonsense"></death-spiral-sim></main>
      <script>window.events = []; for (const id of ['a', 'b', 'c', 'd']) for (const type of ['death-spiral-run', 'death-spiral-change', 'death-spiral-error'])
        document.getElementById(id).addEventListener(type, (e) => window.events.push([id, type, e.detail.message || e.detail.id || e.detail.summary.doraLevel]));</script>
      <script src="death-spiral-sim.js"></script><script src="death-spiral-sim.js"></script></body></html>`,
    );
    writeFileSync(
      join(folder, 'team.json'),
      JSON.stringify({ preset: 'low', params: { teamSize: 12 } }),
    );
    const plain = await serveFolder(folder);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(plain.url);
    const events = () => page.evaluate('JSON.stringify(window.events)') as Promise<string>;
    await expect.poll(events).toContain('["a","death-spiral-run","low"]');
    await expect.poll(events).toContain('preset: \\"nope\\" is not allowed');
    await expect.poll(() => page.locator('#a dds-time-chart').count()).toBe(1);
    // A scenario file next to the page, and one that is not there.
    await expect.poll(events).toContain('["c","death-spiral-run","low"]');
    expect(await page.evaluate(`document.getElementById('c').params.teamSize`)).toBe(12);
    await expect
      .poll(events)
      .toContain(
        '["d","death-spiral-error","scenario: \\"missing.json\\" is not allowed; allowed: the address of a scenario file that can be read (the server answered 404)"]',
      );
    await expect.poll(() => page.locator('#a dds-param-panel [data-param]').count()).toBe(1);
    await expect.poll(() => page.locator('#b .refusal').textContent()).toContain('allowed: one of');
    await page.locator('#a #param-releaseIntervalDays').fill('5');
    await expect.poll(events).toContain('["a","death-spiral-change","releaseIntervalDays"]');
    // Attributes are live: a new preset re-runs, a bad height is refused and named.
    await page.evaluate(`document.getElementById('a').setAttribute('preset', 'elite')`);
    await expect.poll(events).toContain('["a","death-spiral-run","elite"]');
    await page.evaluate(`document.getElementById('a').setAttribute('height', 'tall')`);
    await expect.poll(events).toContain('height: \\"tall\\" is not allowed');
    // The message stays through the next run, until the attribute reads well again.
    const runs = Number(await page.locator('#a').getAttribute('data-runs'));
    await page.locator('#a #param-releaseIntervalDays').fill('7');
    await expect
      .poll(async () => Number(await page.locator('#a').getAttribute('data-runs')))
      .toBeGreaterThan(runs);
    expect(await page.locator('#a .refusal').textContent()).toContain(
      'height: "tall" is not allowed',
    );
    await page.evaluate(`document.getElementById('a').setAttribute('height', '150')`);
    await expect.poll(() => page.locator('#a .refusal').count()).toBe(0);
    // A bad chart id on first load: the default charts, and a message saying so.
    await expect.poll(() => page.locator('#e dds-time-chart').count()).toBe(2);
    expect(await page.locator('#e .refusal').textContent()).toContain(
      'The default charts are shown',
    );
    await page.evaluate(`document.getElementById('b').setAttribute('preset', 'high')`);
    await expect.poll(() => page.locator('#b .refusal').count()).toBe(0);
    expect(await seriousViolations(page, 'main')).toEqual([]);
    await page.screenshot({ path: 'test-results/embed-plain-page.png', fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
    await plain.close();
    // On a page of the app itself, whose elements share the names, the script is harmless too.
    const app = await browser.newPage();
    const appErrors: string[] = [];
    app.on('pageerror', (error) => appErrors.push(error.message));
    await app.goto(server.url);
    await app.locator('dds-time-chart svg.chart').first().waitFor();
    await app.addScriptTag({ url: `${server.url}death-spiral-sim.js` });
    await app.waitForTimeout(300);
    expect(appErrors).toEqual([]);
    await app.close();
  });

  it('the example page shipped with the build renders both examples', async () => {
    const { page, errors, outside } = await openPage('embed-example.html');
    await expect.poll(() => page.locator('death-spiral-sim dds-time-chart').count()).toBe(5);
    await expect.poll(() => page.locator('#log li').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });
});

describe('offline', () => {
  it('the built app, served from a plain static folder, asks nothing of the network and opens again with the network off', async () => {
    const { page, errors, outside } = await openPage('?preset=spiral');
    await page.locator('dds-time-chart svg.chart').first().waitFor();
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await expect
      .poll(() => page.evaluate('Boolean(navigator.serviceWorker.controller)'))
      .toBe(true);
    await page.context().setOffline(true);
    await page.reload();
    await page.locator('dds-time-chart svg.chart').first().waitFor();
    // The model still runs in its workers, and the lazily loaded screens still open.
    const runs = Number(await page.locator('dds-app').getAttribute('data-runs-shown'));
    await page.locator('dds-app header select[aria-label="Preset team"]').selectOption('elite');
    await expect
      .poll(async () => Number(await page.locator('dds-app').getAttribute('data-runs-shown')))
      .toBeGreaterThan(runs);
    await page.locator('dds-app').getByRole('button', { name: 'Workshop game' }).click();
    await page.locator('dds-game form').waitFor();
    await page.goto(new URL('?story=2', server.url).href);
    await expect.poll(() => storyTitle(page)).toBe('One release slips');
    await expect.poll(() => diagram(page).getAttribute('data-dominant')).not.toBeNull();
    expect(outside).toEqual([]);
    expect(errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
    await page.close();
  });
});
