import { findPreset, presetParams } from '../inputs/presets.ts';
import { formatCount } from '../outputs/figures.ts';
import { simulate } from '../simulate.ts';
import { GAME_START_DAY, startingDecision, type TeamDecision } from './game.ts';
import type { TeamStanding } from './outcomes.ts';

/** Where every team stands when round 1 begins, read from a run of the starting team. */
export interface StartingState {
  deployments: number;
  failedDeployments: number;
  meanDeploymentSizeLines: number | null;
  /** Median lead time over the days before the game, calendar days; null when nothing shipped. */
  leadTimeDays: number | null;
  wipLines: number;
}

/** The starting team in plain words, with the figures the words quote. */
export interface Briefing {
  sentences: string[];
  start: StartingState;
  decision: TeamDecision;
}

const lines = (n: number) => formatCount(Math.round(n));
const days = (n: number | null) => (n === null ? 'nothing shipped' : `${n.toFixed(1)} days`);
const percent = (share: number) => `${Math.round(share * 100)}%`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** A setting in days as people say it: "1 day", "0.5 days", "2 days". */
const setting = (n: number) => plural(Number(n.toFixed(2)), 'day');

/**
 * The briefing read to every team before round 1: who the team is, how it ships, and what the
 * working days before the game did to it, each figure from the run every round continues.
 */
export function briefing(preset: string, seed: number, roundDays: number): Briefing {
  const found = findPreset(preset)!;
  const params = presetParams(found);
  const decision = startingDecision(preset);
  const run = simulate(params, { days: GAME_START_DAY, warmupDays: 0, seed });
  const s = run.summary;
  const total = (values: Float64Array) => values.reduce((sum, v) => sum + v, 0);
  const start: StartingState = {
    deployments: Math.round(total(run.series.deployments)),
    failedDeployments: Math.round(total(run.series.failedDeployments)),
    meanDeploymentSizeLines: s.meanDeploymentSizeLines,
    leadTimeDays: s.leadTimeDays,
    wipLines: run.series.wipLines[GAME_START_DAY - 1],
  };
  const passes = decision.regressionPasses;
  const gates = [
    passes === 0
      ? 'no manual regression pass'
      : `${plural(passes, 'manual regression pass', 'manual regression passes')} of ${setting(params.regressionPassDays)}${passes > 1 ? ' each' : ''}`,
    ...(params.approvalWaitDays > 0
      ? [`an approval wait of ${setting(params.approvalWaitDays)}`]
      : []),
  ];
  const cadence = `It releases every ${plural(decision.releaseIntervalDays, 'working day')}, after ${gates.join(' and ')}`;
  const shipped =
    start.deployments === 0
      ? `In the ${GAME_START_DAY} working days before round 1 the team deployed nothing.`
      : `In the ${GAME_START_DAY} working days before round 1 the team made ${plural(start.deployments, 'deployment')} of about ${lines(start.meanDeploymentSizeLines ?? 0)} lines each, and ${start.failedDeployments === 0 ? 'none' : start.failedDeployments} failed.`;
  return {
    sentences: [
      `Every team starts as the same team: ${plural(params.teamSize, 'engineer')} writing about ${lines(params.teamSize * params.linesPerEngineerDay)} lines of code a working day.`,
      `${cadence}, with ${percent(decision.automationShare)} of the team on test automation.`,
      shipped,
      `A change takes ${days(start.leadTimeDays)} from commit to production, and ${lines(start.wipLines)} lines are waiting to ship as the game begins.`,
      `Each round is ${plural(roundDays, 'working day')}. Each round your team chooses how often to release, how many manual passes to run, how much of the team works on automation, and whether to freeze merges.`,
    ],
    start,
    decision,
  };
}

/** The article's four escape steps, as the game's decisions can take them. */
export type EscapeStep = 'freeze' | 'automation' | 'train' | 'handoffs';

/** Each escape step in words, in the article's order (step 1 first). */
export const ESCAPE_STEPS: Readonly<Record<EscapeStep, string>> = {
  freeze: 'stop merging new code into a clogged pipeline (freeze merges)',
  automation: 'put part of the team on test automation',
  train: 'release smaller by releasing more often',
  handoffs: 'fewer manual hand-offs (manual test passes)',
};

/** What a decision changed from the team's starting habits: escape steps taken, and the "be careful" reflex. */
export interface DecisionReading {
  steps: EscapeStep[];
  /** Tested more by hand or released less often than at the start: the reflex the article warns about. */
  careful: boolean;
  /** The changes in words, or "changed nothing". */
  words: string;
}

/** Reads a decision against the starting one: which escape steps it takes and whether it is the "be careful" reflex. */
export function readDecision(d: TeamDecision, start: TeamDecision): DecisionReading {
  const steps: EscapeStep[] = [];
  const words: string[] = [];
  if (d.freezeMerges) {
    steps.push('freeze');
    words.push('froze merges (step 1)');
  }
  if (d.automationShare > start.automationShare) {
    steps.push('automation');
    words.push(`${percent(d.automationShare)} on automation (step 2)`);
  } else if (d.automationShare < start.automationShare)
    words.push(`less automation (${percent(d.automationShare)})`);
  if (d.releaseIntervalDays < start.releaseIntervalDays) {
    steps.push('train');
    words.push(`released every ${plural(d.releaseIntervalDays, 'day')} (step 3)`);
  }
  if (d.regressionPasses < start.regressionPasses) {
    steps.push('handoffs');
    words.push(
      `${d.regressionPasses === 0 ? 'no' : d.regressionPasses} manual pass${d.regressionPasses === 1 ? '' : 'es'} (step 4)`,
    );
  }
  const releasedLess = d.releaseIntervalDays > start.releaseIntervalDays;
  const testedMore = d.regressionPasses > start.regressionPasses;
  if (releasedLess)
    words.push(`released less often (every ${plural(d.releaseIntervalDays, 'day')})`);
  if (testedMore)
    words.push(`tested more by hand (${plural(d.regressionPasses, 'pass', 'passes')})`);
  return {
    steps,
    careful: releasedLess || testedMore,
    words: words.length === 0 ? 'changed nothing' : words.join(', '),
  };
}

