import type { SeriesId } from '../outputs/series.ts';

/** How a diagram node reads its value from a run's per-day series. */
export type NodeReading =
  /** The mean of one or more series added together. */
  | { kind: 'mean'; series: readonly SeriesId[] }
  /** A per-event figure held from one event to the next (deployment size, time to restore). */
  | { kind: 'held'; series: SeriesId }
  /** Events per month (20 working days). */
  | { kind: 'rate'; series: SeriesId }
  /** The gap between deployments: the last full gap, or the wait since the last one once that is longer. */
  | { kind: 'gap' };

/** A variable of the causal-loop diagram as its row is written. */
interface LoopNodeRow {
  id: string;
  label: string;
  unit: string;
  reading: NodeReading;
  /** A change smaller than this, in the node's unit, is treated as noise when judging which loop dominates. */
  floor: number;
  /** Where the diagram draws the node, on a 0–1 grid. */
  x: number;
  y: number;
}

/** A variable of the causal-loop diagram, read from the run. */
export interface LoopNode extends LoopNodeRow {
  id: NodeId;
}

/** A causal link: a rise in `from` pushes `to` up (+) or down (−), all else equal. */
export interface LoopLink {
  from: NodeId;
  to: NodeId;
  polarity: 1 | -1;
}

/** A feedback loop as its row is written. */
interface FeedbackLoopRow {
  id: string;
  kind: 'reinforcing' | 'balancing';
  label: string;
  /** What the loop does, in a sentence for the diagram's legend and the story. */
  summary: string;
  /** The nodes in order around the loop; the last links back to the first. */
  path: readonly NodeId[];
}

/** A feedback loop: reinforcing (R) amplifies change, balancing (B) pushes back against it. */
export interface FeedbackLoop extends FeedbackLoopRow {
  id: LoopId;
}

const NODE_ROWS = [
  {
    id: 'interval',
    label: 'Release interval',
    unit: 'working days',
    reading: { kind: 'gap' },
    floor: 1,
    x: 0.55,
    y: 0.03,
  },
  {
    id: 'wip',
    label: 'Undeployed code',
    unit: 'lines',
    reading: { kind: 'mean', series: ['wipLines'] },
    floor: 500,
    x: 0.82,
    y: 0.2,
  },
  {
    id: 'size',
    label: 'Next deployment',
    unit: 'lines',
    reading: { kind: 'mean', series: ['wipMergedLines', 'wipCandidateLines'] },
    floor: 200,
    x: 0.82,
    y: 0.62,
  },
  {
    id: 'stabilise',
    label: 'Work to stabilise',
    unit: 'defects in the candidate',
    reading: { kind: 'mean', series: ['candidateDefects'] },
    floor: 0.5,
    x: 0.55,
    y: 0.3,
  },
  {
    id: 'failures',
    label: 'Failed deployments',
    unit: 'per month',
    reading: { kind: 'rate', series: 'failedDeployments' },
    floor: 0.5,
    x: 0.5,
    y: 0.62,
  },
  {
    id: 'caution',
    label: 'Caution',
    unit: 'level',
    reading: { kind: 'mean', series: ['caution'] },
    floor: 0.1,
    x: 0.22,
    y: 0.03,
  },
  {
    id: 'testing',
    label: 'Testing and fixing',
    unit: 'engineers',
    reading: { kind: 'mean', series: ['capacityStabilisation', 'capacityManualTesting'] },
    floor: 0.25,
    x: 0.25,
    y: 0.3,
  },
  {
    id: 'features',
    label: 'Feature work',
    unit: 'engineers',
    reading: { kind: 'mean', series: ['capacityFeatures'] },
    floor: 0.25,
    x: 0.0,
    y: 0.3,
  },
  {
    id: 'firefighting',
    label: 'Fire fighting',
    unit: 'engineers',
    reading: { kind: 'mean', series: ['capacityIncidents', 'capacityProductionFixes'] },
    floor: 0.25,
    x: 0.5,
    y: 0.97,
  },
  {
    id: 'restore',
    label: 'Time to restore',
    unit: 'hours',
    reading: { kind: 'held', series: 'restoreHours' },
    floor: 1,
    x: 0.82,
    y: 0.97,
  },
  {
    id: 'improvement',
    label: 'Improvement time',
    unit: 'engineers',
    reading: { kind: 'mean', series: ['capacityImprovement'] },
    floor: 0.25,
    x: 0.18,
    y: 0.97,
  },
  {
    id: 'automation',
    label: 'Test automation',
    unit: 'level (0–1)',
    reading: { kind: 'mean', series: ['automationLevel'] },
    floor: 0.02,
    x: 0.18,
    y: 0.62,
  },
  {
    id: 'held',
    label: 'Held by a freeze',
    unit: 'lines',
    reading: { kind: 'mean', series: ['wipHeldLines'] },
    floor: 500,
    x: 1.0,
    y: 0.42,
  },
] as const satisfies readonly LoopNodeRow[];

/** A diagram variable's id. */
export type NodeId = (typeof NODE_ROWS)[number]['id'];

