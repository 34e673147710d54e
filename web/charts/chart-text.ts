import type { ChartLayer } from './time-chart';

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

/** The layers as CSV: a row per working day, a column per layer (dots as their own rows). */
export function layersCsv(layers: readonly ChartLayer[], days: number): string {
  const header = ['day', ...layers.map((layer) => JSON.stringify(layer.label))];
  const rows = [header.join(',')];
  for (let day = 0; day < days; day++) {
    const cells = layers.map((layer) => {
      const value = layerValueAt(layer, day);
      return Number.isFinite(value) ? String(Number(value.toPrecision(6))) : '';
    });
    rows.push([String(day), ...cells].join(','));
  }
  return `${rows.join('\n')}\n`;
}
