import { afterEach, describe, expect, it } from 'vitest';
import { findPreset, PARAM_BY_ID, PARAMS, presetParams } from '../../src/index.ts';
import { chartSpecs } from '../../web/charts/chart-specs.ts';
import { DdsScorecard } from '../../web/components/dds-scorecard.ts';
import { DdsTimeChart } from '../../web/components/dds-time-chart.ts';
import { DdsCompare } from '../../web/simulator/dds-compare.ts';
import { DdsParamPanel } from '../../web/simulator/dds-param-panel.ts';
import { DdsPlayControls } from '../../web/simulator/dds-play-controls.ts';
import { DdsSideBySide } from '../../web/simulator/dds-side-by-side.ts';
import { DdsSnapshots } from '../../web/simulator/dds-snapshots.ts';
import { DdsTimeline } from '../../web/simulator/dds-timeline.ts';
import { sliderPosition } from '../../web/simulator/param-scale.ts';
import { scenarioFromPreset } from '../../web/state/ui-scenario.ts';
import { runScenario } from '../../web/worker/run-scenario.ts';
import { mount, seriousViolations } from './axe.ts';

afterEach(() => {
  document.body.replaceChildren();
});

const medium = scenarioFromPreset('medium');
const view = runScenario(medium);

/** Types `text` into the panel's team-size box and commits it; returns the box. */
async function typeTeamSize(panel: DdsParamPanel, text: string): Promise<HTMLInputElement> {
  const typed = panel.shadowRoot!.querySelector<HTMLInputElement>(
    '[data-param="teamSize"] input[type="number"]',
  )!;
  typed.value = text;
  typed.dispatchEvent(new Event('change'));
  await panel.updateComplete;
  return typed;
}

describe('dds-param-panel', () => {
  it('has a labelled control for every parameter in the table, grouped', async () => {
    const panel = await mount(
      Object.assign(new DdsParamPanel(), {
        params: medium.params,
        openGroups: ['team', 'code', 'testing', 'production', 'reflexes', 'economics'],
      }),
    );
    const root = panel.shadowRoot!;
    expect(root.querySelectorAll('[data-param]')).toHaveLength(PARAMS.length);
    expect(root.querySelectorAll('details')).toHaveLength(6);
    for (const spec of PARAMS)
      expect(root.querySelector(`label[for="param-${spec.id}"]`)?.textContent).toBe(spec.label);
    expect(await seriousViolations(panel)).toEqual([]);
  });

  it('emits a change for a slider move and refuses an out-of-range typed value with a message', async () => {
    const panel = await mount(Object.assign(new DdsParamPanel(), { params: medium.params }));
    const events: { id: string; value: unknown }[] = [];
    panel.addEventListener('dds-param-change', (e) => events.push((e as CustomEvent).detail));
    // Team size spans more than two decades: its slider is logarithmic, positions not engineers.
    const slider = panel.shadowRoot!.querySelector<HTMLInputElement>('#param-teamSize')!;
    expect(slider.dataset.scale).toBe('log');
    slider.value = String(sliderPosition(PARAM_BY_ID.get('teamSize')!, 12));
    slider.dispatchEvent(new Event('input'));
    expect(events).toEqual([{ id: 'teamSize', value: 12 }]);
    const typed = await typeTeamSize(panel, '9999');
    expect(events).toHaveLength(1);
    expect(panel.shadowRoot!.querySelector('#param-teamSize-error')?.textContent).toContain('9999');
    expect(typed.getAttribute('aria-invalid')).toBe('true');
  });

  it('redraws only the control whose value changed, and its error once it is valid again', async () => {
    const panel = await mount(Object.assign(new DdsParamPanel(), { params: medium.params }));
    const drawn: string[] = [];
    const spy = panel as unknown as { renderControlNow(spec: { id: string }): unknown };
    const draw = spy.renderControlNow.bind(panel);
    spy.renderControlNow = (spec) => {
      drawn.push(spec.id);
      return draw(spec);
    };
    panel.params = { ...medium.params, teamSize: 12 };
    await panel.updateComplete;
    expect(drawn).toEqual(['teamSize']);
    // A refused value shows its error on that control alone, and a valid one clears it.
    await typeTeamSize(panel, '9999');
    expect(panel.shadowRoot!.querySelector('#param-teamSize-error')?.textContent).toContain('9999');
    await typeTeamSize(panel, '13');
    expect(panel.shadowRoot!.querySelector('#param-teamSize-error')?.textContent).toBe('');
    expect(new Set(drawn)).toEqual(new Set(['teamSize']));
  });

  it('opens a parameter\u2019s help by keyboard-operable button', async () => {
    const panel = await mount(Object.assign(new DdsParamPanel(), { params: medium.params }));
    const button = panel.shadowRoot!.querySelector<HTMLButtonElement>(
      '[data-param="teamSize"] .help-toggle',
    )!;
    button.click();
    await panel.updateComplete;
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(panel.shadowRoot!.querySelector('#param-teamSize-help')?.textContent).toContain(
      'Engineers',
    );
  });
});

