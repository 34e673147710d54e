import { path, scaleLinear } from 'd3';
import {
  FEEDBACK_LOOPS,
  type FeedbackLoop,
  LOOP_LINKS,
  LOOP_NODES,
  type LoopLink,
  linksOf,
  loopNode,
  type NodeId,
} from '../../src/index.ts';

/** The diagram's drawing size in SVG units; the SVG scales to its box. */
export const DIAGRAM_WIDTH = 760;
export const DIAGRAM_HEIGHT = 470;
export const NODE_WIDTH = 132;
export const NODE_HEIGHT = 44;

/** A node's box centre. */
export interface PlacedNode {
  id: NodeId;
  cx: number;
  cy: number;
}

/** A link drawn as a curve, with where its polarity sign sits. */
export interface PlacedLink {
  link: LoopLink;
  d: string;
  signX: number;
  signY: number;
}

const x = scaleLinear()
  .domain([0, 1])
  .range([NODE_WIDTH / 2 + 6, DIAGRAM_WIDTH - NODE_WIDTH / 2 - 6]);
const y = scaleLinear()
  .domain([0, 1])
  .range([NODE_HEIGHT / 2 + 24, DIAGRAM_HEIGHT - NODE_HEIGHT / 2 - 6]);

/** Where each node is drawn. */
export const PLACED_NODES: readonly PlacedNode[] = LOOP_NODES.map((node) => ({
  id: node.id,
  cx: x(node.x),
  cy: y(node.y),
}));

function centre(id: NodeId): PlacedNode {
  return PLACED_NODES.find((n) => n.id === id)!;
}

/** Where the straight line from a box's centre towards (dx, dy) leaves the box, with a small gap. */
function boxEdge(node: PlacedNode, dx: number, dy: number, gap: number): [number, number] {
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  const tx = ux === 0 ? Number.POSITIVE_INFINITY : (NODE_WIDTH / 2 + gap) / Math.abs(ux);
  const ty = uy === 0 ? Number.POSITIVE_INFINITY : (NODE_HEIGHT / 2 + gap) / Math.abs(uy);
  const t = Math.min(tx, ty);
  return [node.cx + ux * t, node.cy + uy * t];
}

/** A link as a gentle curve bending to its left, so links both ways between two nodes stay apart. */
function placeLink(link: LoopLink): PlacedLink {
  const a = centre(link.from);
  const b = centre(link.to);
  const dx = b.cx - a.cx;
  const dy = b.cy - a.cy;
  const length = Math.hypot(dx, dy) || 1;
  const bend = 0.18 * length;
  const mx = (a.cx + b.cx) / 2 + (dy / length) * bend;
  const my = (a.cy + b.cy) / 2 - (dx / length) * bend;
  const [sx, sy] = boxEdge(a, mx - a.cx, my - a.cy, 2);
  const [ex, ey] = boxEdge(b, mx - b.cx, my - b.cy, 7);
  const curve = path();
  curve.moveTo(sx, sy);
  curve.quadraticCurveTo(mx, my, ex, ey);
  // The sign sits near the arrowhead, on the outside of the bend.
  const t = 0.8;
  const px = (1 - t) ** 2 * sx + 2 * (1 - t) * t * mx + t * t * ex;
  const py = (1 - t) ** 2 * sy + 2 * (1 - t) * t * my + t * t * ey;
  return {
    link,
    d: curve.toString(),
    signX: px + (dy / length) * 10,
    signY: py - (dx / length) * 10,
  };
}

/** Every link, placed. */
export const PLACED_LINKS: readonly PlacedLink[] = LOOP_LINKS.map(placeLink);

/** Labels whose loop's middle falls on a node or another label, placed by hand (0–1 grid). */
const LABEL_AT: Readonly<Record<string, [number, number]>> = {
  R2: [0.38, 0.15],
  B2: [0.12, 0.45],
};

/** Where each loop's label sits: the middle of its nodes, unless placed by hand. */
export const LOOP_LABELS: readonly { loop: FeedbackLoop; x: number; y: number }[] =
  FEEDBACK_LOOPS.map((loop) => {
    const at = LABEL_AT[loop.id];
    if (at) return { loop, x: x(at[0]), y: y(at[1]) };
    const nodes = loop.path.map(centre);
    return {
      loop,
      x: nodes.reduce((s, n) => s + n.cx, 0) / nodes.length,
      y: nodes.reduce((s, n) => s + n.cy, 0) / nodes.length,
    };
  });

/** The keys of a loop's links, for highlighting. */
export function loopLinkKeys(loop: FeedbackLoop): Set<string> {
  return new Set(linksOf(loop).map((l) => `${l.from}>${l.to}`));
}

/** A node's label and unit. */
export function nodeText(id: NodeId): { label: string; unit: string } {
  const node = loopNode(id);
  return { label: node.label, unit: node.unit };
}
