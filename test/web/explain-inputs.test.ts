import { describe, expect, it } from 'vitest';
import { PARAMS, simulate } from '../../src/index.ts';
import {
  DEFAULT_EMBED_CHARTS,
  parseCharts,
  parseControls,
  parseHeight,
  scenarioOfPreset,
  scenarioOfText,
} from '../../web/embed/embed-config.ts';
import { storyKeyAction } from '../../web/story/keys.ts';
import { STORY_STEPS } from '../../web/story/steps.ts';
import { storyRun } from '../../web/story/story-run.ts';

describe('story keys', () => {
  it('clickers (Page Up/Down, arrows, B or .) and the keyboard map to story actions', () => {
    expect(
      ['PageDown', 'ArrowRight', 'ArrowDown', ' ', 'Enter'].map((k) => storyKeyAction(k)),
    ).toEqual(Array(5).fill('next'));
    expect(['PageUp', 'ArrowLeft', 'ArrowUp', 'Backspace'].map((k) => storyKeyAction(k))).toEqual(
      Array(4).fill('previous'),
    );
    expect(storyKeyAction(' ', true)).toBe('previous');
    expect([storyKeyAction('Home'), storyKeyAction('End')]).toEqual(['first', 'last']);
    expect([storyKeyAction('b'), storyKeyAction('.'), storyKeyAction('Escape')]).toEqual([
      'blank',
      'blank',
      'exit',
    ]);
    expect(storyKeyAction('x')).toBeNull();
  });
});

describe('embed attributes', () => {
  it('reads controls, charts and height, and refuses bad ones naming the attribute and what is allowed', () => {
    expect(parseControls(null)).toEqual([]);
    expect(parseControls('none')).toEqual([]);
    expect(parseControls('all')).toHaveLength(PARAMS.length);
    expect(parseControls(' teamSize , releaseIntervalDays ')).toEqual([
      'teamSize',
      'releaseIntervalDays',
    ]);
    expect(() => parseControls('teamsize')).toThrow(
      /controls: "teamsize" .*did you mean "teamSize"/,
    );
    expect(parseCharts('')).toEqual(DEFAULT_EMBED_CHARTS);
    expect(parseCharts('leadTime,wip')).toEqual(['leadTime', 'wip']);
    expect(() => parseCharts('pie')).toThrow(/charts: "pie" is not allowed; allowed: wip, /);
    expect(parseHeight(null)).toBe(200);
    expect(parseHeight('240px')).toBe(240);
    for (const bad of ['tall', '10', '5000', 'NaN'])
      expect(() => parseHeight(bad)).toThrow(/height: /);
  });

  it('reads a preset or scenario JSON, refusing unknown presets and bad parameters', () => {
    expect(scenarioOfPreset(null).preset).toBe('medium');
    expect(scenarioOfPreset('elite').params.releasePolicy).toBe('continuous');
    expect(() => scenarioOfPreset('elit')).toThrow(/preset: "elit" .*did you mean "elite"/);
    const scenario = scenarioOfText(
      '{"preset":"low","params":{"teamSize":12},"days":300}',
      'inline',
    );
    expect([scenario.preset, scenario.params.teamSize, scenario.days]).toEqual(['low', 12, 300]);
    expect(() => scenarioOfText('{"params":{"teamSize":"many"}}', 'inline')).toThrow(/teamSize/);
    expect(() => scenarioOfText('{oops', 'deck.json')).toThrow(/deck.json/);
  });
});

describe('story captions', () => {
  it('name what each step’s scenario has: team size, cadence, the slip and the escape steps’ days', () => {
    const [healthy, slip, , , , freeze, automation, cadence, conway] = STORY_STEPS;
    const read = (step: (typeof STORY_STEPS)[number]) => {
      const scenario = step.scenario();
      const result = simulate(scenario.params, {
        days: scenario.days,
        seed: 1,
        interventions: scenario.interventions,
      });
      return { scenario, words: step.caption(storyRun(result, scenario.params)) };
    };
    const team = read(healthy);
    expect(team.scenario.params.teamSize).toBe(10);
    expect(team.words).toContain('Ten engineers cut a release every two weeks');
    const slipped = read(slip);
    const shock = slipped.scenario.interventions.find((i) => i.type === 'releaseSlip');
    expect(shock).toMatchObject({ day: 100, days: 35 });
    expect(slipped.words).toMatch(/day 100 .*seven weeks/);
    const frozen = read(freeze);
    expect(frozen.scenario.interventions.find((i) => i.type === 'mergeFreeze')).toMatchObject({
      day: 160,
      days: 20,
    });
    expect(frozen.words).toMatch(/day 160 .*four weeks/);
    const automated = read(automation);
    expect(automated.scenario.interventions.find((i) => i.type === 'automationPush')).toMatchObject(
      { share: 0.3 },
    );
    expect(automated.words).toContain('30% of the team');
    const faster = read(cadence);
    expect(faster.scenario.interventions.find((i) => i.type === 'cadence')).toMatchObject({
      day: 200,
      releaseIntervalDays: 5,
    });
    expect(faster.words).toMatch(/day 200 .*every week/);
    const oneTeam = read(conway);
    expect(oneTeam.scenario.interventions.find((i) => i.type === 'removeApprovals')).toMatchObject({
      day: 220,
    });
    expect(oneTeam.words).toContain('day 220');
  });
});