describe('dds-scorecard', () => {
  it('shows the overall level, the four DORA metrics with levels in words, and the change from a baseline', async () => {
    const low = runScenario(scenarioFromPreset('low'));
    const card = await mount(
      Object.assign(new DdsScorecard(), { summary: view.summary, baseline: low.summary }),
    );
    const root = card.shadowRoot!;
    expect(root.querySelector('[data-level]')?.textContent).toContain('MEDIUM');
    expect(root.querySelector('[data-metric="leadTimeDays"] .level')?.textContent).toMatch(
      /medium/,
    );
    expect(root.querySelector('[data-metric="changeFailureRate"] .change')?.textContent).toContain(
      'better',
    );
    expect(await seriousViolations(card)).toEqual([]);
  });

  it('fits "no deployments" inside its tiles as wide as the main column leaves them', async () => {
    const nobody = runScenario({ ...medium, params: { ...medium.params, teamSize: 0 } });
    expect(nobody.summary.doraLevel).toBe('none');
    const card = await mount(
      Object.assign(new DdsScorecard(), { summary: nobody.summary, style: 'width: 970px' }),
    );
    const values = [...card.shadowRoot!.querySelectorAll<HTMLElement>('.value')];
    expect(values.map((value) => value.textContent).join(' ')).toContain('no deployments');
    for (const value of values)
      expect(value.scrollWidth, value.textContent ?? '').toBeLessThanOrEqual(value.clientWidth);
  });
});

describe('dds-time-chart', () => {
  it('draws a chart with axes, a legend and a description, and reads values by keyboard', async () => {
    const spec = chartSpecs(view, null)[0];
    const chart = await mount(Object.assign(new DdsTimeChart(), { spec }));
    const root = chart.shadowRoot!;
    const svgElement = root.querySelector('svg.chart')!;
    expect(svgElement.querySelectorAll('path[data-layer]').length).toBeGreaterThanOrEqual(4);
    expect(svgElement.getAttribute('aria-label')).toContain('Merged, waiting for a release');
    // Every layer has a legend entry, and so does each kind of event marker on the chart.
    const kinds = new Set((spec.markers ?? []).map((m) => m.kind));
    expect(root.querySelectorAll('.legend li')).toHaveLength(spec.layers.length + kinds.size);
    // Markers sit above the plot, never over the data.
    const axes = svgElement.querySelector<SVGPathElement>('path[data-axes]')!.getBBox();
    const markers = svgElement.querySelectorAll<SVGPathElement>('path.marker');
    expect(spec.markers?.length).toBeGreaterThan(0);
    expect(markers.length).toBeGreaterThan(0);
    for (const marker of markers)
      expect(marker.getBBox().y + marker.getBBox().height).toBeLessThanOrEqual(axes.y + 1);
    svgElement.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    await chart.updateComplete;
    expect(root.querySelector('.readout')?.textContent).toContain(`Day ${spec.days - 1}`);
    expect(await seriousViolations(chart)).toEqual([]);
  });
});

describe('dds-timeline', () => {
  it('adds, moves by keyboard and removes interventions', async () => {
    const timeline = await mount(
      Object.assign(new DdsTimeline(), { interventions: [], days: 520 }),
    );
    let latest: unknown[] = [];
    timeline.addEventListener('dds-interventions-change', (e) => {
      latest = (e as CustomEvent).detail.interventions;
      timeline.interventions = latest as never;
    });
    timeline.shadowRoot!.querySelector('form')!.requestSubmit();
    expect(latest).toEqual([{ type: 'mergeFreeze', day: 100, days: 20, mustHaveShare: 0.2 }]);
    await timeline.updateComplete;
    const marker = timeline.shadowRoot!.querySelector<HTMLButtonElement>('.marker')!;
    marker.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowRight', shiftKey: true, bubbles: true }),
    );
    expect((latest[0] as { day: number }).day).toBe(120);
    await timeline.updateComplete;
    timeline
      .shadowRoot!.querySelector<HTMLButtonElement>('.marker')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete', bubbles: true }));
    expect(latest).toEqual([]);
    expect(await seriousViolations(timeline)).toEqual([]);
  });
});

describe('dds-compare', () => {
  it('lists the inputs that differ from the baseline and the figures before and after', async () => {
    const changed = { ...medium, params: { ...medium.params, releaseIntervalDays: 5 } };
    const after = runScenario(changed);
    const compare = await mount(
      Object.assign(new DdsCompare(), {
        baseline: medium,
        current: changed,
        baselineSummary: view.summary,
        currentSummary: after.summary,
      }),
    );
    const text = compare.shadowRoot!.textContent ?? '';
    expect(text).toContain('Release interval');
    expect(text).toContain('Lead time');
    expect(presetParams(findPreset('medium')!).releaseIntervalDays).toBe(10);
    expect(await seriousViolations(compare)).toEqual([]);
  });
});

