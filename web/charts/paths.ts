/**
 * Path coordinates are written in half pixels as whole numbers (drawn under a scale(0.5)):
 * formatting integers is several times faster than decimals, at the same resolution.
 */
export const PATH_SCALE = 2;

const round = (value: number) => Math.round(value * PATH_SCALE);

/**
 * SVG path data of a line through (x(i), y(i)) for i in [0, count), broken where a value is not
 * finite. Written by hand rather than with d3-shape: charts redraw on every slider move.
 */
export function linePath(
  count: number,
  x: (i: number) => number,
  value: (i: number) => number,
  y: (v: number) => number,
): string {
  let d = '';
  let pen = false;
  for (let i = 0; i < count; i++) {
    const v = value(i);
    if (!Number.isFinite(v)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${round(x(i))},${round(y(v))}`;
    pen = true;
  }
  return d;
}

/** SVG path data of the area between `lower(i)` and `upper(i)` for i in [0, count), closed. */
export function areaPath(
  count: number,
  x: (i: number) => number,
  upper: (i: number) => number,
  lower: (i: number) => number,
  y: (v: number) => number,
): string {
  if (count === 0) return '';
  const parts: string[] = [];
  for (let i = 0; i < count; i++)
    parts.push(`${i === 0 ? 'M' : 'L'}${round(x(i))},${round(y(upper(i) || 0))}`);
  for (let i = count - 1; i >= 0; i--) parts.push(`L${round(x(i))},${round(y(lower(i) || 0))}`);
  return `${parts.join('')}Z`;
}
