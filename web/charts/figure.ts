import { markerSvg } from './marker-shapes.ts';
import type { ChartLayer, ChartMarker } from './time-chart.ts';

/** What each event marker means, for legends. */
export const MARKER_LABELS: Readonly<Record<ChartMarker['kind'], string>> = {
  delayed: 'Release cut late',
  failed: 'Failed deployment',
  intervention: 'Intervention',
  shock: 'Shock',
};

/** Marker colours, matching the chart's. */
export const MARKER_COLOURS: Readonly<Record<ChartMarker['kind'], string>> = {
  delayed: '#1b1f24',
  failed: '#D55E00',
  intervention: '#009E73',
  shock: '#1b1f24',
};

/** One legend entry: a layer's swatch, or an event marker's symbol. */
export type LegendEntry =
  | { kind: 'layer'; layer: ChartLayer }
  | { kind: 'marker'; marker: ChartMarker['kind'] };

/** The legend of a chart: its layers, then each kind of event marker it shows. */
export function legendEntries(
  layers: readonly ChartLayer[],
  markers: readonly { kind: ChartMarker['kind'] }[],
): LegendEntry[] {
  const kinds = (Object.keys(MARKER_LABELS) as ChartMarker['kind'][]).filter((kind) =>
    markers.some((m) => m.kind === kind),
  );
  return [
    ...layers.map((layer) => ({ kind: 'layer' as const, layer })),
    ...kinds.map((marker) => ({ kind: 'marker' as const, marker })),
  ];
}

/** Splits a caption into lines of at most `characters`, breaking at its " · " separators or spaces. */
function wrap(text: string, characters: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (next.length > characters && line) {
      lines.push(line.replace(/ ·$/, ''));
      line = word === '·' ? '' : word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A swatch for a legend entry, drawn in a 22 × 10 box at the origin. */
function swatch(entry: LegendEntry): string {
  if (entry.kind === 'marker')
    return markerSvg(entry.marker, 11, 5, 4, MARKER_COLOURS[entry.marker]);
  const { layer } = entry;
  if (layer.kind === 'area' || layer.kind === 'band')
    return `<rect x="1" y="1" width="20" height="8" fill="${layer.color}" fill-opacity="${layer.kind === 'band' ? 0.25 : layer.muted ? 0.35 : 0.85}"/>`;
  if (layer.kind === 'dots')
    return `<circle cx="11" cy="5" r="3.5" fill="${layer.color}" fill-opacity="${layer.muted ? 0.45 : 1}"/>`;
  return `<line x1="1" y1="5" x2="21" y2="5" stroke="${layer.color}" stroke-width="2.5" stroke-dasharray="${layer.dash ?? ''}" stroke-opacity="${layer.muted ? 0.6 : 1}"/>`;
}

function entryLabel(entry: LegendEntry): string {
  return entry.kind === 'marker' ? MARKER_LABELS[entry.marker] : entry.layer.label;
}

/** What a slide-ready figure holds around the chart itself. */
export interface FigureInput {
  title: string;
  /** One line naming the scenario the chart comes from. */
  caption: string;
  /** The chart's own SVG markup (axes, labels, data), `width` × `height`. */
  chart: string;
  width: number;
  height: number;
  legend: readonly LegendEntry[];
}

/**
 * A standalone SVG of a chart for a slide or a report: the title above it, the legend (every
 * layer and marker) and a caption naming the scenario below it, on a white background.
 */
export function figureSvg(input: FigureInput): { svg: string; width: number; height: number } {
  const { width } = input;
  const titleHeight = 30;
  // Lay the legend out in rows, measuring text at about 0.58 em a character.
  const rows: { x: number; entry: LegendEntry }[][] = [[]];
  let x = 12;
  for (const entry of input.legend) {
    const w = 30 + entryLabel(entry).length * 11 * 0.58 + 14;
    if (x + w > width - 12 && rows[rows.length - 1].length > 0) {
      rows.push([]);
      x = 12;
    }
    rows[rows.length - 1].push({ x, entry });
    x += w;
  }
  const legendTop = titleHeight + input.height + 6;
  const legendHeight = rows.length * 18;
  // The caption wraps at its separators so it never runs off the figure.
  const captionLines = wrap(input.caption, (width - 24) / (11 * 0.58));
  const total = legendTop + legendHeight + 10 + captionLines.length * 15;
  const titleSize = Math.min(16, (width - 24) / (input.title.length * 0.6));
  const legend = rows
    .flatMap((row, r) =>
      row.map(
        ({ x: left, entry }) =>
          `<g transform="translate(${left.toFixed(1)} ${legendTop + r * 18})">${swatch(entry)}<text x="28" y="9" font-size="11" fill="#1b1f24">${escapeXml(entryLabel(entry))}</text></g>`,
      ),
    )
    .join('');
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="system-ui, sans-serif">`,
    `<rect width="${width}" height="${total}" fill="#ffffff"/>`,
    `<text x="12" y="21" font-size="${titleSize.toFixed(1)}" font-weight="700" fill="#111827">${escapeXml(input.title)}</text>`,
    `<g transform="translate(0 ${titleHeight})">${input.chart}</g>`,
    legend,
    ...captionLines.map(
      (line, i) =>
        `<text x="12" y="${legendTop + legendHeight + 18 + i * 15}" font-size="11" fill="#4b5563">${escapeXml(line)}</text>`,
    ),
    '</svg>',
  ].join('');
  return { svg, width, height: total };
}