describe('dds-play-controls', () => {
  it('steps the day shown and returns to the whole run', async () => {
    const controls = await mount(Object.assign(new DdsPlayControls(), { days: 100 }));
    const days: (number | null)[] = [];
    controls.addEventListener('dds-play-day', (e) => days.push((e as CustomEvent).detail.day));
    const step = controls.shadowRoot!.querySelector<HTMLButtonElement>(
      'button[aria-label="Step forward 20 working days"]',
    )!;
    step.click();
    step.click();
    await controls.updateComplete;
    expect(days).toEqual([20, 40]);
    expect(controls.shadowRoot!.querySelector('output')?.textContent).toBe('Day 40 of 100');
    controls.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')[2].click();
    expect(days.at(-1)).toBeNull();
    expect(await seriousViolations(controls)).toEqual([]);
  });
});

describe('dds-snapshots', () => {
  it('saves, lists, loads and picks two snapshots to compare, and survives a tampered store', async () => {
    localStorage.setItem(
      'death-spiral-snapshots-v1',
      '[{"name":"bad","query":"preset=nope"},{"name":"ok","query":"v=1&preset=low"}]',
    );
    const problems: string[] = [];
    document.addEventListener(
      'dds-snapshot-problem',
      (e) => problems.push((e as CustomEvent).detail.message),
      { once: true },
    );
    const panel = await mount(
      Object.assign(new DdsSnapshots(), { currentQuery: 'v=1&preset=elite' }),
    );
    expect(problems[0]).toContain('bad');
    const root = panel.shadowRoot!;
    (root.querySelector('input[type="text"]') as HTMLInputElement).value = 'Elite team';
    root.querySelector('input[type="text"]')!.dispatchEvent(new Event('input'));
    root.querySelector('form')!.requestSubmit();
    await panel.updateComplete;
    expect(
      [...root.querySelectorAll('ul:not(.unreadable) li .name')].map((n) => n.textContent),
    ).toEqual(['ok', 'Elite team']);
    // The entry this version cannot use is kept as it was, listed, and downloadable.
    const stored = JSON.parse(localStorage.getItem('death-spiral-snapshots-v1')!);
    expect(stored).toHaveLength(3);
    expect(stored).toContainEqual({ name: 'bad', query: 'preset=nope' });
    expect(root.querySelector('ul.unreadable')?.textContent).toContain('"bad"');
    let loaded = '';
    panel.addEventListener('dds-snapshot-load', (e) => (loaded = (e as CustomEvent).detail.query));
    root.querySelector<HTMLButtonElement>('button[aria-label="Load ok"]')!.click();
    expect(loaded).toBe('v=1&preset=low');
    let compared: string[] = [];
    panel.addEventListener(
      'dds-snapshots-compare',
      (e) =>
        (compared = [(e as CustomEvent).detail.left.name, (e as CustomEvent).detail.right.name]),
    );
    for (const box of root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'))
      box.click();
    await panel.updateComplete;
    root.querySelector<HTMLButtonElement>('li ~ button, ul + button')!.click();
    expect(compared).toEqual(['ok', 'Elite team']);
    expect(await seriousViolations(panel)).toEqual([]);
    localStorage.clear();
  });
});

describe('dds-side-by-side', () => {
  it('shows two runs with their scorecards and the key charts on shared scales', async () => {
    const elite = runScenario(scenarioFromPreset('elite'));
    const side = await mount(
      Object.assign(new DdsSideBySide(), {
        left: { name: 'Medium', view },
        right: { name: 'Elite', view: elite },
      }),
    );
    const root = side.shadowRoot!;
    expect([...root.querySelectorAll('dds-scorecard')]).toHaveLength(2);
    const charts = [...root.querySelectorAll('dds-time-chart')] as DdsTimeChart[];
    expect(charts).toHaveLength(6);
    expect(charts[0].spec!.yAtLeast).toBe(charts[3].spec!.yAtLeast);
    expect(await seriousViolations(side)).toEqual([]);
  });
});

describe('dds-phase-map', () => {
  it('draws every cell with its outcome and the boundary, and loads a cell by keyboard', async () => {
    const { runSweep } = await import('../../src/analysis/sweep.ts');
    const { DdsPhaseMap } = await import('../../web/whatif/dds-phase-map.ts');
    const spec = {
      axes: [
        { param: 'releaseIntervalDays' as const, from: 4, to: 16, steps: 3 },
        { param: 'regressionPassDays' as const, from: 1, to: 7, steps: 3 },
      ],
      seeds: 1,
      days: 300,
    };
    const { cells } = runSweep(presetParams(findPreset('spiral')!), spec);
    const map = await mount(Object.assign(new DdsPhaseMap(), { spec, cells }));
    const root = map.shadowRoot!;
    expect(root.querySelectorAll('rect.cell')).toHaveLength(9);
    expect(root.querySelectorAll('line').length).toBeGreaterThan(0);
    let picked: number[] = [];
    map.addEventListener('dds-cell-pick', (e) => (picked = (e as CustomEvent).detail.cell.values));
    const grid = root.querySelector('svg')!;
    grid.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await map.updateComplete;
    grid.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(picked).toEqual([10, 1]);
    expect(await seriousViolations(map)).toEqual([]);
  });
});
