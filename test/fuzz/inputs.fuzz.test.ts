import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { InputError, parseGameText, parseScenarioText } from '../../src/index.ts';
import { scenarioFromFileText } from '../../web/state/ui-scenario.ts';
import { decodeScenario, encodeScenario } from '../../web/state/url-state.ts';
import { damagedText, isOneLineRefusal, PROTOTYPE_NAMES, scenarioObject } from './hostile-input.ts';

/** Cases per property: a bounded corpus in `npm test`, many more under `npm run fuzz`. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const settings = { numRuns: RUNS, seed: SEED, endOnFailure: true };

const folder = mkdtempSync(join(tmpdir(), 'death-spiral-fuzz-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A scenario file's text: an object from the generator, then perhaps damaged. */
const scenarioText = scenarioObject.chain((object) => damagedText(JSON.stringify(object)));

/** Whether a library call refuses properly: an InputError on one line, never anything else. */
function refusesProperly(call: () => unknown): boolean {
  try {
    call();
    return true;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(isOneLineRefusal(error.message), error.message.slice(0, 300)).toBe(true);
    return false;
  }
}

describe('hostile input', () => {
  it('the command line: any scenario file gives a run or one line naming a field, never a stack trace', async () => {
    let file = 0;
    await fc.assert(
      fc.asyncProperty(scenarioText, async (text) => {
        const path = join(folder, `s${file++}.json`);
        writeFileSync(path, text);
        const out: string[] = [];
        const err: string[] = [];
        const status = await runCli(
          ['--scenario', path, '--json'],
          (t) => out.push(t),
          (t) => err.push(t),
        );
        expect(status, err.join('\n').slice(0, 400)).not.toBe(1);
        if (status === 2) {
          expect(out).toEqual([]);
          expect(err).toHaveLength(1);
          expect(isOneLineRefusal(err[0]), err[0].slice(0, 300)).toBe(true);
        }
      }),
      settings,
    );
  }, 120000);

  it('links: any address gives a scenario or one line naming a field, and what a file opens a link keeps', () => {
    fc.assert(
      fc.property(scenarioText, (text) => {
        if (!refusesProperly(() => parseScenarioText(text))) return;
        // The app opens what the command line reads (bar more runs than a browser does) ...
        let opened: ReturnType<typeof scenarioFromFileText>;
        try {
          opened = scenarioFromFileText(text, 'file');
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          expect((error as Error).message).toMatch(/^runs: /);
          return;
        }
        // ... and the link it makes opens again as the same scenario.
        expect(decodeScenario(`?${encodeScenario(opened)}`)).toEqual(opened);
      }),
      settings,
    );
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.oneof(
            fc.constantFrom(...PROTOTYPE_NAMES, 'iv', 'days', 'seed', 'runs', 'preset', 'v'),
            fc.string({ maxLength: 8 }),
          ),
          fc.oneof(
            scenarioText,
            fc.string({ maxLength: 20 }),
            fc.constantFrom('[{"type":"constructor","day":5}]', '1e3', '0x2', '-1', ''),
          ),
          { maxKeys: 4 },
        ),
        (query) => {
          refusesProperly(() => decodeScenario(`?${new URLSearchParams(query)}`));
        },
      ),
      settings,
    );
  });

  it('game files: any text gives a game or one line naming a field', () => {
    fc.assert(
      fc.property(
        scenarioObject.chain((object) =>
          damagedText(JSON.stringify({ version: 1, teams: [object], rounds: object })),
        ),
        (text) => {
          refusesProperly(() => parseGameText(text));
        },
      ),
      settings,
    );
  });

  it('names every object has, and nesting past any real file, are refused by name everywhere', async () => {
    const deep = `${'['.repeat(100000)}${']'.repeat(100000)}`;
    for (const name of PROTOTYPE_NAMES) {
      const text = JSON.stringify({ interventions: [{ type: name, day: 1 }] });
      expect(refusesProperly(() => parseScenarioText(text))).toBe(false);
      expect(
        refusesProperly(() => decodeScenario(`?iv=${JSON.stringify([{ type: name, day: 5 }])}`)),
      ).toBe(false);
      expect(refusesProperly(() => parseScenarioText(JSON.stringify({ preset: name })))).toBe(
        false,
      );
      expect(refusesProperly(() => decodeScenario(`?${name}=1`))).toBe(false);
    }
    expect(refusesProperly(() => parseScenarioText(deep))).toBe(false);
    expect(refusesProperly(() => decodeScenario(`?iv=${deep}`))).toBe(false);
    expect(refusesProperly(() => parseGameText(deep))).toBe(false);
    const path = join(folder, 'deep.json');
    writeFileSync(path, deep);
    const err: string[] = [];
    expect(
      await runCli(
        ['--scenario', path],
        () => {},
        (t) => err.push(t),
      ),
    ).toBe(2);
    expect(err[0]).toContain('nesting');
  });

  it('a huge unknown name is answered at once, on one short line, with no suggestion', () => {
    const key = `${'x'.repeat(1_000_000)}\nsecond line`;
    const started = performance.now();
    let message = '';
    try {
      parseScenarioText(JSON.stringify({ [key]: 1 }));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(performance.now() - started).toBeLessThan(500);
    expect(isOneLineRefusal(message)).toBe(true);
    expect(message.length).toBeLessThan(400);
    expect(message).not.toContain('did you mean');
  });
});
