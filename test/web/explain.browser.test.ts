import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FEEDBACK_LOOPS, LOOP_LINKS, LOOP_NODES } from '../../src/index.ts';
import { DeathSpiralSim } from '../../web/embed/death-spiral-sim.ts';
import { DdsGame } from '../../web/game/dds-game.ts';
import { GAME_KEY, PREVIOUS_GAME_KEY } from '../../web/game/game-storage.ts';
import { DdsLoopDiagram } from '../../web/loop-diagram/dds-loop-diagram.ts';
import { scenarioFromPreset } from '../../web/state/ui-scenario.ts';
import { DdsStory } from '../../web/story/dds-story.ts';
import { STORY_STEPS } from '../../web/story/steps.ts';
import { storyRun } from '../../web/story/story-run.ts';
import { runScenario } from '../../web/worker/run-scenario.ts';
import { mount, seriousViolations } from './axe.ts';

afterEach(() => {
  document.body.replaceChildren();
});

const spiral = runScenario(scenarioFromPreset('spiral'));

describe('dds-loop-diagram', () => {
  it('draws every node with its value and every loop, names the dominant loop, and follows the day shown', async () => {
    const diagram = await mount(Object.assign(new DdsLoopDiagram(), { view: spiral, day: 150 }));
    const root = diagram.shadowRoot!;
    expect(root.querySelectorAll('[data-node]')).toHaveLength(LOOP_NODES.length);
    expect(root.querySelectorAll('[data-loop]')).toHaveLength(FEEDBACK_LOOPS.length);
    expect(root.querySelectorAll('[data-link]').length).toBeGreaterThanOrEqual(20);
    const signs = [...root.querySelectorAll('text')].map((t) => t.textContent);
    expect(signs).toContain('+');
    expect(signs).toContain('−');
    expect(diagram.dataset.dominant).toBe('R1');
    const inWords = [...root.querySelectorAll('.links-in-words li')].map((li) => li.textContent);
    expect(inWords).toHaveLength(LOOP_LINKS.length);
    expect(inWords).toContain('Test automation lowers failed deployments');
    expect(root.querySelector('[data-dominant-text]')?.textContent).toContain(
      'R1 Deployment spiral',
    );
    const wipAt150 = root.querySelector('[data-node="wip"] [data-value]')?.textContent;
    diagram.day = 30;
    await diagram.updateComplete;
    expect(diagram.dataset.dominant).toBe('none');
    expect(root.querySelector('[data-node="wip"] [data-value]')?.textContent).not.toBe(wipAt150);
    expect(await seriousViolations(diagram)).toEqual([]);
  });

  it('opens a node’s chart by click or keyboard and outlines the loop the story points at', async () => {
    const diagram = await mount(
      Object.assign(new DdsLoopDiagram(), { view: spiral, day: null, highlight: 'R3' }),
    );
    const root = diagram.shadowRoot!;
    expect(root.querySelector('li.highlighted')?.getAttribute('data-loop')).toBe('R3');
    const node = root.querySelector<SVGGElement>('[data-node="automation"]')!;
    node.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await diagram.updateComplete;
    expect(root.querySelector('dds-time-chart')?.getAttribute('data-node-chart')).toBe(
      'automation',
    );
    expect(node.getAttribute('aria-pressed')).toBe('true');
    expect(node.getAttribute('aria-label')).toMatch(/^Test automation: [\d.]+ level/);
    expect(await seriousViolations(diagram)).toEqual([]);
    node.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await diagram.updateComplete;
    expect(root.querySelector('dds-time-chart')).toBeNull();
  });
});

describe('dds-story', () => {
  it('shows a step with its caption, goes back and forth, links every step, and offers presenter mode', async () => {
    const first = STORY_STEPS[0].scenario();
    const run = storyRun(runScenario(first), first.params);
    const story = await mount(Object.assign(new DdsStory(), { index: 0, run }));
    const root = story.shadowRoot!;
    const went: number[] = [];
    story.addEventListener('dds-story-go', (e) => went.push((e as CustomEvent).detail.index));
    let presented: { on: boolean; show: string[] } | null = null;
    story.addEventListener('dds-present', (e) => (presented = (e as CustomEvent).detail));
    expect(root.querySelector('[data-story-title]')?.textContent).toBe(STORY_STEPS[0].title);
    expect(root.querySelector('[data-story-caption]')?.textContent).toBe(
      STORY_STEPS[0].caption(run),
    );
    const links = root.querySelectorAll('nav a');
    expect(links).toHaveLength(STORY_STEPS.length);
    expect(links[4].getAttribute('href')).toBe('?story=5');
    expect(links[0].getAttribute('aria-current')).toBe('step');
    const [previous, next] = root.querySelectorAll<HTMLButtonElement>('.controls button');
    expect(previous.disabled).toBe(true);
    next.click();
    (links[6] as HTMLAnchorElement).click();
    expect(went).toEqual([1, 6]);
    root.querySelector<HTMLInputElement>('fieldset input')!.click();
    [...root.querySelectorAll<HTMLButtonElement>('button')]
      .find((b) => b.textContent === 'Present')!
      .click();
    expect(presented).toEqual({ on: true, show: ['releaseIntervalDays'] });
    expect(await seriousViolations(story)).toEqual([]);
  });

  it('has between 8 and 12 steps, each setting a scenario and pointing at a chart and a loop it has', () => {
    expect(STORY_STEPS.length).toBeGreaterThanOrEqual(8);
    expect(STORY_STEPS.length).toBeLessThanOrEqual(12);
    for (const step of STORY_STEPS) {
      expect(step.scenario().days).toBeGreaterThan(step.day ?? 0);
      if (step.loop) expect(FEEDBACK_LOOPS.map((l) => l.id)).toContain(step.loop);
    }
  });
});

