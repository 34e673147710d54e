import type { ChartLayer } from './time-chart.ts';

/** A layer's value on a day (for dots: the latest dot at or before it), or NaN. */
export function layerValueAt(layer: ChartLayer, day: number): number {
  if (layer.kind === 'dots') {
    let value = Number.NaN;
    for (let i = 0; i < layer.values.length; i++)
      if ((layer.x?.[i] ?? i) < day + 1) value = layer.values[i];
    return value;
  }
  return layer.values[day] ?? Number.NaN;
}

/** One sentence per layer for screen readers: where it starts, ends and peaks. */
export function describeLayers(
  layers: readonly ChartLayer[],
  days: number,
  format: (v: number) => string,
): string {
  return layers
    .filter((layer) => !layer.muted && layer.kind !== 'band')
    .map((layer) => {
      const count = layer.kind === 'dots' ? layer.values.length : days;
      if (count === 0) return `${layer.label}: none.`;
      let peak = Number.NEGATIVE_INFINITY;
      let peakAt = 0;
      for (let i = 0; i < count; i++) {
        if (layer.values[i] > peak) {
          peak = layer.values[i];
          peakAt = Math.round(layer.x?.[i] ?? i);
        }
      }
      const first = layerValueAt(layer, layer.kind === 'dots' ? (layer.x?.[0] ?? 0) : 0);
      const last = layerValueAt(layer, days - 1);
      const show = (v: number) => (Number.isFinite(v) ? format(v) : 'none');
      return `${layer.label}: ${show(first)} at first, ${show(last)} at the end, highest ${show(peak)} on day ${peakAt}.`;
    })
    .join(' ');
}

const cell = (value: number) =>
  Number.isFinite(value) ? String(Number(value.toPrecision(6))) : '';

/**
 * The layers as CSV, a column per layer: a row per working day, or, for a chart of events (every
 * layer dots: one per release or incident), a row per event at its day.
 */
export function layersCsv(layers: readonly ChartLayer[], days: number): string {
  const header = ['day', ...layers.map((layer) => JSON.stringify(layer.label))];
  const rows = [header.join(',')];
  if (layers.length > 0 && layers.every((layer) => layer.kind === 'dots')) {
    const events = layers.flatMap((layer, column) =>
      Array.from(layer.values, (value, i) => ({ day: layer.x?.[i] ?? i, column, value })),
    );
    events.sort((a, b) => a.day - b.day || a.column - b.column);
    for (const event of events) {
      const cells = layers.map((_, column) => (column === event.column ? cell(event.value) : ''));
      rows.push([cell(event.day), ...cells].join(','));
    }
    return `${rows.join('\n')}\n`;
  }
  for (let day = 0; day < days; day++) {
    const cells = layers.map((layer) => cell(layerValueAt(layer, day)));
    rows.push([String(day), ...cells].join(','));
  }
  return `${rows.join('\n')}\n`;
}