/** The diagram's variables. */
export const LOOP_NODES: readonly LoopNode[] = NODE_ROWS;

/** Every causal link the loops use, with its polarity. */
export const LOOP_LINKS: readonly LoopLink[] = [
  { from: 'interval', to: 'wip', polarity: 1 },
  { from: 'wip', to: 'size', polarity: 1 },
  { from: 'size', to: 'stabilise', polarity: 1 },
  { from: 'stabilise', to: 'interval', polarity: 1 },
  { from: 'size', to: 'failures', polarity: 1 },
  { from: 'failures', to: 'caution', polarity: 1 },
  { from: 'caution', to: 'interval', polarity: 1 },
  { from: 'caution', to: 'testing', polarity: 1 },
  { from: 'testing', to: 'failures', polarity: -1 },
  { from: 'stabilise', to: 'testing', polarity: 1 },
  { from: 'testing', to: 'stabilise', polarity: -1 },
  { from: 'wip', to: 'testing', polarity: 1 },
  { from: 'testing', to: 'features', polarity: -1 },
  { from: 'features', to: 'wip', polarity: 1 },
  { from: 'failures', to: 'firefighting', polarity: 1 },
  { from: 'firefighting', to: 'improvement', polarity: -1 },
  { from: 'improvement', to: 'automation', polarity: 1 },
  { from: 'automation', to: 'failures', polarity: -1 },
  { from: 'failures', to: 'improvement', polarity: 1 },
  { from: 'size', to: 'restore', polarity: 1 },
  { from: 'restore', to: 'firefighting', polarity: 1 },
  { from: 'firefighting', to: 'interval', polarity: 1 },
  { from: 'held', to: 'size', polarity: -1 },
  { from: 'wip', to: 'held', polarity: 1 },
];

/** The feedback loops of the model, reinforcing first. */
const LOOP_ROWS = [
  {
    id: 'R1',
    kind: 'reinforcing',
    label: 'Deployment spiral',
    summary:
      'A longer wait between releases lets more code pile up, so the next release is bigger, has more to fix before it ships, and takes longer again.',
    path: ['interval', 'wip', 'size', 'stabilise'],
  },
  {
    id: 'R2',
    kind: 'reinforcing',
    label: 'Be careful',
    summary:
      'Failures make the organisation cautious: longer intervals and more approvals, so releases grow and fail more.',
    path: ['failures', 'caution', 'interval', 'wip', 'size'],
  },
  {
    id: 'R3',
    kind: 'reinforcing',
    label: 'Capability trap',
    summary:
      'Fire fighting eats the time meant for automation; automation erodes, more defects escape, and there are more fires.',
    path: ['failures', 'firefighting', 'improvement', 'automation'],
  },
  {
    id: 'R4',
    kind: 'reinforcing',
    label: 'Diagnosis',
    summary:
      'A big deployment takes longer to diagnose when it fails; the longer outage pulls people from the release, which slips and grows.',
    path: ['size', 'restore', 'firefighting', 'interval', 'wip'],
  },
  {
    id: 'B1',
    kind: 'balancing',
    label: 'Testing catches defects',
    summary:
      'The more defects a release candidate holds, the more people test and fix it, which takes the defects out before they reach production.',
    path: ['stabilise', 'testing'],
  },
  {
    id: 'B2',
    kind: 'balancing',
    label: 'Capacity limits',
    summary:
      'More undeployed code means more people testing and fixing, fewer writing features, so code piles up more slowly.',
    path: ['wip', 'testing', 'features'],
  },
  {
    id: 'B3',
    kind: 'balancing',
    label: 'Merge freeze',
    summary:
      'A freeze holds code back from the pipeline, so releases shrink and ship sooner, and less code waits.',
    path: ['held', 'size', 'stabilise', 'interval', 'wip'],
  },
  {
    id: 'B4',
    kind: 'balancing',
    label: 'Automation',
    summary:
      'Failures prompt follow-up automation work, which raises automation and brings failures down.',
    path: ['failures', 'improvement', 'automation'],
  },
] as const satisfies readonly FeedbackLoopRow[];

/** A feedback loop's id. */
export type LoopId = (typeof LOOP_ROWS)[number]['id'];

/** The feedback loops, reinforcing and balancing. */
export const FEEDBACK_LOOPS: readonly FeedbackLoop[] = LOOP_ROWS;

/** The node with this id. */
export function loopNode(id: NodeId): LoopNode {
  const node = LOOP_NODES.find((n) => n.id === id);
  if (!node) throw new Error(`no diagram node ${id}`);
  return node;
}

/** The link from one node to another. */
export function loopLink(from: NodeId, to: NodeId): LoopLink {
  const link = LOOP_LINKS.find((l) => l.from === from && l.to === to);
  if (!link) throw new Error(`no diagram link ${from} → ${to}`);
  return link;
}

/** The links around a loop, in order, the closing link last. */
export function linksOf(loop: FeedbackLoop): LoopLink[] {
  return loop.path.map((from, i) => loopLink(from, loop.path[(i + 1) % loop.path.length]));
}
