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
  /** Change failure rates, 0–1, that count as this level's. */
  readonly changeFailureRate: readonly [number, number];
  /** The failure rate the report gives for the level (the middle of its range for 2021). */
  readonly typicalChangeFailureRate: number;
}

/**
 * DORA's cluster tables by report year (2023 is the default; 2021 is the one the seed article
 * cites). The 2023 report gives each cluster one typical failure rate (5, 10, 15, 64%); a rate
 * within five points of it counts as that cluster's (the report rounds to five points), and
 * between medium and low, far from both, the rate goes to the nearer one.
 */
export const DORA_TABLES: Readonly<Record<DoraYear, readonly DoraRow[]>> = {
  2023: [
    {
      level: 'elite',
      frequency: [0, 0],
      leadTime: [0, 1],
      recovery: [0, 0],
      changeFailureRate: [0, 0.1],
      typicalChangeFailureRate: 0.05,
    },
    {
      level: 'high',
      frequency: [1, 1],
      leadTime: [2, 2],
      recovery: [1, 1],
      changeFailureRate: [0.05, 0.15],
      typicalChangeFailureRate: 0.1,
    },
    {
      level: 'medium',
      frequency: [2, 2],
      leadTime: [3, 3],
      recovery: [2, 2],
      changeFailureRate: [0.1, 0.395],
      typicalChangeFailureRate: 0.15,
    },
    {
      level: 'low',
      frequency: [2, 2],
      leadTime: [3, 3],
      recovery: [4, 4],
      changeFailureRate: [0.395, 1],
      typicalChangeFailureRate: 0.64,
    },
  ],
  2021: [
    {
      level: 'elite',
      frequency: [0, 0],
      leadTime: [0, 0],
      recovery: [0, 0],
      changeFailureRate: [0, 0.15],
      typicalChangeFailureRate: 0.075,
    },
    {
      level: 'high',
      frequency: [2, 2],
      leadTime: [2, 2],
      recovery: [1, 1],
      changeFailureRate: [0.16, 0.3],
      typicalChangeFailureRate: 0.23,
    },
    {
      level: 'medium',
      frequency: [3, 3],
      leadTime: [4, 4],
      recovery: [2, 2],
      changeFailureRate: [0.16, 0.3],
      typicalChangeFailureRate: 0.23,
    },
    {
      level: 'low',
      frequency: [4, 4],
      leadTime: [5, 5],
      recovery: [5, 5],
      changeFailureRate: [0.16, 0.3],
      typicalChangeFailureRate: 0.23,
    },
  ],
};

/** The four DORA metrics in calendar units, as the classification reads them; null when there is nothing to measure. */
export interface DoraFigures {
  readonly deploymentsPerWeek: number;
  readonly leadTimeHours: number | null;
  readonly changeFailureRate: number | null;
  readonly timeToRestoreHours: number | null;
}

/** A verdict: one of DORA's levels, or none when the team deployed nothing to judge. */
export type DoraRating = DoraLevel | 'none';

/**
 * A classification: the overall level, and for each metric the levels whose range it falls in
 * (several when the table shares a bucket between levels; empty when the metric has no value).
 */
export interface DoraClassification {
  readonly level: DoraRating;
  readonly deploymentFrequency: readonly DoraLevel[];
  readonly leadTime: readonly DoraLevel[];
  readonly changeFailureRate: readonly DoraLevel[];
  readonly timeToRestore: readonly DoraLevel[];
}

/**
 * The levels a survey bucket falls in. DORA's rows are bars to clear: a bucket no row holds is
 * rated by the worse of its neighbours (it does not clear the better one's bar), and a bucket
 * beyond the worst row is the worst level, never the nearest.
 */
export function bucketLevels(
  table: readonly DoraRow[],
  index: number,
  range: (row: DoraRow) => readonly [number, number],
): DoraLevel[] {
  const holding = table.filter((row) => index >= range(row)[0] && index <= range(row)[1]);
  if (holding.length > 0) return holding.map((row) => row.level);
  const worseRow = table.find((row) => range(row)[0] > index);
  return [(worseRow ?? table[table.length - 1]).level];
}

/**
 * The levels a change failure rate falls in: the rows whose range holds it; a rate in a gap goes
 * to the worse neighbour and one beyond every row to the worst level, as for the buckets.
 */
export function failureRateLevels(table: readonly DoraRow[], rate: number): DoraLevel[] {
  const holding = table.filter(
    (row) => rate >= row.changeFailureRate[0] - 1e-12 && rate <= row.changeFailureRate[1] + 1e-12,
  );
  if (holding.length > 0) return holding.map((row) => row.level);
  const worseRow = table.find((row) => row.changeFailureRate[0] > rate);
  return [(worseRow ?? table[table.length - 1]).level];
}

const RANK: Readonly<Record<DoraLevel, number>> = { elite: 0, high: 1, medium: 2, low: 3 };

/** The better of the levels a metric falls in (a shared bucket is read in the team's favour). */
function bestOf(levels: readonly DoraLevel[]): DoraLevel {
  return levels.reduce((a, b) => (RANK[b] < RANK[a] ? b : a));
}

/**
 * Classifies calendar-time metrics into a DORA level: each metric by its survey bucket (change
 * failure rate by its range), and the overall level as the worst of the four, so a team is never
 * rated better than its weakest metric. With no deployments there is nothing to judge: "none".
 */
export function classifyDora(figures: DoraFigures, year: DoraYear = 2023): DoraClassification {
  const table = DORA_TABLES[year];
  if (!(figures.deploymentsPerWeek > 0)) {
    return {
      level: 'none',
      deploymentFrequency: [],
      leadTime: [],
      changeFailureRate: [],
      timeToRestore: [],
    };
  }
  const { leadTimeHours, changeFailureRate, timeToRestoreHours } = figures;
  const perMetric = {
    deploymentFrequency: bucketLevels(
      table,
      frequencyBucket(figures.deploymentsPerWeek),
      (row) => row.frequency,
    ),
    leadTime:
      leadTimeHours === null
        ? []
        : bucketLevels(table, durationBucket(leadTimeHours), (row) => row.leadTime),
    changeFailureRate:
      changeFailureRate === null ? [] : failureRateLevels(table, changeFailureRate),
    timeToRestore:
      timeToRestoreHours === null
        ? []
        : bucketLevels(table, durationBucket(timeToRestoreHours), (row) => row.recovery),
  };
  let level: DoraLevel = 'elite';
  for (const levels of Object.values(perMetric)) {
    if (levels.length === 0) continue;
    const metric = bestOf(levels);
    if (RANK[metric] > RANK[level]) level = metric;
  }
  return { level, ...perMetric };
}
