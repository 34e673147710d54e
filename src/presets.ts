import { escapeSteps, type Intervention } from './interventions';
import { defaultParams, type Params, resolveParams } from './params';

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
  branchLifetimeDays: 3,
  testAutomation: 0.3,
  automationShare: 0,
  defectsPerKloc: 5,
  regressionPassDays: 1,
  regressionPasses: 1,
  maxExtraPasses: 2,
  fixDaysPerDefect: 0.25,
  fixGrowthPerChange: 0.155,
  stabilisationCrew: 3,
  approvalWaitDays: 1,
  handoffs: 1,
  failureShare: 0.05,
  rollbackAvailable: false,
  diagnosisHoursPerChange: 1,
  fearResponse: 0.3,
  pressureDefectFactor: 2,
  contextSwitchCost: 0.02,
};

/** The shock that tips the fragile team: one release slips by three weeks. */
const slippedRelease: Intervention = { type: 'releaseSlip', day: 100, days: 15 };

/** Every preset: the four DORA levels, then the story of a team spiralling and recovering. */
export const PRESETS: readonly Preset[] = [
  {
    id: 'elite',
    label: 'Elite (DORA)',
    summary: 'Trunk-based, continuous deployment, high automation, rollback in minutes.',
    why: 'DORA 2023 elite: deploys on demand, lead time under a day, 5% failures, recovery under an hour. Branches live half a day, each change ships on its own through an automated pipeline with no approval board or hand-offs (DORA 2019 found approval boards no safer). Automation at 0.9 with 15% of the team maintaining it (elite teams spend more time on new work and improvement, DORA 2018). Failing share is calibrated so the small changes fail about 5% of the time.',
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
      diagnosisHoursPerChange: 0.1,
      failureShare: 0.45,
      deployErrorRate: 0.02,
    },
  },
  {
    id: 'high',
    label: 'High (DORA)',
    summary: 'Releases every two days, mostly automated tests, light approval, rollback.',
    why: 'DORA 2023 high: daily to weekly deploys, lead time a day to a week, 10% failures, recovery within a day. A two-day train with automation at 0.7, a short manual check, a half-day approval and one hand-off; rollback is available. Failing share calibrated to about 10%.',
    params: {
      releasePolicy: 'train',
      releaseIntervalDays: 3,
      branchLifetimeDays: 1,
      testAutomation: 0.7,
      automationShare: 0.03,
      regressionPassDays: 1,
      maxExtraPasses: 1,
      regressionPasses: 1,
      approvalWaitDays: 0.5,
      handoffs: 1,
      handoffWaitDays: 0.25,
      deployHours: 1,
      detectionHours: 1,
      rollbackHours: 1,
      diagnosisHoursPerChange: 0.25,
      failureShare: 0.045,
    },
  },
  {
    id: 'medium',
    label: 'Medium (DORA)',
    summary: 'Two-week train, half-manual regression, an approval board and hand-offs.',
    why: 'DORA 2023 medium: weekly to monthly deploys, lead time a week to a month, 15% failures, recovery a day to a week. DORA 2018 found medium performers the most manual (half of testing, three quarters of approvals): a ten-day train, automation at 0.3, a five-day manual pass, a two-day approval and two hand-offs. Rollback exists but diagnosis among some sixty changes takes about a day. Failing share calibrated to about 15%.',
    params: {
      releasePolicy: 'train',
      releaseIntervalDays: 10,
      branchLifetimeDays: 2,
      testAutomation: 0.3,
      automationShare: 0.005,
      regressionPassDays: 4,
      regressionPasses: 1,
      maxExtraPasses: 1,
      approvalWaitDays: 1,
      handoffs: 2,
      handoffWaitDays: 0.5,
      deployHours: 4,
      detectionHours: 4,
      rollbackHours: 2,
      diagnosisHoursPerChange: 0.75,
      failureShare: 0.017,
    },
  },
  {
    id: 'low',
    label: 'Low (DORA)',
    summary: 'Three-week train, manual testing, no rollback, slow diagnosis: months to recover.',
    why: 'DORA 2023 low: weekly to monthly deploys, lead time a week to a month, 64% failures, recovery one to six months. Little automation (0.1), two planned manual passes, week-long branches (so reviews of big changes catch less), a three-day approval and three hand-offs. With no rollback and little observability a failure is diagnosed among every change in the release and fixed through the whole pipeline, which is what makes recovery take months. Failing share calibrated to about 64%.',
    params: {
      releasePolicy: 'train',
      releaseIntervalDays: 7,
      branchLifetimeDays: 2,
      testAutomation: 0.1,
      automationShare: 0,
      regressionPassDays: 4,
      regressionPasses: 1,
      maxExtraPasses: 1,
      manualTesters: 3,
      approvalWaitDays: 1,
      handoffs: 2,
      handoffWaitDays: 0.5,
      deployHours: 8,
      detectionHours: 24,
      rollbackAvailable: false,
      diagnosisHoursPerChange: 24,
      failureShare: 0.12,
      stabilisationCrew: 6,
    },
  },
  {
    id: 'spiral',
    label: 'Story: one slip tips the team',
    summary: 'A team near its tipping point: one release slips three weeks and it spirals.',
    why: "A ten-day train that works: a one-day manual pass, then fixes by a crew of three. But each defect takes longer to fix the more changes share its release, so a release's stabilisation time grows with the square of its size, and there is no rollback. The team is stable for years at about 5,000 lines a release. One release slips by three weeks: the next one carries four weeks of code, takes longer than the interval to stabilise, so the following cut waits and is bigger still: the deployment death spiral. Without the slip the same team stays put in most seeds.",
    params: fragileTeam,
    interventions: [slippedRelease],
    days: 520,
  },
  {
    id: 'recovery',
    label: 'Story: the way out',
    summary: 'The same team, with the four escape steps applied once it is spiralling.',
    why: 'The spiralling team of the previous story, with the escape steps from day 160, once it is spiralling: a merge freeze on all but must-have code for twenty days, a third of the team on automation, then a five-day train as a forcing function, then approvals removed and hand-offs collapsed into one cross-functional team. Deployments shrink, automation climbs and lead time falls below where it started: the virtuous spiral.',
    params: fragileTeam,
    interventions: [slippedRelease, ...escapeSteps(160)],
    days: 520,
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
