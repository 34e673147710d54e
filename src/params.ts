import { InputError, suggestNearest } from './errors';

/** How a parameter's value is read and shown. */
export type ParamKind = 'number' | 'integer' | 'boolean' | 'choice';

/** Where a default value comes from: published data, or a judgement the user should calibrate. */
export type ParamSource = 'sourced' | 'calibrate';

/** The groups the UI and the docs arrange parameters in. */
export type ParamGroup = 'team' | 'code' | 'testing' | 'production' | 'reflexes' | 'economics';

/** One row of the parameter table: everything validation, controls, URLs, flags and docs need. */
export interface ParamSpec {
  readonly id: ParamId;
  readonly label: string;
  readonly unit: string;
  readonly group: ParamGroup;
  readonly kind: ParamKind;
  readonly default: number | boolean | string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly choices?: readonly string[];
  readonly source: ParamSource;
  readonly help: string;
}

/** How releases are cut: a fixed train, when the previous one is out, or each change on its own. */
export type ReleasePolicy = 'train' | 'whenStable' | 'continuous';

/** Every model parameter with its type; the ids are part of the public scenario format. */
export interface Params {
  teamSize: number;
  linesPerEngineerDay: number;
  automationShare: number;
  protectImprovement: boolean;
  defectsPerKloc: number;
  branchLifetimeDays: number;
  reviewDetection: number;
  mergeCostPerBranchDay: number;
  integrationDefectsPerBranchDay: number;
  densitySizeExponent: number;
  releasePolicy: ReleasePolicy;
  releaseIntervalDays: number;
  testAutomation: number;
  automatedDetection: number;
  regressionPassDays: number;
  regressionPasses: number;
  manualTesters: number;
  manualDetection: number;
  maxExtraPasses: number;
  fixDaysPerDefect: number;
  fixGrowthPerChange: number;
  stabilisationCrew: number;
  badFixRate: number;
  approvalWaitDays: number;
  handoffs: number;
  handoffWaitDays: number;
  handoffUtilisation: number;
  deployHours: number;
  failureShare: number;
  deployErrorRate: number;
  rollbackAvailable: boolean;
  rollbackHours: number;
  detectionHours: number;
  diagnosisHoursPerChange: number;
  responders: number;
  productionFixMultiplier: number;
  defectDiscoveryPerDay: number;
  fearResponse: number;
  cautionMemoryDays: number;
  learningResponse: number;
  pressureDefectFactor: number;
  contextSwitchCost: number;
  linesPerWorkItem: number;
  automationGainPerEngineerDay: number;
  automationErosionPerKloc: number;
  holdingCostPerKlocDay: number;
  deployTransactionCost: number;
  outageCostPerHour: number;
}

/** A parameter's id. */
export type ParamId = keyof Params;

const share = { min: 0, max: 1, step: 0.01, unit: 'share (0–1)' } as const;

