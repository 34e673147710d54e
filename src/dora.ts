/** Calendar days per working day: five working days fill seven calendar days. */
export const CALENDAR_DAYS_PER_WORKING_DAY = 7 / 5;

/** Converts a span of working days to calendar days, as DORA's survey figures are reported. */
export function toCalendarDays(workingDays: number): number {
  return workingDays * CALENDAR_DAYS_PER_WORKING_DAY;
}

/** The four DORA performance levels, best first. */
export type DoraLevel = 'elite' | 'high' | 'medium' | 'low';

/** DORA report years whose cluster table the classification can use. */
export type DoraYear = 2021 | 2023;

/** The levels, best first. */
export const DORA_LEVELS: readonly DoraLevel[] = ['elite', 'high', 'medium', 'low'];

/** DORA's survey answer buckets for lead time and recovery time, in calendar hours, fastest first. */
export const DURATION_BUCKETS = [
  { label: '< 1 hour', upToHours: 1 },
  { label: '< 1 day', upToHours: 24 },
  { label: '1 day – 1 week', upToHours: 24 * 7 },
  { label: '1 week – 1 month', upToHours: 24 * 30 },
  { label: '1 – 6 months', upToHours: 24 * 182 },
  { label: '> 6 months', upToHours: Number.POSITIVE_INFINITY },
] as const;

/** DORA's survey answer buckets for deployment frequency, in deployments per calendar week, most frequent first. */
export const FREQUENCY_BUCKETS = [
  { label: 'on demand (several a day)', atLeastPerWeek: 7 },
  { label: 'daily – weekly', atLeastPerWeek: 1 },
  { label: 'weekly – monthly', atLeastPerWeek: 7 / 30 },
  { label: 'monthly – 6-monthly', atLeastPerWeek: 7 / 182 },
  { label: '< 6-monthly', atLeastPerWeek: 0 },
] as const;

/** Index of the duration bucket a figure in calendar hours falls in (0 = fastest). */
export function durationBucket(hours: number): number {
  const index = DURATION_BUCKETS.findIndex((bucket) => hours < bucket.upToHours);
  return index === -1 ? DURATION_BUCKETS.length - 1 : index;
}

/** Index of the frequency bucket a deployment rate falls in (0 = on demand). */
export function frequencyBucket(deploymentsPerWeek: number): number {
  const index = FREQUENCY_BUCKETS.findIndex(
    (bucket) => deploymentsPerWeek >= bucket.atLeastPerWeek,
  );
  return index === -1 ? FREQUENCY_BUCKETS.length - 1 : index;
}

/** One level's row in a DORA table: the bucket ranges it spans and its change failure rate range. */
export interface DoraRow {
  readonly level: DoraLevel;
  /** Frequency bucket indices [best, worst] this level spans. */
  readonly frequency: readonly [number, number];
  /** Lead-time bucket indices [best, worst]. */
  readonly leadTime: readonly [number, number];
  /** Recovery-time bucket indices [best, worst]. */
  readonly recovery: readonly [number, number];
  /** Change failure rate range, 0–1. */
  readonly changeFailureRate: readonly [number, number];
}

/** DORA's cluster tables by report year (2023 is the default; 2021 is the one the seed article cites). */
export const DORA_TABLES: Readonly<Record<DoraYear, readonly DoraRow[]>> = {
  2023: [
    {
      level: 'elite',
      frequency: [0, 0],
      leadTime: [0, 1],
      recovery: [0, 0],
      changeFailureRate: [0.05, 0.05],
    },
    {
      level: 'high',
      frequency: [1, 1],
      leadTime: [2, 2],
      recovery: [1, 1],
      changeFailureRate: [0.1, 0.1],
    },
    {
      level: 'medium',
      frequency: [2, 2],
      leadTime: [3, 3],
      recovery: [2, 2],
      changeFailureRate: [0.15, 0.15],
    },
    {
      level: 'low',
      frequency: [2, 2],
      leadTime: [3, 3],
      recovery: [4, 4],
      changeFailureRate: [0.64, 0.64],
    },
  ],
  2021: [
    {
      level: 'elite',
      frequency: [0, 0],
      leadTime: [0, 0],
      recovery: [0, 0],
      changeFailureRate: [0, 0.15],
    },
    {
      level: 'high',
      frequency: [2, 2],
      leadTime: [2, 2],
      recovery: [1, 1],
      changeFailureRate: [0.16, 0.3],
    },
    {
      level: 'medium',
      frequency: [3, 3],
      leadTime: [4, 4],
      recovery: [2, 2],
      changeFailureRate: [0.16, 0.3],
    },
    {
      level: 'low',
      frequency: [4, 4],
      leadTime: [5, 5],
      recovery: [5, 5],
      changeFailureRate: [0.16, 0.3],
    },
  ],
};

