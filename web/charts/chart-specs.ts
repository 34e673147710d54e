import { INTERVENTION_KINDS, toCalendarDays } from '../../src/index.ts';
import type { RunView } from '../worker/protocol.ts';
import { formatCount } from './format.ts';
import { DASHES, PALETTE } from './palette.ts';
import type { ChartInput, ChartLayer, ChartMarker } from './time-chart.ts';

/** The charts the simulator shows, in screen order. */
export const CHART_IDS = [
  'wip',
  'deploymentSize',
  'failureRate',
  'leadTime',
  'restore',
  'capacity',
  'interval',
] as const;

/** One chart's id. */
export type ChartId = (typeof CHART_IDS)[number];

/** A chart as the UI needs it: the input for the layout plus a one-line explanation. */
export type ChartSpec = Omit<ChartInput, 'width' | 'height'> & { id: string; explanation: string };

/** Working days in the rolling window of the failure-rate chart. */
export const ROLLING_DAYS = 60;

function rollingRatio(
  numerator: ArrayLike<number>,
  denominator: ArrayLike<number>,
  days: number,
): Float64Array {
  const out = new Float64Array(days);
  let top = 0;
  let bottom = 0;
  for (let day = 0; day < days; day++) {
    top += numerator[day];
    bottom += denominator[day];
    if (day >= ROLLING_DAYS) {
      top -= numerator[day - ROLLING_DAYS];
      bottom -= denominator[day - ROLLING_DAYS];
    }
    out[day] = bottom > 1e-9 ? top / bottom : Number.NaN;
  }
  return out;
}

/** A per-deployment figure held until the next deployment, as a daily series (NaN before the first). */
function stepSeries(
  view: RunView,
  pick: (d: RunView['deployments'][number]) => number,
): Float64Array {
  const out = new Float64Array(view.days).fill(Number.NaN);
  let next = 0;
  let current = Number.NaN;
  for (let day = 0; day < view.days; day++) {
    while (next < view.deployments.length && view.deployments[next].time < day + 1)
      current = pick(view.deployments[next++]);
    out[day] = current;
  }
  return out;
}

/** Event markers: releases delayed, failed deployments, interventions and shocks. */
export function eventMarkers(view: RunView): ChartMarker[] {
  const markers: ChartMarker[] = [];
  for (const event of view.interventions) {
    const kind = INTERVENTION_KINDS[event.intervention.type];
    markers.push({
      day: event.time,
      kind: kind.role === 'shock' ? 'shock' : 'intervention',
      caption: `Day ${Math.round(event.time)}: ${kind.caption}`,
    });
  }
  // Per-change deployments can number thousands: markers are for release trains.
  if (view.deployments.length <= 200) {
    for (const d of view.deployments) {
      if (d.delayDays > 0.01)
        markers.push({
          day: d.time,
          kind: 'delayed',
          caption: `Day ${Math.round(d.time)}: release cut ${d.delayDays.toFixed(1)} working days late, ${formatCount(d.lines)} lines`,
        });
      if (d.failed >= 0.5)
        markers.push({
          day: d.time,
          kind: 'failed',
          caption: `Day ${Math.round(d.time)}: deployment of ${formatCount(d.lines)} lines failed`,
        });
    }
  }
  return markers;
}

function withBaseline(layers: ChartLayer[], baseline: ChartLayer[] | null): ChartLayer[] {
  return baseline
    ? [
        ...baseline.map((layer) => ({
          ...layer,
          id: `baseline-${layer.id}`,
          label: `Baseline: ${layer.label}`,
          muted: true,
          color: PALETTE.grey,
        })),
        ...layers,
      ]
    : layers;
}

function bandLayer(
  view: RunView,
  id: keyof RunView['series'],
  label: string,
  color: string,
  scale = 1,
): ChartLayer[] {
  const band = view.bands[id];
  if (!band) return [];
  const upper = band.p90.map((v) => v * scale);
  const lower = band.p10.map((v) => v * scale);
  return [
    {
      id: `${id}-band`,
      label: `${label} p10–p90 over ${view.runs} runs`,
      kind: 'band',
      values: upper,
      lower,
      color,
    },
  ];
}

