import {
  DEFAULT_DAYS,
  findPreset,
  type Intervention,
  type LoopId,
  toCalendarDays,
} from '../../src/index.ts';
import type { ChartId } from '../charts/chart-specs.ts';
import { scenarioFromPreset, type UiScenario } from '../state/ui-scenario.ts';
import { RECENT_WINDOW_DAYS } from '../worker/protocol.ts';
import {
  dominantOn,
  firstReleaseAfter,
  inWords,
  loopOn,
  meanOf,
  medianReleaseLines,
  releasesBetween,
  type StoryRun,
  spanAdjective,
  spoken,
  wipOn,
  workingSpan,
} from './story-run.ts';

/** A note the step puts on its chart: a point in the run it talks about. */
export interface StoryAnnotation {
  day: number;
  label: string;
}

/** One step of the guided story: the scenario it sets, what it points at and what it says. */
export interface StoryStep {
  title: string;
  /** The caption, with every figure it quotes read from the run shown. */
  caption: (run: StoryRun) => string;
  /**
   * What the caption claims about the run, beyond its figures: tests check it holds in at least
   * 80% of seeds, so the words stay true whichever run a viewer happens to see.
   */
  holds: (run: StoryRun) => boolean;
  /** The chart the step points at. */
  chart: ChartId;
  /** The feedback loop the step outlines, if any. */
  loop: LoopId | null;
  /**
   * Whether the caption says the outlined loop is at work on the step's day (false: it says it
   * is not); tests check the diagram agrees.
   */
  loopAtWork: boolean;
  /** Show the run up to this working day. */
  day: number;
  /** A point the step marks on its chart. */
  annotate?: (run: StoryRun) => StoryAnnotation | null;
  scenario: () => UiScenario;
}

const SPIRAL = findPreset('spiral')!;
const RECOVERY = findPreset('recovery')!;
/** The slip that tips the story's team: the spiral preset's own. */
const SLIP = SPIRAL.interventions![0] as Extract<Intervention, { type: 'releaseSlip' }>;
const ESCAPES = RECOVERY.interventions!.filter((i) => i.type !== 'releaseSlip');

function escapeStep<T extends Intervention['type']>(type: T): Extract<Intervention, { type: T }> {
  return ESCAPES.find((i) => i.type === type) as Extract<Intervention, { type: T }>;
}

const FREEZE = escapeStep('mergeFreeze');
const AUTOMATION = escapeStep('automationPush');
const CADENCE = escapeStep('cadence');
const APPROVALS = escapeStep('removeApprovals');

/** The story's team with these interventions, over `days`. */
function fragileTeam(
  interventions: readonly Intervention[],
  days = DEFAULT_DAYS,
): () => UiScenario {
  return () => ({ ...scenarioFromPreset('spiral'), interventions: [...interventions], days });
}

const slipped = fragileTeam([SLIP]);
const recovering = fragileTeam(RECOVERY.interventions!);

/** The day the story reads the team as it was before the slip. */
const BEFORE = SLIP.day - 5;
/** The day the story shows the steady team up to: long enough for its figures to settle. */
const STEADY_DAY = 150;
/** The day the story shows the spiral feeding itself. */
const SPIRAL_DAY = 220;
/** The day the story shows the team out of the spiral. */
const RECOVERED_DAY = 290;

/** The release the slip held: the first to ship after the slip started. */
const heldRelease = (run: StoryRun) => firstReleaseAfter(run, SLIP.day);
/** The first release cut after the held one shipped: it carries what piled up meanwhile. */
const nextRelease = (run: StoryRun) => {
  const held = heldRelease(run);
  return held ? firstReleaseAfter(run, held.time) : null;
};
const usualSize = (run: StoryRun) => medianReleaseLines(run, 40, SLIP.day);
/** Lines in the release candidate under test on a day. */
const candidateOn = (run: StoryRun, day: number) => run.series.wipCandidateLines[day - 1];