/** The one table of parameters, in the order the UI and docs show them. */
export const PARAMS: readonly ParamSpec[] = [
  // Team
  {
    id: 'teamSize',
    label: 'Team size',
    unit: 'engineers',
    group: 'team',
    kind: 'integer',
    default: 8,
    min: 0,
    max: 500,
    step: 1,
    source: 'calibrate',
    help: 'Engineers sharing the code base, its pipeline and its incidents.',
  },
  {
    id: 'linesPerEngineerDay',
    label: 'Output per engineer',
    unit: 'lines/engineer-day',
    group: 'team',
    kind: 'number',
    default: 60,
    min: 0,
    max: 2000,
    step: 5,
    source: 'calibrate',
    help: 'Net lines of feature code an engineer merges in a day of undisturbed feature work.',
  },
  {
    id: 'automationShare',
    label: 'Share on automation',
    ...share,
    group: 'team',
    kind: 'number',
    default: 0.1,
    source: 'calibrate',
    help: 'Share of the team assigned to test and pipeline automation (improvement work).',
  },
  {
    id: 'protectImprovement',
    label: 'Protect improvement time',
    unit: 'yes/no',
    group: 'team',
    kind: 'boolean',
    default: false,
    min: 0,
    max: 1,
    step: 1,
    source: 'sourced',
    help: 'When on, improvement time is set aside before fire fighting can take it (the way out of the capability trap).',
  },
  // Code and branches
  {
    id: 'defectsPerKloc',
    label: 'Defects injected',
    unit: 'defects/KLOC',
    group: 'code',
    kind: 'number',
    default: 10,
    min: 0,
    max: 200,
    step: 0.5,
    source: 'sourced',
    help: 'Defects written per thousand lines before any review or test (delivered code carries 1–25/KLOC; McConnell).',
  },
  {
    id: 'branchLifetimeDays',
    label: 'Branch lifetime',
    unit: 'working days',
    group: 'code',
    kind: 'number',
    default: 1,
    min: 0,
    max: 60,
    step: 0.25,
    source: 'sourced',
    help: 'How long a branch lives before it merges; trunk-based development keeps it under a day.',
  },
  {
    id: 'reviewDetection',
    label: 'Review catches',
    ...share,
    group: 'code',
    kind: 'number',
    default: 0.25,
    source: 'sourced',
    help: 'Share of defects an informal code review catches at merge (25% modal); falls for changes over 400 lines.',
  },
  {
    id: 'mergeCostPerBranchDay',
    label: 'Merge cost',
    unit: 'share of coding per branch-day',
    group: 'code',
    kind: 'number',
    default: 0.01,
    min: 0,
    max: 0.1,
    step: 0.001,
    source: 'calibrate',
    help: 'Coding effort lost to merging and rebasing, per day a branch lives.',
  },
  {
    id: 'integrationDefectsPerBranchDay',
    label: 'Integration defects',
    unit: 'extra density per branch-day',
    group: 'code',
    kind: 'number',
    default: 0.02,
    min: 0,
    max: 0.5,
    step: 0.005,
    source: 'calibrate',
    help: 'Relative rise in defect density per day a branch lives, from late integration.',
  },
  {
    id: 'densitySizeExponent',
    label: 'Density growth with size',
    unit: 'exponent',
    group: 'code',
    kind: 'number',
    default: 0,
    min: 0,
    max: 1,
    step: 0.05,
    source: 'sourced',
    help: 'Extra defects from changes interacting in big deployments; 0 by default because rapid-release studies found none.',
  },
  // Testing and release
  {
    id: 'releasePolicy',
    label: 'Release policy',
    unit: 'policy',
    group: 'testing',
    kind: 'choice',
    default: 'train',
    min: 0,
    max: 2,
    step: 1,
    choices: ['train', 'whenStable', 'continuous'],
    source: 'sourced',
    help: 'train: a release is cut every interval; whenStable: the next is cut when the last is out; continuous: each change ships on its own.',
  },
  {
    id: 'releaseIntervalDays',
    label: 'Release interval',
    unit: 'working days',
    group: 'testing',
    kind: 'number',
    default: 10,
    min: 0.2,
    max: 260,
    step: 0.2,
    source: 'calibrate',
    help: 'Days between release cuts on a train; a cut waits while the previous release is still in the pipeline.',
  },
  {
    id: 'testAutomation',
    label: 'Test automation',
    ...share,
    group: 'testing',
    kind: 'number',
    default: 0.3,
    source: 'calibrate',
    help: 'Starting automation level: shortens manual passes, raises detection, speeds deploys and restores.',
  },
  {
    id: 'automatedDetection',
    label: 'Automated tests catch',
    ...share,
    group: 'testing',
    kind: 'number',
    default: 0.6,
    source: 'sourced',
    help: 'Share of defects automated tests catch at full automation (unit 30% and integration 35% combine to about 55%).',
  },
  {
    id: 'regressionPassDays',
    label: 'Manual regression pass',
    unit: 'working days',
    group: 'testing',
    kind: 'number',
    default: 5,
    min: 0,
    max: 60,
    step: 0.5,
    source: 'calibrate',
    help: 'Length of one full manual regression pass at zero automation.',
  },
  {
    id: 'regressionPasses',
    label: 'Planned regression passes',
    unit: 'passes/release',
    group: 'testing',
    kind: 'integer',
    default: 1,
    min: 0,
    max: 10,
    step: 1,
    source: 'calibrate',
    help: 'Manual passes every release gets before it may ship.',
  },
  {
    id: 'manualTesters',
    label: 'Manual testers',
    unit: 'engineers',
    group: 'testing',
    kind: 'number',
    default: 2,
    min: 0,
    max: 100,
    step: 0.5,
    source: 'calibrate',
    help: 'People a manual pass needs; with fewer available the pass runs slower.',
  },
  {
    id: 'manualDetection',
    label: 'Manual pass catches',
    ...share,
    group: 'testing',
    kind: 'number',
    default: 0.35,
    source: 'sourced',
    help: 'Share of remaining defects one manual pass finds (regression 25%, system test 40%).',
  },
  {
    id: 'maxExtraPasses',
    label: 'Retest limit',
    unit: 'extra passes',
    group: 'testing',
    kind: 'integer',
    default: 3,
    min: 0,
    max: 20,
    step: 1,
    source: 'calibrate',
    help: 'Extra passes run after the planned ones while each pass still finds defects; then the release ships.',
  },
  {
    id: 'fixDaysPerDefect',
    label: 'Fix effort',
    unit: 'engineer-days/defect',
    group: 'testing',
    kind: 'number',
    default: 0.5,
    min: 0,
    max: 20,
    step: 0.1,
    source: 'calibrate',
    help: 'Effort to fix a defect found before release, before diagnosis among the changes.',
  },
  {
    id: 'fixGrowthPerChange',
    label: 'Fix effort growth',
    unit: 'share per change',
    group: 'testing',
    kind: 'number',
    default: 0.01,
    min: 0,
    max: 0.2,
    step: 0.001,
    source: 'calibrate',
    help: 'Extra fix effort per change in the release: a defect is harder to pin down among more changes.',
  },
  {
    id: 'stabilisationCrew',
    label: 'Stabilisation crew',
    unit: 'engineers',
    group: 'testing',
    kind: 'number',
    default: 3,
    min: 1,
    max: 500,
    step: 1,
    source: 'calibrate',
    help: "Most engineers who can work on one release candidate's defects at once (owners, test environments); the rest keep writing code.",
  },
  {
    id: 'badFixRate',
    label: 'Bad fixes',
    ...share,
    group: 'testing',
    kind: 'number',
    default: 0.1,
    max: 0.6,
    source: 'sourced',
    help: 'Share of fixes that introduce a new defect (8% Jones to 40% Purushothaman & Perry).',
  },
  {
    id: 'approvalWaitDays',
    label: 'Approval wait',
    unit: 'working days',
    group: 'testing',
    kind: 'number',
    default: 1,
    min: 0,
    max: 260,
    step: 0.5,
    source: 'calibrate',
    help: 'Time a release (or a change, when continuous) waits for change approval.',
  },
  {
    id: 'handoffs',
    label: 'Hand-offs',
    unit: 'per release',
    group: 'testing',
    kind: 'integer',
    default: 2,
    min: 0,
    max: 10,
    step: 1,
    source: 'calibrate',
    help: 'Sequential hand-offs to other functions (QA, performance, security, operations) a release waits through.',
  },
  {
    id: 'handoffWaitDays',
    label: 'Hand-off wait',
    unit: 'working days',
    group: 'testing',
    kind: 'number',
    default: 0.5,
    min: 0,
    max: 60,
    step: 0.25,
    source: 'calibrate',
    help: 'Wait at each hand-off when the receiving function is half busy; grows with its utilisation (Kingman).',
  },
  {
    id: 'handoffUtilisation',
    label: 'Receiving functions busy',
    unit: 'utilisation (0–0.95)',
    group: 'testing',
    kind: 'number',
    default: 0.5,
    min: 0,
    max: 0.95,
    step: 0.01,
    source: 'calibrate',
    help: 'Baseline utilisation of the functions a release is handed to; fire fighting adds to it.',
  },
  {
    id: 'deployHours',
    label: 'Deploy time',
    unit: 'hours',
    group: 'testing',
    kind: 'number',
    default: 2,
    min: 0,
    max: 240,
    step: 0.25,
    source: 'calibrate',
    help: 'Time to deploy at zero automation; automation cuts it by up to 90%.',
  },
  // Production
  {
    id: 'failureShare',
    label: 'Failing share of escapes',
    ...share,
    group: 'production',
    kind: 'number',
    default: 0.1,
    source: 'calibrate',
    help: 'Share of escaped defects bad enough to fail the deployment; the rest surface later as bugs.',
  },
  {
    id: 'deployErrorRate',
    label: 'Deploy errors',
    ...share,
    group: 'production',
    kind: 'number',
    default: 0.01,
    max: 0.5,
    source: 'calibrate',
    help: 'Chance a manual deployment fails for a reason other than code; automation removes it.',
  },
  {
    id: 'rollbackAvailable',
    label: 'Rollback available',
    unit: 'yes/no',
    group: 'production',
    kind: 'boolean',
    default: true,
    min: 0,
    max: 1,
    step: 1,
    source: 'sourced',
    help: 'When off, a failed deployment is restored by a hotfix through the normal pipeline.',
  },
  {
    id: 'rollbackHours',
    label: 'Rollback time',
    unit: 'hours',
    group: 'production',
    kind: 'number',
    default: 1,
    min: 0,
    max: 240,
    step: 0.25,
    source: 'calibrate',
    help: 'Time to roll back once the cause is known.',
  },
  {
    id: 'detectionHours',
    label: 'Detection time',
    unit: 'hours',
    group: 'production',
    kind: 'number',
    default: 1,
    min: 0,
    max: 2000,
    step: 0.25,
    source: 'calibrate',
    help: 'Time to notice a failure at zero automation; monitoring that comes with automation halves it.',
  },
  {
    id: 'diagnosisHoursPerChange',
    label: 'Diagnosis per change',
    unit: 'hours/change',
    group: 'production',
    kind: 'number',
    default: 0.25,
    min: 0,
    max: 100,
    step: 0.05,
    source: 'calibrate',
    help: 'Time to rule out one change when diagnosing a failure or a defect: big deployments take longer to diagnose.',
  },
  {
    id: 'responders',
    label: 'Incident responders',
    unit: 'engineers',
    group: 'production',
    kind: 'number',
    default: 2,
    min: 0,
    max: 100,
    step: 0.5,
    source: 'calibrate',
    help: 'Engineers pulled onto each open incident until service is restored.',
  },
  {
    id: 'productionFixMultiplier',
    label: 'Production fix multiplier',
    unit: '× pre-release effort',
    group: 'production',
    kind: 'number',
    default: 3,
    min: 1,
    max: 100,
    step: 0.5,
    source: 'sourced',
    help: 'How much more a defect costs to fix after release (NASA: 29× to 1,500× for requirement errors; 3× is modest).',
  },
  {
    id: 'defectDiscoveryPerDay',
    label: 'Bug reports',
    unit: 'share of latent bugs/day',
    group: 'production',
    kind: 'number',
    default: 0.02,
    min: 0,
    max: 1,
    step: 0.005,
    source: 'calibrate',
    help: 'Share of escaped, non-failing defects users report each day; each becomes a production fix.',
  },
  // Organisation reflexes
  {
    id: 'fearResponse',
    label: '"Be careful" reflex',
    unit: 'caution/failure',
    group: 'reflexes',
    kind: 'number',
    default: 0,
    min: 0,
    max: 5,
    step: 0.05,
    source: 'calibrate',
    help: 'Caution added by each failed deployment: longer release intervals, longer approval waits and extra regression passes. 0 = none.',
  },
  {
    id: 'cautionMemoryDays',
    label: 'Caution memory',
    unit: 'working days',
    group: 'reflexes',
    kind: 'number',
    default: 60,
    min: 1,
    max: 1000,
    step: 1,
    source: 'calibrate',
    help: 'How long the organisation remembers a failure: caution decays with this time constant.',
  },
  {
    id: 'learningResponse',
    label: 'Learning reflex',
    unit: 'engineer-days/failure',
    group: 'reflexes',
    kind: 'number',
    default: 0,
    min: 0,
    max: 20,
    step: 0.5,
    source: 'calibrate',
    help: 'Engineer-days of post-incident review and follow-up automation per failure, on top of planned improvement time and taken from feature work. 0 = none.',
  },
  {
    id: 'pressureDefectFactor',
    label: 'Fire-fighting defects',
    unit: '× density at full fire fighting',
    group: 'reflexes',
    kind: 'number',
    default: 0.5,
    min: 0,
    max: 5,
    step: 0.1,
    source: 'calibrate',
    help: 'Rise in defect injection when the whole team is fire fighting or under a surge (haste makes defects).',
  },
  {
    id: 'contextSwitchCost',
    label: 'Context-switch cost',
    unit: 'share/extra item',
    group: 'reflexes',
    kind: 'number',
    default: 0.085,
    min: 0,
    max: 0.3,
    step: 0.005,
    source: 'sourced',
    help: 'Productivity lost per extra work item an engineer keeps in mind (about 17% at 2–3 items).',
  },
  {
    id: 'linesPerWorkItem',
    label: 'Lines per work item',
    unit: 'lines',
    group: 'reflexes',
    kind: 'number',
    default: 600,
    min: 10,
    max: 100000,
    step: 10,
    source: 'calibrate',
    help: 'Undeployed code per engineer that counts as one item in flight, for context switching.',
  },
  {
    id: 'automationGainPerEngineerDay',
    label: 'Automation gain',
    unit: 'level/engineer-day',
    group: 'reflexes',
    kind: 'number',
    default: 0.002,
    min: 0,
    max: 0.05,
    step: 0.0005,
    source: 'calibrate',
    help: 'Rise in automation level per engineer-day of automation work, from zero automation (gains slow as it nears full).',
  },
  {
    id: 'automationErosionPerKloc',
    label: 'Automation erosion',
    unit: 'share of level/KLOC shipped',
    group: 'reflexes',
    kind: 'number',
    default: 0.0005,
    min: 0,
    max: 0.1,
    step: 0.0005,
    source: 'calibrate',
    help: 'Share of the automation level lost per thousand lines shipped: new code needs new tests.',
  },
  // Economics
  {
    id: 'holdingCostPerKlocDay',
    label: 'Holding cost',
    unit: 'money/KLOC-day',
    group: 'economics',
    kind: 'number',
    default: 50,
    min: 0,
    max: 100000,
    step: 10,
    source: 'calibrate',
    help: 'Cost of a thousand lines written but not in production, per working day (delayed value, risk).',
  },
  {
    id: 'deployTransactionCost',
    label: 'Cost per deployment',
    unit: 'money/deploy',
    group: 'economics',
    kind: 'number',
    default: 500,
    min: 0,
    max: 1000000,
    step: 50,
    source: 'calibrate',
    help: 'Fixed cost of one deployment (coordination, approvals, downtime windows).',
  },
  {
    id: 'outageCostPerHour',
    label: 'Outage cost',
    unit: 'money/hour',
    group: 'economics',
    kind: 'number',
    default: 5000,
    min: 0,
    max: 10000000,
    step: 100,
    source: 'calibrate',
    help: 'Cost of an hour of failed service.',
  },
];

