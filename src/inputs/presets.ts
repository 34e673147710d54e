import { escapeSteps, type Intervention } from './interventions.ts';
import { defaultParams, type Params, resolveParams } from './params.ts';
import { DEFAULT_DAYS } from './run-length.ts';

/** A named starting point: parameters, optional interventions, and why its values are what they are. */
export interface Preset {
  readonly id: string;
  readonly label: string;
  readonly summary: string;
  /** Why the values are what they are: the sources and the calibration. */
  readonly why: string;
  readonly params: Partial<Params>;
  readonly interventions?: readonly Intervention[];
  /** Run length that tells the story, in working days. */
  readonly days?: number;
}

const fragileTeam: Partial<Params> = {
  teamSize: 10,
  releasePolicy: 'train',
  releaseIntervalDays: 10,
  branchLifetimeDays: 2,
  testAutomation: 0.3,
  automationShare: 0,
  regressionPassDays: 2,
  regressionPasses: 1,
  maxExtraPasses: 1,
  stabilisationShare: 0.365,
  approvalWaitDays: 1,
  handoffs: 1,
  fearResponse: 0.3,
  pressureDefectFactor: 1,
};

/** The shock that tips the fragile team: one release is held for seven weeks (35 working days). */
const slippedRelease: Intervention = { type: 'releaseSlip', day: 100, days: 35 };

/** Every preset: the four DORA levels, then the story of a team spiralling and recovering. */
export const PRESETS: readonly Preset[] = [
  {
    id: 'elite',
    label: 'Elite (DORA)',
    summary: 'Trunk-based, continuous deployment, high automation, rollback in minutes.',
    why: 'DORA 2023 elite: deploys on demand, lead time under a day, 5% failures, recovery under an hour. Branches live half a day and each change ships on its own through an automated pipeline with no approval board or hand-offs (DORA 2019 found approval boards no safer). Automation at 0.9 with 15% of the team maintaining it (elite teams spend more time on new work and improvement, DORA 2018); monitoring notices a failure in minutes and rollback takes a quarter of an hour. Its few failures are mostly deployment errors, not code: each change is tiny.',
    params: {
      releasePolicy: 'continuous',
      branchLifetimeDays: 0.5,
      testAutomation: 0.9,
      automationShare: 0.15,
      regressionPasses: 0,
      approvalWaitDays: 0,
      handoffs: 0,
      deployHours: 0.5,
      detectionHours: 0.25,
      rollbackHours: 0.25,
    },
  },
  {
    id: 'high',
    label: 'High (DORA)',
    summary: 'Releases every three days, mostly automated tests, light approval, rollback.',
    why: 'DORA 2023 high: daily to weekly deploys, lead time a day to a week, 10% failures, recovery within a day. A three-day train with test automation at 0.7, a one-day manual pass retested (up to three times) while it finds blockers, a half-day approval and one hand-off; monitoring within the hour and rollback available.',
    params: {
      releasePolicy: 'train',
      releaseIntervalDays: 3,
      branchLifetimeDays: 1,
      testAutomation: 0.7,
      automationShare: 0.05,
      regressionPassDays: 1,
      regressionPasses: 1,
      maxExtraPasses: 3,
      approvalWaitDays: 0.5,
      handoffs: 1,
      handoffWaitDays: 0.25,
      deployHours: 1,
      detectionHours: 1,
      rollbackHours: 1,
    },
  },
  {
    id: 'medium',
    label: 'Medium (DORA)',
    summary: 'Two-week train, mostly manual testing, an approval and two hand-offs.',
    why: 'DORA 2023 medium: weekly to monthly deploys, lead time a week to a month, 15% failures, recovery a day to a week. DORA 2018 found medium performers the most manual (half of testing, three quarters of approvals): a ten-day train, test automation at 0.3, a two-day manual pass retested once if it finds a blocker, a one-day approval and two hand-offs. Rollback exists, but failures are noticed hours late and diagnosed among a fortnight of code.',
    params: {
      releasePolicy: 'train',
      releaseIntervalDays: 10,
      branchLifetimeDays: 2,
      testAutomation: 0.3,
      automationShare: 0.05,
      regressionPassDays: 2,
      regressionPasses: 1,
      maxExtraPasses: 1,
      approvalWaitDays: 1,
      handoffs: 2,
      handoffWaitDays: 0.5,
      deployHours: 4,
      detectionHours: 16,
      rollbackHours: 2,
    },
  },
  {
    id: 'low',
    label: 'Low (DORA)',
    summary: 'A 12-day train, manual testing shipped on the date, no rollback: months to recover.',
    why: 'DORA 2023 low: weekly to monthly deploys, lead time a week to a month, 64% failures, recovery one to six months. Fourteen engineers on a 12-day train with little test automation (0.15), one manual pass and no retest (the release ships on its date), three-day branches, a half-day approval and one hand-off, deployments by hand (eight hours). There is no rollback and users notice a degradation four days late: an outage gets a hotfix through the whole pipeline, and a degradation waits for the next release to carry its fix, which is what makes recovery take months.',
    params: {
      releasePolicy: 'train',
      teamSize: 14,
      releaseIntervalDays: 12,
      branchLifetimeDays: 3,
      testAutomation: 0.15,
      automationShare: 0,
      regressionPassDays: 1.5,
      regressionPasses: 1,
      maxExtraPasses: 0,
      approvalWaitDays: 0.5,
      stabilisationShare: 0.27,
      handoffs: 1,
      handoffWaitDays: 0.5,
      deployHours: 8,
      detectionHours: 96,
      rollbackAvailable: false,
    },
  },
  {
    id: 'spiral',
    label: 'Story: one slip tips the team',
    summary: 'A team near its tipping point: one release is held seven weeks and it spirals.',
    why: "Ten engineers on a ten-day train that works: a two-day manual pass, retested once if it finds a blocker, then fixes. But each defect takes longer to fix the more days of work its release holds, so a release's stabilisation time grows faster than its size. The team is steady at about 4,000 lines a release. One release is held for seven weeks: the next one carries over four times the usual code, takes months to stabilise, so the following cut waits and is bigger still: the deployment death spiral. Without the slip the same team stays put in most seeds.",
    params: fragileTeam,
    interventions: [slippedRelease],
    days: DEFAULT_DAYS,
  },
  {
    id: 'recovery',
    label: 'Story: the way out',
    summary: 'The same team, with the four escape steps applied once it is spiralling.',
    why: 'The spiralling team of the previous story, with the escape steps from day 160, once it is spiralling: a merge freeze on all but must-have code for twenty days, 30% of the team on automation, then a five-day train as a forcing function, then approvals removed and hand-offs collapsed into one cross-functional team. Deployments shrink, automation climbs and lead time falls below where it started: the virtuous spiral.',
    params: fragileTeam,
    interventions: [slippedRelease, ...escapeSteps(160)],
    days: DEFAULT_DAYS,
  },
];

/** Preset ids, for flags and messages. */
export const PRESET_IDS: readonly string[] = PRESETS.map((preset) => preset.id);

/** The preset with this id, if there is one. */
export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}

/** A preset's full parameter set: the defaults with its values over them. */
export function presetParams(preset: Preset): Params {
  return resolveParams(preset.params, defaultParams(), `preset ${preset.id}`);
}