/** The guided story, from a healthy team through the spiral and out again. */
export const STORY_STEPS: readonly StoryStep[] = [
  {
    title: 'A team that works',
    caption: (run) =>
      `${capitalised(inWords(run.params.teamSize))} engineers cut a release every ${workingSpan(run.params.releaseIntervalDays)}. Each gets a ${spanAdjective(run.params.regressionPassDays)} manual test pass, a retest when the pass finds a blocker, and fixes. About ${spoken(medianReleaseLines(run, 40, STEADY_DAY))} lines ship each time and the code waiting to go out stays level, near ${spoken(meanOf(run, 'wipLines', 60, STEADY_DAY))} lines: no feedback loop is running away. Code takes about ${spoken(steadyLeadCalendarDays(run))} calendar days from commit to production, DORA's medium level on the edge of low: the team works, but it is fragile.`,
    holds: (run) =>
      Math.abs(
        meanOf(run, 'wipLines', (60 + STEADY_DAY) / 2, STEADY_DAY) /
          meanOf(run, 'wipLines', 60, (60 + STEADY_DAY) / 2) -
          1,
      ) < 0.25 &&
      dominantOn(run, STEADY_DAY) === null &&
      steadyLeadCalendarDays(run) > 7 &&
      steadyLeadCalendarDays(run) < 45,
    chart: 'wip',
    loop: null,
    loopAtWork: false,
    day: STEADY_DAY,
    scenario: fragileTeam([], 260),
  },
  {
    title: 'One release slips',
    caption: (run) =>
      `On day ${SLIP.day} a release is held for ${workingSpan(SLIP.days)}: an awkward bug, a missed sign-off. Nobody stops writing code, so it piles up behind the held release: by day 150, ${spoken(wipOn(run, 150))} lines wait to go out, ${spoken(wipOn(run, 150) / wipOn(run, BEFORE))} times as much as before the slip. The deployment spiral (R1) has started to turn.`,
    holds: (run) => wipOn(run, 150) > 2 * wipOn(run, BEFORE),
    chart: 'wip',
    loop: 'R1',
    loopAtWork: true,
    day: 150,
    annotate: () => ({ day: SLIP.day, label: `Release held ${workingSpan(SLIP.days)}` }),
    scenario: slipped,
  },
  {
    title: '"Be careful"',
    caption: (run) =>
      `Every failed deployment makes the organisation more cautious: extra test passes, longer approvals, a longer interval. In this team that reflex is not what drives the spiral: releases are now months apart, so failures are rare (${countPhrase(releasesBetween(run, 150, 200).filter((d) => d.failed >= 0.5).length, 'failed deployment')} since day 150) and caution fades between them. The "be careful" loop (R2) is not at work.`,
    holds: (run) => !loopOn(run, 'R2', 200).atWork && releasesBetween(run, 150, 200).length <= 1,
    chart: 'interval',
    loop: 'R2',
    loopAtWork: false,
    day: 200,
    scenario: slipped,
  },
  {
    title: 'Fire fighting',
    caption: (run) =>
      `A failure in a big release takes longer to diagnose: there are more changes to rule out. But with releases this rare, fire fighting has taken ${percentPhrase(meanOf(run, 'capacityIncidents', 150, 200) / run.params.teamSize)} of the team's time since day 150, while testing and stabilising the giant release has taken ${percentPhrase((meanOf(run, 'capacityManualTesting', 150, 200) + meanOf(run, 'capacityStabilisation', 150, 200)) / run.params.teamSize)}. The diagnosis loop (R4) is not at work: the work of each release is.`,
    holds: (run) =>
      !loopOn(run, 'R4', 200).atWork &&
      meanOf(run, 'capacityIncidents', 150, 200) <
        meanOf(run, 'capacityManualTesting', 150, 200) +
          meanOf(run, 'capacityStabilisation', 150, 200),
    chart: 'capacity',
    loop: 'R4',
    loopAtWork: false,
    day: 200,
    scenario: slipped,
  },
  {
    title: 'The spiral takes hold',
    caption: (run) => {
      const next = nextRelease(run);
      const heldShipped = heldRelease(run)?.time ?? SLIP.day;
      if (next && next.time <= SPIRAL_DAY)
        return `The first release cut after the held one carries ${spoken(next.lines)} lines, ${spoken(next.lines / usualSize(run))} times the usual ${spoken(usualSize(run))}. A bigger release has more defects to find, and each one is harder to fix among more changes, so it took ${spoken(next.time - heldShipped)} working days to test and stabilise. Meanwhile the next one grew: the deployment spiral (R1) feeds itself.`;
      return `The release cut after the held one carries ${spoken(candidateOn(run, SPIRAL_DAY))} lines, ${spoken(candidateOn(run, SPIRAL_DAY) / usualSize(run))} times the usual ${spoken(usualSize(run))}. A bigger release has more defects to find, and each one is harder to fix among more changes: it has been in test for ${spoken(SPIRAL_DAY - heldShipped)} working days. Meanwhile the next one grows: the deployment spiral (R1) feeds itself.`;
    },
    holds: (run) => {
      const next = nextRelease(run);
      const lines = next && next.time <= SPIRAL_DAY ? next.lines : candidateOn(run, SPIRAL_DAY);
      return lines > 3 * usualSize(run);
    },
    chart: 'deploymentSize',
    loop: 'R1',
    loopAtWork: true,
    day: SPIRAL_DAY,
    annotate: (run) => {
      const next = nextRelease(run);
      if (next && next.time <= SPIRAL_DAY)
        return {
          day: next.time,
          label: `${spoken(next.lines / usualSize(run))}× the usual release`,
        };
      return { day: SPIRAL_DAY, label: `In test: ${spoken(candidateOn(run, SPIRAL_DAY))} lines` };
    },
    scenario: slipped,
  },
  {
    title: 'Way out 1: stop merging all but must-have code',
    caption: (run) =>
      `From day ${FREEZE.day} only must-have code merges, for ${workingSpan(FREEZE.days)}. The rest waits on branches, outside the pipeline (${spoken(run.series.wipHeldLines[FREEZE.day + FREEZE.days - 2])} lines by day ${FREEZE.day + FREEZE.days - 1}). The release in flight was cut before the freeze, so the freeze loop (B3) is not at work yet: what it buys is a smaller release after this one.`,
    holds: (run) =>
      !loopOn(run, 'B3', FREEZE.day + FREEZE.days).atWork &&
      run.series.wipHeldLines[FREEZE.day + FREEZE.days - 2] > 0,
    chart: 'wip',
    loop: 'B3',
    loopAtWork: false,
    day: FREEZE.day + FREEZE.days,
    scenario: fragileTeam([SLIP, FREEZE]),
  },
  {
    title: 'Way out 2: invest in automation',
    caption: (run) =>
      `From day ${AUTOMATION.day}, ${spoken(100 * AUTOMATION.share)}% of the team works on test and pipeline automation: it climbs from ${spoken(100 * run.series.automationLevel[AUTOMATION.day - 1])}% to ${spoken(100 * run.series.automationLevel[199])}% by day 200. The big release is still in test, so the deployment spiral (R1) still turns; what automation changes is how quickly the releases after it can be tested and fixed.`,
    holds: (run) =>
      run.series.automationLevel[199] > run.series.automationLevel[AUTOMATION.day - 1] + 0.1,
    chart: 'capacity',
    loop: 'R1',
    loopAtWork: true,
    day: 200,
    scenario: fragileTeam([SLIP, FREEZE, AUTOMATION]),
  },
  {
    title: 'Way out 3: release more often, on purpose',
    caption: (run) =>
      `From day ${CADENCE.day} a release is cut every ${workingSpan(CADENCE.releaseIntervalDays)}. Once the big release is out, each one is small (${spoken(medianReleaseLines(run, 280, 300))} lines), quick to test and easy to fix. The deployment spiral (R1) runs the other way.`,
    holds: (run) => {
      const r1 = loopOn(run, 'R1', RECOVERED_DAY);
      return r1.atWork && r1.direction < 0 && medianReleaseLines(run, 280, 300) < usualSize(run);
    },
    chart: 'deploymentSize',
    loop: 'R1',
    loopAtWork: true,
    day: RECOVERED_DAY,
    scenario: fragileTeam([SLIP, FREEZE, AUTOMATION, CADENCE]),
  },
  {
    title: 'Way out 4: one team owns the way to production',
    caption: (run) =>
      `From day ${APPROVALS.day} manual approvals go and the hand-offs to other functions collapse into one cross-functional team. The waits between stages leave the lead time: the latest release's code waited ${spoken(latestLeadDays(run, RECOVERED_DAY))} working days for production, against ${spoken(latestLeadDays(run, BEFORE))} before the slip, and the deployment spiral (R1) keeps turning the good way.`,
    holds: (run) =>
      latestLeadDays(run, RECOVERED_DAY) < latestLeadDays(run, BEFORE) &&
      loopOn(run, 'R1', RECOVERED_DAY).direction < 0,
    chart: 'leadTime',
    loop: 'R1',
    loopAtWork: true,
    day: RECOVERED_DAY,
    scenario: recovering,
  },
  {
    title: 'The virtuous spiral',
    caption: (run) =>
      `The deployment spiral (R1) now dominates the other way: small releases ship quickly, fail rarely and are easy to fix, which frees time for automation, which makes releases smaller and faster still. ${spoken(wipOn(run, RECOVERED_DAY))} lines wait to go out, against ${spoken(wipOn(run, BEFORE))} before the slip. The scorecard still counts this quarter's releases of the old backlog; by the end of the run code reaches production in about ${spoken(finalLeadCalendarDays(run))} calendar days, against ${spoken(steadyLeadCalendarDays(run))} before the slip: the team ends better than it started.`,
    holds: (run) => {
      const dominant = dominantOn(run, RECOVERED_DAY);
      return (
        dominant?.id === 'R1' &&
        dominant.direction < 0 &&
        wipOn(run, RECOVERED_DAY) < wipOn(run, BEFORE) &&
        wipOn(run, run.days) < wipOn(run, BEFORE) &&
        finalLeadCalendarDays(run) < steadyLeadCalendarDays(run)
      );
    },
    chart: 'wip',
    loop: 'R1',
    loopAtWork: true,
    day: RECOVERED_DAY,
    scenario: recovering,
  },
];

