import { escapeSteps, type Intervention, standardSlip } from '../../src/index';
import type { ChartId } from '../charts/chart-specs';
import { scenarioFromPreset, type UiScenario } from '../state/scenario';

/** One step of the guided story: the scenario it sets, what it points at and what it says. */
export interface StoryStep {
  title: string;
  caption: string;
  /** The chart the step points at. */
  chart: ChartId;
  /** The feedback loop the step points at, if any. */
  loop: string | null;
  /** Show the run only up to this working day (null: the whole run). */
  day: number | null;
  scenario: () => UiScenario;
}

const SLIP: Intervention = standardSlip();
const [FREEZE, AUTOMATION, CADENCE, NO_APPROVALS, ONE_TEAM] = escapeSteps(160);

/** The fragile team of the spiral story with these interventions, over `days`. */
function fragileTeam(interventions: Intervention[], days = 520): () => UiScenario {
  return () => ({ ...scenarioFromPreset('spiral'), interventions, days });
}

/** The guided story, from a healthy team through the spiral and out again. */
export const STORY_STEPS: readonly StoryStep[] = [
  {
    title: 'A team that works',
    caption:
      'Ten engineers ship a release every two weeks. Each release gets a one-day manual test pass and a few fixes from a small crew, and the code waiting to go out stays level: what is written each fortnight ships the next.',
    chart: 'wip',
    loop: 'B1',
    day: 100,
    scenario: fragileTeam([], 260),
  },
  {
    title: 'One release slips',
    caption:
      'On day 100 a release is held for three weeks: an awkward bug, a missed sign-off. Nobody stops writing code, so the next release carries four weeks of changes instead of two.',
    chart: 'deploymentSize',
    loop: 'R1',
    day: 130,
    scenario: fragileTeam([SLIP], 260),
  },
  {
    title: 'The spiral takes hold',
    caption:
      'A bigger release has more defects to find and fix, and each fix is harder among more changes, so it takes longer than the interval to stabilise. The next cut waits and is bigger still. Undeployed code climbs and never comes back.',
    chart: 'wip',
    loop: 'R1',
    day: null,
    scenario: fragileTeam([SLIP]),
  },
  {
    title: '"Be careful"',
    caption:
      'Every failed deployment makes the organisation more cautious: longer intervals, more approvals, extra test passes. Each reflex makes the next release bigger, and bigger releases fail more.',
    chart: 'interval',
    loop: 'R2',
    day: null,
    scenario: fragileTeam([SLIP]),
  },
  {
    title: 'Fire fighting',
    caption:
      'A failure in a big release takes longer to diagnose: there are more changes to rule out. Outages grow, people are pulled off the release to fight them, and the time meant for automation goes first.',
    chart: 'restore',
    loop: 'R4',
    day: null,
    scenario: fragileTeam([SLIP]),
  },
  {
    title: 'Way out 1: stop merging all but must-have code',
    caption:
      'From day 160 only must-have code merges for four weeks. The rest waits on branches, outside the pipeline, so the release in flight can finally be made stable and shipped.',
    chart: 'wip',
    loop: 'B3',
    day: 220,
    scenario: fragileTeam([SLIP, FREEZE]),
  },
  {
    title: 'Way out 2: invest in automation',
    caption:
      'A third of the team moves to test and pipeline automation. Manual passes shorten, more defects are caught earlier, and restores get faster: the capability trap starts to run backwards.',
    chart: 'capacity',
    loop: 'R3',
    day: 216,
    scenario: fragileTeam([SLIP, FREEZE, AUTOMATION]),
  },
  {
    title: 'Way out 3: release more often, on purpose',
    caption:
      'From day 200 releases are cut every week. Smaller releases are quicker to test and fix, and the tighter rhythm forces the remaining manual steps into the open.',
    chart: 'deploymentSize',
    loop: 'R1',
    day: 270,
    scenario: fragileTeam([SLIP, FREEZE, AUTOMATION, CADENCE]),
  },
  {
    title: 'Way out 4: one team owns the way to production',
    caption:
      'From day 220 manual approvals go and the hand-offs to other functions collapse into one cross-functional team. The waits between stages disappear from the lead time.',
    chart: 'leadTime',
    loop: 'R1',
    day: null,
    scenario: fragileTeam([SLIP, FREEZE, AUTOMATION, CADENCE, NO_APPROVALS, ONE_TEAM]),
  },
  {
    title: 'The virtuous spiral',
    caption:
      'The same loop now runs the other way: small releases ship quickly, fail rarely and are easy to fix, which frees time for more automation, which makes releases smaller and faster still. The team ends better than it started.',
    chart: 'wip',
    loop: 'R1',
    day: null,
    scenario: fragileTeam([SLIP, FREEZE, AUTOMATION, CADENCE, NO_APPROVALS, ONE_TEAM]),
  },
];
