import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/index.ts';
import { scenarioFromPreset } from '../../web/state/ui-scenario.ts';
import { decodeScenario, encodeScenario } from '../../web/state/url-state.ts';

describe('URL state', () => {
  it('leaves out everything the preset already says', () => {
    expect(encodeScenario(scenarioFromPreset('medium'))).toBe('v=1&preset=medium');
  });

  it('round-trips parameters, interventions and run settings with named keys', () => {
    const scenario = scenarioFromPreset('low');
    scenario.params = {
      ...scenario.params,
      teamSize: 15,
      rollbackAvailable: true,
      releasePolicy: 'whenStable',
    };
    scenario.interventions = [{ type: 'mergeFreeze', day: 50, days: 10, mustHaveShare: 0.3 }];
    scenario.runs = 50;
    scenario.mode = 'expected';
    scenario.seed = 9;
    const query = encodeScenario(scenario);
    expect(query).toContain('teamSize=15');
    expect(query).toContain('releasePolicy=whenStable');
    expect(decodeScenario(query)).toEqual(scenario);
  });

  it('keeps a story preset\u2019s own interventions without writing them out', () => {
    const story = scenarioFromPreset('recovery');
    expect(encodeScenario(story)).toBe('v=1&preset=recovery');
    expect(decodeScenario('v=1&preset=recovery').interventions).toEqual(story.interventions);
  });

  it('reads a link that also holds what-if form fields as the scenario it names', () => {
    const scenario = decodeScenario(
      'v=1&preset=spiral&view=whatif&analysis=map&w_yParam=regressionPassDays&w_ySteps=3',
    );
    expect(scenario).toEqual(scenarioFromPreset('spiral'));
  });

  const tampered: [string, string][] = [
    ['v=1&preset=mediun', 'preset'],
    ['v=1&preset=medium&teamSize=-4', 'teamSize'],
    ['v=1&preset=medium&teamSize=abc', 'teamSize'],
    ['v=1&preset=medium&failureShare=Infinity', 'failureShare'],
    ['v=1&preset=medium&bogus=1', 'bogus'],
    ['v=1&preset=medium&runs=0', 'runs'],
    ['v=1&preset=medium&mode=chaos', 'mode'],
    ['v=1&preset=medium&iv=%5B%7B', 'iv'],
    ['v=1&preset=medium&iv=%5B%7B%22type%22%3A%22nuke%22%2C%22day%22%3A1%7D%5D', 'iv[0].type'],
    ['v=9&preset=medium', 'v'],
    ['v=1&preset=medium&releasePolicy=%3Cscript%3E', 'releasePolicy'],
  ];
  for (const [query, field] of tampered) {
    it(`refuses ${query} naming ${field}`, () => {
      expect(() => decodeScenario(query)).toThrow(InputError);
      try {
        decodeScenario(query);
      } catch (error) {
        expect((error as InputError).message.startsWith(field)).toBe(true);
      }
    });
  }

  it('a scenario with many interventions makes a short link that opens as the same scenario', () => {
    const scenario = scenarioFromPreset('medium');
    scenario.days = 2600;
    scenario.interventions = Array.from({ length: 1000 }, (_, i) => ({
      type: 'releaseSlip' as const,
      day: 1 + 2 * i,
      days: 1 + (i % 9),
    }));
    const query = encodeScenario(scenario);
    expect(query).toContain('ivz=');
    // Servers refuse request lines past 8 to 16 KB; this stays far below.
    expect(query.length).toBeLessThan(8000);
    expect(decodeScenario(`?${query}`)).toEqual(scenario);
    // A short list stays readable in the address bar.
    const few = { ...scenario, interventions: scenario.interventions.slice(0, 3) };
    expect(encodeScenario(few)).toContain('iv=');
    expect(decodeScenario(`?${encodeScenario(few)}`)).toEqual(few);
  });

  it('a damaged, oversized or doubled packed list is refused by name', () => {
    for (const query of ['?ivz=%%%', '?ivz=AAAA', '?iv=[]&ivz=AAAA']) {
      expect(() => decodeScenario(query)).toThrow(InputError);
      expect(() => decodeScenario(query)).toThrow(/^ivz: /);
    }
  });
});