/** The table indexed by id. */
export const PARAM_BY_ID: ReadonlyMap<string, ParamSpec> = new Map(PARAMS.map((p) => [p.id, p]));

/** Every parameter id, in table order. */
export const PARAM_IDS: readonly ParamId[] = PARAMS.map((p) => p.id);

/** The defaults of every parameter, as a fresh object. */
export function defaultParams(): Params {
  const params: Record<string, number | boolean | string> = {};
  for (const spec of PARAMS) params[spec.id] = spec.default;
  return params as unknown as Params;
}

/** The parameter spec for an id, or an InputError naming the nearest valid id. */
export function paramSpec(id: string, field = id): ParamSpec {
  const spec = PARAM_BY_ID.get(id);
  if (!spec) {
    throw new InputError(
      field,
      id,
      `not a parameter${suggestNearest(id, PARAM_IDS)}; see --list-params`,
    );
  }
  return spec;
}

/** What a parameter accepts, phrased for an error message. */
export function allowedText(spec: ParamSpec): string {
  switch (spec.kind) {
    case 'boolean':
      return 'allowed: true or false';
    case 'choice':
      return `allowed: one of ${spec.choices!.join(', ')}`;
    case 'integer':
      return `allowed: a whole number from ${spec.min} to ${spec.max} (${spec.unit})`;
    default:
      return `allowed: a number from ${spec.min} to ${spec.max} (${spec.unit})`;
  }
}

