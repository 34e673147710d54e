import { spawn } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';

/** A `death-spiral workshop` server running as its own process, as a facilitator starts it. */
export interface WorkshopProcess {
  /** The workshop page's address, `http://127.0.0.1:PORT/workshop.html`. */
  base: string;
  port: number;
  facilitatorKey: string;
  /** Kills the server the hard way (SIGKILL): nothing gets a chance to close. */
  kill(): Promise<void>;
}

/**
 * Starts `death-spiral workshop` on loopback with games kept in `db` and the app served from
 * `app`, and reads the facilitator's address from what it prints.
 */
export function startWorkshopProcess(db: string, app: string, port = 0): Promise<WorkshopProcess> {
  // From the sources through tsx, as `npm run sim` runs it; SIGKILL must reach the server itself.
  const args = ['--import', 'tsx', 'src/cli/bin.ts', 'workshop', '--host', '127.0.0.1'];
  args.push('--port', String(port));
  const child = spawn(process.execPath, [...args, '--db', db, '--app', app], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((resolve, reject) => {
    let printed = '';
    const read = (chunk: Buffer) => {
      printed += chunk.toString();
      const found = /: (http:\/\/[^\s]+:(\d+)\/)workshop\.html\?facilitate#key=(\w+)/.exec(printed);
      if (found)
        resolve({
          base: `${found[1]}workshop.html`,
          port: Number(found[2]),
          facilitatorKey: found[3],
          kill: async () => {
            child.kill('SIGKILL');
            await exited;
          },
        });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`workshop server exited (${code}): ${printed}`)));
  });
}

/** A browser screen on the workshop, with the page errors it raised. */
export interface Screen {
  page: Page;
  errors: string[];
}

/** Opens `address` in a context of its own (its own storage, as on its own device). */
export async function openScreen(
  browser: Browser,
  address: string,
  viewport = { width: 1280, height: 720 },
): Promise<Screen> {
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

/** The workshop element of a page, where its screen renders. */
export const inWorkshop = (page: Page) => page.locator('dds-workshop');

/** Creates a game of `rounds` rounds from the facilitator's screen and returns its join code. */
export async function createGame(facilitator: Page, rounds: number): Promise<string> {
  const dashboard = inWorkshop(facilitator);
  await dashboard.getByLabel('Rounds').fill(String(rounds));
  await dashboard.getByRole('button', { name: 'Create the game' }).click();
  return (await dashboard.locator('.code').first().textContent())!.trim();
}

/** A team joins from its own device: by its join link, or (`typed`) by typing the code. */
export async function joinTeam(
  browser: Browser,
  base: string,
  code: string,
  name: string,
  {
    viewport,
    typed = false,
  }: { viewport?: { width: number; height: number }; typed?: boolean } = {},
): Promise<Screen> {
  const team = await openScreen(browser, `${base}?join=${typed ? '' : code}`, viewport);
  const screen = inWorkshop(team.page);
  if (typed) await screen.getByLabel('Game code').fill(code.toLowerCase());
  await screen.getByLabel("Your team's name").fill(name);
  await screen.getByRole('button', { name: 'Join' }).click();
  await screen.getByRole('heading', { name }).waitFor();
  return team;
}

/** A team's choices for a round, as typed into its screen. */
export interface Choice {
  interval: number;
  passes?: number;
  automationPercent?: number;
}

/** A team types its choices and decides. */
export async function decide(team: Page, choice: Choice): Promise<void> {
  const screen = inWorkshop(team);
  await screen.getByLabel(/Release every/).fill(String(choice.interval));
  if (choice.passes !== undefined)
    await screen.getByLabel(/Manual test passes/).fill(String(choice.passes));
  if (choice.automationPercent !== undefined)
    await screen.getByLabel(/Team on automation/).fill(String(choice.automationPercent));
  await screen.getByRole('button', { name: /Decide|Change decision/ }).click();
}
