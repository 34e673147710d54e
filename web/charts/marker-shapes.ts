import type { ChartMarker } from './time-chart.ts';

/**
 * How an event marker is drawn: a path around its centre, filled or stroked. Markers are paths,
 * not text glyphs: a slider move shifts every marker, and moving paths costs the browser a
 * fraction of re-laying out text (about 5 ms a frame across the charts with glyphs).
 */
interface MarkerShape {
  /** The outline relative to the centre, for a marker of radius 1. */
  outline: readonly (readonly [command: string, ...coordinates: number[]])[];
  /** Filled, or drawn as a stroke (the cross). */
  filled: boolean;
}

const SHAPES: Readonly<Record<ChartMarker['kind'], MarkerShape>> = {
  delayed: {
    outline: [['m', 0, -1.1], ['l', 1.1, 1.1], ['l', -1.1, 1.1], ['l', -1.1, -1.1], ['z']],
    filled: true,
  },
  failed: {
    outline: [
      ['m', -0.8, -0.8],
      ['l', 1.6, 1.6],
      ['m', 0, -1.6],
      ['l', -1.6, 1.6],
    ],
    filled: false,
  },
  intervention: {
    outline: [['m', 0, -1.1], ['l', 1.1, 1.9], ['l', -2.2, 0], ['z']],
    filled: true,
  },
  shock: {
    outline: [
      ['m', -0.9, 0],
      ['a', 0.9, 0.9, 0, 1, 0, 1.8, 0],
      ['a', 0.9, 0.9, 0, 1, 0, -1.8, 0],
      ['z'],
    ],
    filled: true,
  },
};

/** Scales a relative path command: arcs keep their flags and rotation, the rest scale every number. */
function scaled(command: readonly [string, ...number[]], radius: number): string {
  const [name, ...numbers] = command;
  if (name === 'a') {
    const [rx, ry, rotation, large, sweep, dx, dy] = numbers;
    return `a${rx * radius},${ry * radius} ${rotation} ${large} ${sweep} ${dx * radius},${dy * radius}`;
  }
  return name + numbers.map((n) => +(n * radius).toFixed(2)).join(',');
}

/** Outlines already scaled, by kind and radius: a chart asks for the same few on every redraw. */
const outlines = new Map<string, string>();

function outlineOf(kind: ChartMarker['kind'], radius: number): string {
  const key = `${kind} ${radius}`;
  let outline = outlines.get(key);
  if (outline === undefined) {
    outline = SHAPES[kind].outline.map((command) => scaled(command, radius)).join('');
    outlines.set(key, outline);
  }
  return outline;
}

/** The SVG path data of a marker of `kind` centred on (`x`, `y`) with the given radius. */
export function markerPath(
  kind: ChartMarker['kind'],
  x: number,
  y: number,
  radius: number,
): string {
  return `M${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}${outlineOf(kind, radius)}`;
}

/** The fill and stroke attributes a marker of `kind` is drawn with in `colour`. */
export function markerPaint(
  kind: ChartMarker['kind'],
  colour: string,
): { fill: string; stroke: string; strokeWidth: number } {
  return SHAPES[kind].filled
    ? { fill: colour, stroke: 'none', strokeWidth: 0 }
    : { fill: 'none', stroke: colour, strokeWidth: 2 };
}

/** A marker as standalone SVG markup, for legends and exported figures. */
export function markerSvg(
  kind: ChartMarker['kind'],
  x: number,
  y: number,
  radius: number,
  colour: string,
): string {
  const paint = markerPaint(kind, colour);
  return `<path d="${markerPath(kind, x, y, radius)}" fill="${paint.fill}" stroke="${paint.stroke}" stroke-width="${paint.strokeWidth}"/>`;
}
