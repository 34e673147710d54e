import {
  type DeploymentEvent,
  FEEDBACK_LOOPS,
  type IncidentEvent,
  type LoopId,
  type LoopTimeline,
  loopTimeline,
  type Params,
  type SeriesSet,
} from '../../src/index.ts';
import { formatCount } from '../charts/format.ts';

/** A run as the story reads it: what it quotes in its captions and what its claims are checked on. */
export interface StoryRun {
  params: Params;
  days: number;
  series: SeriesSet;
  deployments: readonly DeploymentEvent[];
  incidents: readonly IncidentEvent[];
  timeline: LoopTimeline;
}

/** The run's parts the story needs; a run view or an engine result both have them. */
export interface RunParts {
  days: number;
  series: SeriesSet;
  deployments: readonly DeploymentEvent[];
  incidents: readonly IncidentEvent[];
}

/** Reads a run for the story: its loop timeline is the one the diagram shows. */
export function storyRun(run: RunParts, params: Params): StoryRun {
  return { ...run, params, timeline: loopTimeline(run.series, run.days) };
}

/** The index of a step's day ("day 95" is the 95th working day) within the run. */
function indexOf(run: StoryRun, day: number): number {
  return Math.max(0, Math.min(run.days - 1, Math.round(day) - 1));
}

/** Undeployed code on a day as the diagram shows it: the mean over the ten days ending then. */
export function wipOn(run: StoryRun, day: number): number {
  return run.timeline.nodeValues.wip[indexOf(run, day)];
}

/** Deployments that shipped from day `from` up to (not including) day `to`. */
export function releasesBetween(run: StoryRun, from: number, to: number): DeploymentEvent[] {
  return run.deployments.filter((d) => d.time >= from && d.time < to);
}

/** The median size of the releases between two days, in lines; NaN when none shipped. */
export function medianReleaseLines(run: StoryRun, from: number, to: number): number {
  const sizes = releasesBetween(run, from, to)
    .map((d) => d.lines / d.deployments)
    .sort((a, b) => a - b);
  if (sizes.length === 0) return Number.NaN;
  const middle = Math.floor(sizes.length / 2);
  return sizes.length % 2 ? sizes[middle] : (sizes[middle - 1] + sizes[middle]) / 2;
}

/** The first release to ship after a day, if one did. */
export function firstReleaseAfter(run: StoryRun, day: number): DeploymentEvent | null {
  return run.deployments.find((d) => d.time > day) ?? null;
}

/** A loop on a day: whether it is at work and which way it turns (1 vicious or pushing back, −1 virtuous). */
export function loopOn(
  run: StoryRun,
  loopId: LoopId,
  day: number,
): { atWork: boolean; direction: number } {
  const index = indexOf(run, day);
  return {
    atWork: run.timeline.activity[loopId][index] > 0,
    direction: run.timeline.direction[loopId][index],
  };
}

/** The loop that dominates on a day, as the diagram says it, or null when the team is steady. */
export function dominantOn(run: StoryRun, day: number): { id: string; direction: number } | null {
  const index = indexOf(run, day);
  const loop = FEEDBACK_LOOPS[run.timeline.dominant[index]];
  return loop ? { id: loop.id, direction: run.timeline.direction[loop.id][index] } : null;
}

/** The mean of a series over the days from `from` up to (not including) `to`. */
export function meanOf(run: StoryRun, id: keyof SeriesSet, from: number, to: number): number {
  const values = run.series[id];
  let total = 0;
  let count = 0;
  for (let day = Math.max(0, from); day < Math.min(run.days, to); day++) {
    total += values[day];
    count++;
  }
  return count > 0 ? total / count : Number.NaN;
}

/** A figure rounded the way a speaker says it: two significant figures, thousands separated. */
export function spoken(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return formatCount(Number(value.toPrecision(2)), 1);
}

const NUMBER_WORDS = [
  'no',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

/** A small whole number in words (up to twelve), digits beyond. */
export function inWords(value: number): string {
  return (Number.isInteger(value) && NUMBER_WORDS[value]) || String(value);
}

/** A span of working days as a speaker says it: "two weeks", "seven weeks", "3 days". */
export function workingSpan(days: number): string {
  if (days >= 5 && Math.abs(days / 5 - Math.round(days / 5)) < 0.05) {
    const weeks = Math.round(days / 5);
    return weeks === 1 ? 'week' : `${inWords(weeks)} weeks`;
  }
  const whole = Number(days.toFixed(1));
  return whole === 1 ? 'working day' : `${inWords(whole)} working days`;
}

/** A span of working days before a noun: "two-day", "two-week". */
export function spanAdjective(days: number): string {
  if (days >= 5 && Math.abs(days / 5 - Math.round(days / 5)) < 0.05)
    return `${inWords(Math.round(days / 5))}-week`;
  return `${inWords(Number(days.toFixed(1)))}-day`;
}