/** Checks one value against its spec and returns it typed; throws an InputError otherwise. */
export function validateParam(
  spec: ParamSpec,
  value: unknown,
  field: string = spec.id,
): number | boolean | string {
  const fail = (): never => {
    throw new InputError(field, value, allowedText(spec));
  };
  if (spec.kind === 'boolean') {
    if (typeof value !== 'boolean') fail();
    return value as boolean;
  }
  if (spec.kind === 'choice') {
    if (typeof value !== 'string' || !spec.choices!.includes(value)) fail();
    return value as string;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) fail();
  const number = value as number;
  if (number < spec.min || number > spec.max) fail();
  if (spec.kind === 'integer' && !Number.isInteger(number)) fail();
  return number;
}

/** Parses a value typed as text (a CLI flag or URL) for a parameter, then validates it. */
export function parseParamText(
  spec: ParamSpec,
  text: string,
  field: string = spec.id,
): number | boolean | string {
  const trimmed = text.trim();
  if (spec.kind === 'boolean') {
    if (trimmed === 'true' || trimmed === '1') return true;
    if (trimmed === 'false' || trimmed === '0') return false;
    throw new InputError(field, text, allowedText(spec));
  }
  if (spec.kind === 'choice') return validateParam(spec, trimmed, field);
  const number = trimmed === '' ? Number.NaN : Number(trimmed);
  if (Number.isNaN(number) && trimmed !== 'NaN') {
    throw new InputError(field, text, allowedText(spec));
  }
  return validateParam(spec, number, field);
}