describe('dds-game', () => {
  beforeEach(() => {
    window.localStorage.removeItem(GAME_KEY);
    window.localStorage.removeItem(PREVIOUS_GAME_KEY);
  });

  const button = (game: DdsGame, name: RegExp) =>
    [...game.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
      name.test(b.textContent ?? ''),
    )!;

  it('sets up, takes decisions, runs, reveals and ranks; a refused decision names the field', async () => {
    const game = await mount(new DdsGame());
    const root = game.shadowRoot!;
    expect(game.dataset.phase).toBe('setup');
    expect(await seriousViolations(game)).toEqual([]);
    root.querySelector('form')!.requestSubmit();
    await game.updateComplete;
    expect(game.dataset.phase).toBe('deciding');
    expect(root.querySelectorAll('tbody tr')).toHaveLength(2);
    const interval = root.querySelector<HTMLInputElement>('#d-1-releaseIntervalDays')!;
    interval.value = '-4';
    interval.dispatchEvent(new Event('change'));
    await game.updateComplete;
    expect(root.querySelector('#d-1-releaseIntervalDays-error')?.textContent).toContain(
      'Blue.releaseIntervalDays: -4 is not allowed',
    );
    interval.value = '5';
    interval.dispatchEvent(new Event('change'));
    await game.updateComplete;
    expect(root.querySelector('#d-1-releaseIntervalDays-error')?.textContent).toBe('');
    button(game, /^Run round 1/).click();
    await game.updateComplete;
    expect(root.querySelector('[data-scoreboard]')).toBeNull();
    expect(root.querySelector<HTMLInputElement>('#d-0-releaseIntervalDays')!.disabled).toBe(true);
    button(game, /^Reveal results/).click();
    // Results are worked out in a worker.
    await expect.poll(() => game.dataset.resultsFor).toBe('1');
    await game.updateComplete;
    expect(root.querySelectorAll('[data-scoreboard] tbody tr')).toHaveLength(2);
    expect(root.querySelector('[data-debrief="Blue"]')?.textContent).toContain('5');
    expect(JSON.parse(window.localStorage.getItem(GAME_KEY)!).phase).toBe('revealed');
    expect(await seriousViolations(game)).toEqual([]);
  });

  it('reports a damaged save and keeps it for download instead of discarding it', async () => {
    window.localStorage.setItem(GAME_KEY, '{"version":1,"config":');
    const game = await mount(new DdsGame());
    expect(game.shadowRoot!.querySelector('.message')?.textContent).toContain('could not be read');
    expect(button(game, /Download the damaged save/)).toBeTruthy();
    expect(window.localStorage.getItem(GAME_KEY)).toBe('{"version":1,"config":');
  });
});

describe('death-spiral-sim', () => {
  it('runs the preset it is given, shows the chosen controls and charts, and tells the page', async () => {
    const element = new DeathSpiralSim();
    element.setAttribute('preset', 'high');
    element.setAttribute('controls', 'releaseIntervalDays,teamSize');
    element.setAttribute('charts', 'wip,leadTime,restore');
    const runs: string[] = [];
    element.addEventListener('death-spiral-run', (e) =>
      runs.push((e as CustomEvent).detail.summary.doraLevel),
    );
    document.body.append(element);
    await expect.poll(() => runs).toEqual(['high']);
    await element.updateComplete;
    const root = element.shadowRoot!;
    expect(root.querySelectorAll('dds-time-chart')).toHaveLength(3);
    expect(
      root.querySelector('dds-param-panel')!.shadowRoot!.querySelectorAll('[data-param]'),
    ).toHaveLength(2);
    expect(element.summary?.doraLevel).toBe('high');
    expect(element.params?.releaseIntervalDays).toBeGreaterThan(0);
    expect(await seriousViolations(element)).toEqual([]);
  });

  it('refuses bad attributes with a message naming the attribute, keeping the last good run', async () => {
    const element = new DeathSpiralSim();
    const errors: { field: string; message: string }[] = [];
    element.addEventListener('death-spiral-error', (e) => errors.push((e as CustomEvent).detail));
    element.setAttribute('controls', 'releaseInterval');
    document.body.append(element);
    await expect.poll(() => errors.length).toBe(1);
    expect(errors[0].field).toBe('controls');
    expect(errors[0].message).toContain('did you mean "releaseIntervalDays"');
    await expect.poll(() => element.summary?.doraLevel).toBe('medium');
    element.setAttribute('scenario', '{"preset":"elite","params":{"teamSize":-1}}');
    await expect.poll(() => errors.length).toBe(2);
    expect(errors[1].message).toContain('teamSize');
    expect(element.summary?.doraLevel).toBe('medium');
    // Both refusals stay on screen: each until its own attribute reads well again.
    const shown = [...element.shadowRoot!.querySelectorAll('.refusal')].map((p) => p.textContent);
    expect(shown).toHaveLength(2);
    expect(shown.join(' ')).toContain('teamSize');
    expect(shown.join(' ')).toContain('controls');
    element.setAttribute('controls', 'releaseIntervalDays');
    await expect.poll(() => element.shadowRoot!.querySelectorAll('.refusal').length).toBe(1);
  });
});
