import { describe, expect, it } from 'vitest';
import { chartSpecs } from '../../web/charts/chart-specs.ts';
import { describeLayers, layersCsv } from '../../web/charts/chart-text.ts';
import { figureSvg, legendEntries } from '../../web/charts/figure.ts';
import { dayAt, formatCompact, timeChartModel } from '../../web/charts/time-chart.ts';
import { scenarioFromPreset } from '../../web/state/ui-scenario.ts';
import { runScenario } from '../../web/worker/run-scenario.ts';

const fixed = {
  title: 'Fixed',
  yLabel: 'lines',
  days: 5,
  width: 300,
  height: 160,
  layers: [
    { id: 'a', label: 'A', kind: 'area' as const, values: [1, 2, 3, 2, 1], color: '#000' },
    { id: 'b', label: 'B', kind: 'area' as const, values: [1, 1, 1, 1, 1], color: '#111' },
    {
      id: 'l',
      label: 'L',
      kind: 'line' as const,
      values: [0, 4, Number.NaN, 4, 0],
      color: '#222',
      dash: '6 3',
    },
    { id: 'd', label: 'D', kind: 'dots' as const, values: [2, 5], x: [1, 3], color: '#333' },
  ],
  stacked: true,
  markers: [{ day: 2, kind: 'failed' as const, caption: 'Day 2: failed' }],
};

describe('time chart layout', () => {
  it('matches the golden geometry for a fixed input', () => {
    expect(timeChartModel(fixed)).toMatchSnapshot();
  });

  it('stacks areas, scales to the tallest thing drawn and maps pixels back to days', () => {
    const model = timeChartModel(fixed);
    expect(model.yMax).toBeGreaterThanOrEqual(5);
    expect(model.paths.map((p) => p.id)).toEqual(['a', 'b', 'l']);
    expect(model.dots).toHaveLength(2);
    expect(dayAt(model, model.plot.left, 5)).toBe(0);
    expect(dayAt(model, model.plot.left + model.plot.width, 5)).toBe(4);
  });

  it('describes each layer in words and exports it as CSV', () => {
    expect(describeLayers(fixed.layers, 5, formatCompact)).toContain(
      'A: 1 at first, 1 at the end, highest 3 on day 2.',
    );
    const csv = layersCsv(fixed.layers, 5).trim().split('\n');
    expect(csv[0]).toBe('day,"A","B","L","D"');
    expect(csv[3]).toBe('2,3,1,,2');
  });

  it('builds every chart of a real run with labelled axes and units', () => {
    const view = runScenario(scenarioFromPreset('spiral'));
    const specs = chartSpecs(view, view);
    expect(specs.map((s) => s.id)).toEqual([
      'wip',
      'deploymentSize',
      'failureRate',
      'leadTime',
      'restore',
      'capacity',
      'interval',
    ]);
    for (const spec of specs) {
      expect(spec.yLabel.length).toBeGreaterThan(0);
      const model = timeChartModel({ ...spec, width: 500, height: 200 });
      expect(model.paths.length + model.dots.length).toBeGreaterThan(0);
    }
    expect(specs[0].markers?.some((m) => m.kind === 'shock')).toBe(true);
    expect(specs[1].layers.some((l) => l.muted)).toBe(true);
  });

  it('draws the undeployed-code total at the top of its stack, every day', () => {
    const view = runScenario(scenarioFromPreset('spiral'));
    const wip = chartSpecs(view, null)[0];
    const total = wip.layers.find((l) => l.id === 'wip-total')!;
    const stacked = wip.layers.filter((l) => l.kind === 'area');
    for (let day = 0; day < view.days; day++) {
      const top = stacked.reduce((sum, layer) => sum + layer.values[day], 0);
      expect(total.values[day]).toBeCloseTo(top, 6);
    }
  });

  it('exports a chart of releases as one row per release, not a row per day', () => {
    const view = runScenario(scenarioFromPreset('medium'));
    const sizes = chartSpecs(view, null).find((s) => s.id === 'deploymentSize')!;
    const rows = layersCsv(sizes.layers, sizes.days).trim().split('\n');
    expect(rows).toHaveLength(view.deployments.length + 1);
    const [day, lines] = rows[1].split(',').map(Number);
    expect(day).toBeCloseTo(view.deployments[0].time, 4);
    expect(lines).toBeCloseTo(view.deployments[0].lines, -1);
  });

  it('a figure for a slide carries the title, every legend entry and a caption naming the scenario', () => {
    const view = runScenario(scenarioFromPreset('spiral'));
    const wip = chartSpecs(view, null)[0];
    const entries = legendEntries(wip.layers, wip.markers ?? []);
    const figure = figureSvg({
      title: wip.title,
      caption: 'Story: one slip tips the team · seed 1 · 520 working days',
      chart: '<g></g>',
      width: 600,
      height: 300,
      legend: entries,
    });
    expect(figure.svg).toContain(wip.title);
    expect(figure.svg).toContain('seed 1');
    for (const layer of wip.layers) expect(figure.svg).toContain(layer.label);
    expect(figure.svg).toContain('Shock');
    expect(figure.height).toBeGreaterThan(300);
  });
});