/** The day-by-day sum of several series. */
function sumOf(days: number, columns: readonly ArrayLike<number>[]): Float64Array {
  const total = new Float64Array(days);
  for (const column of columns) for (let day = 0; day < days; day++) total[day] += column[day];
  return total;
}

function wipLayers(view: RunView): ChartLayer[] {
  const s = view.series;
  return [
    {
      id: 'branches',
      label: 'On branches',
      kind: 'area',
      values: s.wipBranchLines,
      color: PALETTE.sky,
    },
    {
      id: 'held',
      label: 'Held outside the pipeline',
      kind: 'area',
      values: s.wipHeldLines,
      color: PALETTE.yellow,
    },
    {
      id: 'merged',
      label: 'Merged, waiting for a release',
      kind: 'area',
      values: s.wipMergedLines,
      color: PALETTE.orange,
    },
    {
      id: 'candidate',
      label: 'Release candidate in test',
      kind: 'area',
      values: s.wipCandidateLines,
      color: PALETTE.vermillion,
    },
  ];
}

function capacityLayers(view: RunView): ChartLayer[] {
  const s = view.series;
  return [
    {
      id: 'features',
      label: 'Feature work',
      kind: 'area',
      values: s.capacityFeatures,
      color: PALETTE.green,
    },
    {
      id: 'improvement',
      label: 'Improvement',
      kind: 'area',
      values: s.capacityImprovement,
      color: PALETTE.blue,
    },
    {
      id: 'testing',
      label: 'Manual testing',
      kind: 'area',
      values: s.capacityManualTesting,
      color: PALETTE.sky,
    },
    {
      id: 'stabilisation',
      label: 'Stabilising releases',
      kind: 'area',
      values: s.capacityStabilisation,
      color: PALETTE.orange,
    },
    {
      id: 'fixes',
      label: 'Production fixes',
      kind: 'area',
      values: s.capacityProductionFixes,
      color: PALETTE.purple,
    },
    {
      id: 'incidents',
      label: 'Fire fighting (incidents)',
      kind: 'area',
      values: s.capacityIncidents,
      color: PALETTE.vermillion,
    },
    {
      id: 'overhead',
      label: 'Context switching and merging',
      kind: 'area',
      values: s.capacityOverhead,
      color: PALETTE.grey,
    },
  ];
}

const calendarDays = (workingDays: number) => toCalendarDays(workingDays);