/** The median lead time of the releases between two days, in calendar days as DORA counts it. */
function medianLeadCalendarDays(run: StoryRun, from: number, to: number): number {
  const leads = releasesBetween(run, from, to)
    .map((d) => d.meanLeadTimeDays)
    .sort((a, b) => a - b);
  return leads.length > 0 ? toCalendarDays(leads[Math.floor(leads.length / 2)]) : Number.NaN;
}

/** The median lead time of the steady team's releases, before the slip. */
const steadyLeadCalendarDays = (run: StoryRun) => medianLeadCalendarDays(run, 40, STEADY_DAY);

/** The median lead time of the releases in the run's last quarter. */
const finalLeadCalendarDays = (run: StoryRun) =>
  medianLeadCalendarDays(run, run.days - RECENT_WINDOW_DAYS, run.days + 1);

/** Mean lead time (working days) of the last release shipped by a day. */
function latestLeadDays(run: StoryRun, day: number): number {
  const shipped = releasesBetween(run, 0, day);
  return shipped.length > 0 ? shipped[shipped.length - 1].meanLeadTimeDays : Number.NaN;
}

/** A count of things in words: "no failed deployment", "one failed deployment", "3 failed deployments". */
function countPhrase(count: number, thing: string): string {
  return `${inWords(count)} ${thing}${count === 1 || count === 0 ? '' : 's'}`;
}

/** A share as a speaker says it: "under 1%", "33%". */
function percentPhrase(share: number): string {
  return share < 0.01 ? 'under 1%' : `${spoken(100 * share)}%`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