/** Validates a partial set of parameters (from a file or a caller) and fills in the rest from `base`. */
export function resolveParams(
  overrides: unknown,
  base: Params = defaultParams(),
  field = 'params',
): Params {
  if (overrides === undefined) return { ...base };
  if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
    throw new InputError(field, overrides, 'allowed: an object of parameter ids to values');
  }
  const resolved: Record<string, unknown> = { ...base };
  for (const [id, value] of Object.entries(overrides)) {
    const spec = paramSpec(id, `${field}.${id}`);
    resolved[id] = validateParam(spec, value, `${field}.${id}`);
  }
  return resolved as unknown as Params;
}

/** Checks that a complete parameter set is valid; used on every entry to the engine. */
export function assertValidParams(params: Params, field = 'params'): void {
  if (params === null || typeof params !== 'object') {
    throw new InputError(field, params, 'allowed: an object of parameter ids to values');
  }
  for (const key of Object.keys(params)) paramSpec(key, `${field}.${key}`);
  for (const spec of PARAMS) validateParam(spec, params[spec.id], `${field}.${spec.id}`);
}

/** Shows a parameter value as text (URL, CLI, docs). */
export function formatParamValue(value: number | boolean | string): string {
  return typeof value === 'number' ? String(Number(value.toPrecision(10))) : String(value);
}