/** Every chart's specification for a run, with the baseline drawn muted underneath when pinned. */
export function chartSpecs(view: RunView, baseline: RunView | null): ChartSpec[] {
  const markers = eventMarkers(view);
  const days = view.days;
  const sizeDots = (v: RunView): ChartLayer => ({
    id: 'size',
    label: 'Deployment size',
    kind: 'dots',
    values: v.deployments.map((d) => d.lines / Math.max(1e-9, d.deployments)),
    x: v.deployments.map((d) => d.time),
    color: PALETTE.blue,
  });
  const leadLayers = (v: RunView): ChartLayer[] => [
    {
      id: 'lead-p50',
      label: 'Lead time, median of the latest release (calendar days)',
      kind: 'line',
      values: stepSeries(v, (d) => calendarDays(d.leadTimeP50Days)),
      color: PALETTE.blue,
      dash: DASHES[0],
    },
    {
      id: 'lead-p90',
      label: 'Lead time, p90 of the latest release (calendar days)',
      kind: 'line',
      values: stepSeries(v, (d) => calendarDays(d.leadTimeP90Days)),
      color: PALETTE.vermillion,
      dash: DASHES[1],
    },
  ];
  const restoreDots = (v: RunView): ChartLayer => {
    const failures = v.incidents.filter((i) => i.cause === 'deployment');
    return {
      id: 'restore',
      label: 'Time to restore (calendar hours)',
      kind: 'dots',
      values: failures.map((i) => i.restoreHours),
      x: failures.map((i) => i.time),
      color: PALETTE.vermillion,
    };
  };
  const cfr = (v: RunView): ChartLayer => ({
    id: 'cfr',
    label: `Change failure rate, rolling ${ROLLING_DAYS} working days`,
    kind: 'line',
    values: rollingRatio(v.series.failedDeployments, v.series.deployments, v.days).map(
      (r) => r * 100,
    ),
    color: PALETTE.vermillion,
  });
  const interval = (v: RunView): ChartLayer => ({
    id: 'interval',
    label: 'Release interval in force (working days)',
    kind: 'line',
    values: v.series.releaseIntervalDays,
    color: PALETTE.blue,
  });
  const gap = (v: RunView): ChartLayer => ({
    id: 'gap',
    label: 'Actual gap between releases (working days)',
    kind: 'line',
    values: v.series.releaseGapDays,
    color: PALETTE.vermillion,
    dash: DASHES[1],
  });
  // The total is the stack's own top (each day's end), so the line and the stack never disagree.
  const wipTotal = (v: RunView): ChartLayer => ({
    id: 'wip-total',
    label: 'All undeployed code',
    kind: 'line',
    values: sumOf(
      v.days,
      wipLayers(v).map((layer) => layer.values),
    ),
    color: PALETTE.black,
    dash: DASHES[2],
  });

  return [
    {
      id: 'wip',
      title: 'Work in progress: code written but not in production',
      yLabel: 'lines',
      days,
      stacked: true,
      markers,
      explanation:
        'Every line written but not yet running for users, by where it waits. A growing pile means each release will be bigger.',
      layers: [
        ...withBaseline([], baseline ? [wipTotal(baseline)] : null),
        ...bandLayer(view, 'wipLines', 'Undeployed code', PALETTE.sky),
        ...wipLayers(view),
        wipTotal(view),
      ],
    },
    {
      id: 'deploymentSize',
      title: 'Deployment size, release by release',
      yLabel: 'lines',
      days,
      markers,
      explanation:
        'How much code each deployment carries. Bigger deployments hide more defects and take longer to diagnose.',
      layers: withBaseline([sizeDots(view)], baseline ? [sizeDots(baseline)] : null),
    },
    {
      id: 'failureRate',
      title: 'Change failure rate',
      yLabel: '% failing',
      days,
      markers,
      format: (v) => `${Math.round(v)}%`,
      explanation: `Share of deployments that failed in production over the last ${ROLLING_DAYS} working days.`,
      layers: withBaseline([cfr(view)], baseline ? [cfr(baseline)] : null),
    },
    {
      id: 'leadTime',
      title: 'Lead time for changes',
      yLabel: 'calendar days',
      days,
      markers,
      explanation:
        'How long code took from commit to production in the latest release: half of it within the median, nine tenths within p90.',
      layers: withBaseline(leadLayers(view), baseline ? [leadLayers(baseline)[0]] : null),
    },
    {
      id: 'restore',
      title: 'Time to restore service',
      yLabel: 'calendar hours',
      days,
      markers,
      explanation:
        'Each failed deployment: hours until service was restored (detect, diagnose among the changes, roll back or hotfix).',
      layers: withBaseline([restoreDots(view)], baseline ? [restoreDots(baseline)] : null),
    },
    {
      id: 'capacity',
      title: 'Where the engineers’ time goes',
      yLabel: 'engineers',
      days,
      stacked: true,
      markers,
      explanation:
        'The team’s time by use, in priority order: fire fighting and fixes come first, feature work gets what is left.',
      layers: capacityLayers(view),
    },
    {
      id: 'interval',
      title: 'Release interval: as set, and as it is',
      yLabel: 'working days',
      days,
      markers,
      explanation:
        'The interval the organisation sets (the train’s, stretched by caution after failures) and the gap between releases as it is: when a release is still in test at the next cut, the gap grows past the interval.',
      layers: [
        ...bandLayer(view, 'releaseIntervalDays', 'Interval', PALETTE.sky),
        ...withBaseline([interval(view), gap(view)], baseline ? [gap(baseline)] : null),
      ],
    },
  ];
}
