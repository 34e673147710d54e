/**
 * The per-day outputs of a run, in the order charts and CSV columns show them. Each is a
 * Float64Array on the shared day axis; values are for the working day that ends at index + 1.
 */
export const SERIES = [
  { id: 'wipLines', label: 'Undeployed code (time-averaged)', unit: 'lines' },
  { id: 'wipBranchLines', label: 'On branches', unit: 'lines' },
  { id: 'wipHeldLines', label: 'Held outside the pipeline (freeze)', unit: 'lines' },
  { id: 'wipMergedLines', label: 'Merged, not deployed', unit: 'lines' },
  { id: 'wipCandidateLines', label: 'Release candidate in test', unit: 'lines' },
  { id: 'productionLines', label: 'In production (cumulative)', unit: 'lines' },
  { id: 'linesWritten', label: 'Lines written', unit: 'lines/day' },
  { id: 'linesDeployed', label: 'Lines deployed', unit: 'lines/day' },
  { id: 'deployments', label: 'Deployments', unit: 'deploys/day' },
  { id: 'deploymentSize', label: 'Mean deployment size', unit: 'lines/deploy' },
  { id: 'escapedDefects', label: 'Defects escaped to production', unit: 'defects/day' },
  { id: 'failedDeployments', label: 'Failed deployments', unit: 'deploys/day' },
  { id: 'releasesDelayed', label: 'Releases delayed', unit: 'releases/day' },
  { id: 'incidentsOpen', label: 'Incidents open', unit: 'incidents' },
  { id: 'outageHours', label: 'Failed service (any failure open)', unit: 'calendar hours/day' },
  { id: 'leadTimeDays', label: 'Lead time of code deployed', unit: 'working days' },
  { id: 'restoreHours', label: 'Time to restore of failures', unit: 'calendar hours' },
  { id: 'capacityIncidents', label: 'Capacity: incidents', unit: 'engineers' },
  { id: 'capacityProductionFixes', label: 'Capacity: production fixes', unit: 'engineers' },
  { id: 'capacityStabilisation', label: 'Capacity: stabilising releases', unit: 'engineers' },
  { id: 'capacityManualTesting', label: 'Capacity: manual testing', unit: 'engineers' },
  { id: 'capacityImprovement', label: 'Capacity: improvement', unit: 'engineers' },
  { id: 'capacityOverhead', label: 'Capacity: context switching and merging', unit: 'engineers' },
  { id: 'capacityFeatures', label: 'Capacity: feature work', unit: 'engineers' },
  { id: 'automationLevel', label: 'Test automation', unit: 'level (0–1)' },
  { id: 'releaseIntervalDays', label: 'Release interval in force', unit: 'working days' },
  { id: 'releaseGapDays', label: 'Gap between releases', unit: 'working days' },
  { id: 'caution', label: 'Organisational caution', unit: 'level' },
  { id: 'firefightingShare', label: 'Fire fighting', unit: 'share of team' },
  { id: 'defectDensity', label: 'Defect density injected', unit: 'defects/KLOC' },
  {
    id: 'contextSwitchLoss',
    label: 'Lost to context switching and merging',
    unit: 'share of coding',
  },
  { id: 'candidateDefects', label: 'Latent defects in the release candidate', unit: 'defects' },
  { id: 'holdingCost', label: 'Holding cost', unit: 'cost units/day' },
  { id: 'transactionCost', label: 'Deployment cost', unit: 'cost units/day' },
  { id: 'downtimeCost', label: 'Downtime cost', unit: 'cost units/day' },
] as const;

/** The id of one per-day output. */
export type SeriesId = (typeof SERIES)[number]['id'];

/** Every series id, in table order. */
export const SERIES_IDS: readonly SeriesId[] = SERIES.map((s) => s.id);

/** The capacity series, in priority order; they sum to the team size every day. */
export const CAPACITY_SERIES: readonly SeriesId[] = [
  'capacityIncidents',
  'capacityProductionFixes',
  'capacityStabilisation',
  'capacityManualTesting',
  'capacityImprovement',
  'capacityOverhead',
  'capacityFeatures',
];

/** A run's per-day outputs. */
export type SeriesSet = Record<SeriesId, Float64Array>;

/**
 * Preallocates every series for `days` days. Written out as one literal so the engine's daily
 * writes hit an object with fixed fields instead of a dictionary (three times faster); the
 * series are views on one buffer, one allocation per run instead of one per series.
 */
export function createSeriesSet(days: number): SeriesSet {
  const buffer = new Float64Array(days * SERIES.length);
  let used = 0;
  const column = () => buffer.subarray(days * used, days * ++used);
  return {
    wipLines: column(),
    wipBranchLines: column(),
    wipHeldLines: column(),
    wipMergedLines: column(),
    wipCandidateLines: column(),
    productionLines: column(),
    linesWritten: column(),
    linesDeployed: column(),
    deployments: column(),
    deploymentSize: column(),
    escapedDefects: column(),
    failedDeployments: column(),
    releasesDelayed: column(),
    incidentsOpen: column(),
    outageHours: column(),
    leadTimeDays: column(),
    restoreHours: column(),
    capacityIncidents: column(),
    capacityProductionFixes: column(),
    capacityStabilisation: column(),
    capacityManualTesting: column(),
    capacityImprovement: column(),
    capacityOverhead: column(),
    capacityFeatures: column(),
    automationLevel: column(),
    releaseIntervalDays: column(),
    releaseGapDays: column(),
    caution: column(),
    firefightingShare: column(),
    defectDensity: column(),
    contextSwitchLoss: column(),
    candidateDefects: column(),
    holdingCost: column(),
    transactionCost: column(),
    downtimeCost: column(),
  };
}
