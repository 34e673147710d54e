import { type FeedbackLoop, linksOf, type NodeId } from '../../src/index.ts';

/** A node of the focused loop, placed on its ring. */
export interface RingNode {
  id: NodeId;
  cx: number;
  cy: number;
}

/** A link of the focused loop: an arc from one node to the next, with its polarity sign. */
export interface RingLink {
  d: string;
  polarity: number;
  signX: number;
  signY: number;
}

/** One loop laid out alone on a ring, sized for its text, for a room to read (presenter mode). */
export interface RingLayout {
  width: number;
  height: number;
  nodeWidth: number;
  nodeHeight: number;
  nodes: RingNode[];
  links: RingLink[];
}

/**
 * Places a loop's nodes clockwise on an ellipse filling `width` × `height`, first node at the
 * top (or just right of it), and joins each to the next with an arc bowing outwards, so the loop reads as a cycle.
 */
export function ringLayout(
  loop: FeedbackLoop,
  width: number,
  height: number,
  textSize: number,
): RingLayout {
  const nodeWidth = Math.min(width * 0.42, textSize * 11);
  const nodeHeight = textSize * 3.2;
  const cx = width / 2;
  const cy = height / 2;
  const rx = Math.max(10, width / 2 - nodeWidth / 2 - 4);
  const ry = Math.max(10, height / 2 - nodeHeight / 2 - 4);
  const count = loop.path.length;
  // An even ring starts half a step round, so no node sits level with the label in its middle.
  const start = -Math.PI / 2 + (count % 2 === 0 ? Math.PI / count : 0);
  const nodes = loop.path.map((id, i) => {
    const angle = start + (2 * Math.PI * i) / count;
    return { id, cx: cx + rx * Math.cos(angle), cy: cy + ry * Math.sin(angle) };
  });
  const links = linksOf(loop).map((link, i) => {
    const from = nodes[i];
    const to = nodes[(i + 1) % count];
    // Leave and enter each box on the side facing the other node.
    const start = edgeToward(from, to, nodeWidth, nodeHeight);
    const end = edgeToward(to, from, nodeWidth, nodeHeight);
    const mx = (start[0] + end[0]) / 2;
    const my = (start[1] + end[1]) / 2;
    // Bow the arc away from the ring's centre.
    const ox = mx - cx;
    const oy = my - cy;
    const length = Math.hypot(ox, oy) || 1;
    const bow = Math.min(width, height) * 0.08;
    const qx = mx + (ox / length) * bow;
    const qy = my + (oy / length) * bow;
    return {
      d: `M${start[0].toFixed(1)},${start[1].toFixed(1)} Q${qx.toFixed(1)},${qy.toFixed(1)} ${end[0].toFixed(1)},${end[1].toFixed(1)}`,
      polarity: link.polarity,
      signX: qx + (ox / length) * textSize * 0.6,
      signY: qy + (oy / length) * textSize * 0.6 + textSize * 0.35,
    };
  });
  return { width, height, nodeWidth, nodeHeight, nodes, links };
}

function edgeToward(
  from: RingNode,
  to: RingNode,
  nodeWidth: number,
  nodeHeight: number,
): [number, number] {
  const dx = to.cx - from.cx;
  const dy = to.cy - from.cy;
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  const gap = 6;
  const tx = ux === 0 ? Number.POSITIVE_INFINITY : (nodeWidth / 2 + gap) / Math.abs(ux);
  const ty = uy === 0 ? Number.POSITIVE_INFINITY : (nodeHeight / 2 + gap) / Math.abs(uy);
  const t = Math.min(tx, ty);
  return [from.cx + ux * t, from.cy + uy * t];
}