/** One team's round for the facilitator: what it chose, read against the escape steps, and what followed. */
export interface RoundNote {
  team: string;
  reading: DecisionReading;
  sentence: string;
}

/** The facilitator's notes on one round: a line per team and the questions to ask the room. */
export interface RoundNotes {
  round: number;
  teams: RoundNote[];
  prompts: string[];
}

function change(from: number, to: number): string {
  if (Math.round(to) === Math.round(from)) return `stayed at ${lines(to)}`;
  return `${to < from ? 'fell' : 'rose'} from ${lines(from)} to ${lines(to)}`;
}

const names = (notes: readonly RoundNote[]) => notes.map((n) => n.team).join(', ');

/**
 * Notes on round `round` (1-based) of a game's standings: each team's choices read against the
 * four escape steps, and what its waiting code, lead time and incidents did since the round
 * before (or since the briefing), with prompts that put those outcomes to the room.
 */
export function roundNotes(
  table: readonly TeamStanding[],
  round: number,
  brief: Briefing,
): RoundNotes {
  const teams = table.map((standing): RoundNote => {
    const now = standing.rounds[round - 1];
    const before = standing.rounds[round - 2];
    const wipBefore = before ? before.wipLines : brief.start.wipLines;
    const leadBefore = before ? before.leadTimeDays : brief.start.leadTimeDays;
    const reading = readDecision(now.decision, brief.decision);
    const lead =
      now.leadTimeDays === null
        ? 'it shipped nothing'
        : `lead time ${leadBefore === null ? '' : `${days(leadBefore)} → `}${days(now.leadTimeDays)}`;
    return {
      team: standing.team,
      reading,
      sentence: `${standing.team} ${reading.words}. Waiting code ${change(wipBefore, now.wipLines)} lines; ${lead}; ${plural(Math.round(now.incidents), 'incident')}.`,
    };
  });
  const prompts: string[] = [];
  const taking = (step: EscapeStep) => teams.filter((t) => t.reading.steps.includes(step));
  const withStep = (step: EscapeStep, question: string) => {
    const who = taking(step);
    if (who.length > 0) prompts.push(`${names(who)}: ${question}`);
  };
  withStep(
    'freeze',
    'the freeze held new code back. Did the queue drain, and what did it cost in code shipped?',
  );
  withStep(
    'automation',
    'people moved to automation. How long before fewer defects escaped, and what did it cost in code written?',
  );
  withStep(
    'train',
    'you release more often. Compare your deployment size and incidents with the teams on the old train.',
  );
  withStep(
    'handoffs',
    'fewer manual passes. Did defects reach production instead, or did automation catch them?',
  );
  const careful = teams.filter((t) => t.reading.careful);
  if (careful.length > 0)
    prompts.push(
      `${names(careful)}: you tested more or released less. Was the next release bigger, and did the extra care prevent incidents or only delay them?`,
    );
  if (teams.length > 0 && teams.every((t) => t.reading.steps.length === 0 && !t.reading.careful))
    prompts.push(
      'Nobody has changed course yet. What would it take to release smaller next round?',
    );
  return { round, teams, prompts };
}

/** The game's debrief: a line per team from the briefing to the last round shown, and the questions that close it. */
export interface Debrief {
  teams: string[];
  prompts: string[];
}

/** Reads the whole game against the four escape steps: which each team took, and where its waiting code and lead time ended. */
export function debrief(table: readonly TeamStanding[], brief: Briefing): Debrief {
  const order = Object.keys(ESCAPE_STEPS) as EscapeStep[];
  const teams = table.map((standing) => {
    const readings = standing.rounds.map((r) => readDecision(r.decision, brief.decision));
    const taken = order.filter((step) => readings.some((r) => r.steps.includes(step)));
    const careful = readings.filter((r) => r.careful).length;
    const last = standing.rounds[standing.rounds.length - 1];
    const steps =
      taken.length === 0
        ? 'took none of the escape steps'
        : `took escape step${taken.length === 1 ? '' : 's'} ${taken.map((t) => order.indexOf(t) + 1).join(', ')}`;
    const reflex =
      careful > 0 ? `, tested more or released less in ${plural(careful, 'round')}` : '';
    return `${standing.team} (place ${standing.rank}) ${steps}${reflex}. Waiting code ${change(brief.start.wipLines, last?.wipLines ?? brief.start.wipLines)} lines; lead time ${days(brief.start.leadTimeDays)} at the start, ${days(last?.leadTimeDays ?? null)} in the last round; ${plural(Math.round(standing.incidents), 'incident')} in all.`;
  });
  return {
    teams,
    prompts: [
      'Which choices drained the waiting code, and which only moved it to a bigger release later?',
      'Did any team that tested more by hand have fewer incidents than one that released smaller?',
      'Which of the four steps would be hardest to take in your own team, and what is the first move?',
    ],
  };
}