/** The four DORA metrics in calendar units, as the classification reads them. */
export interface DoraFigures {
  readonly deploymentsPerWeek: number;
  readonly leadTimeHours: number;
  readonly changeFailureRate: number;
  readonly timeToRestoreHours: number;
}

/**
 * A classification: the overall level, and for each metric the levels whose range it falls in
 * (several when the table shares a bucket between levels; the nearest one when none does).
 */
export interface DoraClassification {
  readonly level: DoraLevel;
  readonly deploymentFrequency: readonly DoraLevel[];
  readonly leadTime: readonly DoraLevel[];
  readonly changeFailureRate: readonly DoraLevel[];
  readonly timeToRestore: readonly DoraLevel[];
}

function bucketDistance(index: number, range: readonly [number, number]): number {
  if (index < range[0]) return range[0] - index;
  if (index > range[1]) return index - range[1];
  return 0;
}

function rateDistance(rate: number, range: readonly [number, number]): number {
  // Twenty-five points of failure rate weigh as much as one survey bucket: DORA's clusters
  // differ far less in failure rate than in speed.
  if (rate < range[0]) return (range[0] - rate) * 4;
  if (rate > range[1]) return (rate - range[1]) * 4;
  return 0;
}

function matchingLevels(
  table: readonly DoraRow[],
  distance: (row: DoraRow) => number,
): DoraLevel[] {
  const levels = table.filter((row) => distance(row) === 0).map((row) => row.level);
  return levels.length > 0 ? levels : [nearestLevel(table, distance)];
}

function nearestLevel(table: readonly DoraRow[], distance: (row: DoraRow) => number): DoraLevel {
  let best = table[0];
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const row of table) {
    const d = distance(row);
    // Strictly better only: ties go to the better level, which is listed first.
    if (d < bestDistance - 1e-12) {
      best = row;
      bestDistance = d;
    }
  }
  return best.level;
}

/**
 * Classifies calendar-time metrics into a DORA level: each metric by its survey bucket, and the
 * overall level as the row nearest to all four at once (bucket steps, 25 CFR points per step).
 */
export function classifyDora(figures: DoraFigures, year: DoraYear = 2023): DoraClassification {
  const table = DORA_TABLES[year];
  const frequency = frequencyBucket(figures.deploymentsPerWeek);
  const lead = durationBucket(figures.leadTimeHours);
  const restore = durationBucket(figures.timeToRestoreHours);
  const cfr = figures.changeFailureRate;
  const perMetric = {
    deploymentFrequency: matchingLevels(table, (row) => bucketDistance(frequency, row.frequency)),
    leadTime: matchingLevels(table, (row) => bucketDistance(lead, row.leadTime)),
    changeFailureRate: [nearestLevel(table, (row) => rateDistance(cfr, row.changeFailureRate))],
    timeToRestore: matchingLevels(table, (row) => bucketDistance(restore, row.recovery)),
  };
  const level = nearestLevel(
    table,
    (row) =>
      bucketDistance(frequency, row.frequency) +
      bucketDistance(lead, row.leadTime) +
      bucketDistance(restore, row.recovery) +
      rateDistance(cfr, row.changeFailureRate),
  );
  return { level, ...perMetric };
}
