import { css, html, LitElement, nothing, svg } from 'lit';
import { unsafeSVG } from 'lit/directives/unsafe-svg.js';
import { errorMessage } from '../../src/index.ts';
import type { ChartSpec } from '../charts/chart-specs.ts';
import { describeLayers, layersCsv, layerValueAt } from '../charts/chart-text.ts';
import {
  figureSvg,
  type LegendEntry,
  legendEntries,
  MARKER_COLOURS,
  MARKER_LABELS,
} from '../charts/figure.ts';
import { markerPaint, markerPath, markerSvg } from '../charts/marker-shapes.ts';
import { PATH_SCALE } from '../charts/paths.ts';
import {
  CHART_TEXT_SIZE,
  type ChartMarker,
  type ChartModel,
  dayAt,
  formatCompact,
  timeChartModel,
} from '../charts/time-chart.ts';
import { defineElement } from './define-element.ts';
import { download, svgToPng } from './download.ts';
import { emit } from './events.ts';
import { IdleWhenOffScreen } from './idle-when-off-screen.ts';

/** A chart's markers by kind, in the legend's order: each kind is drawn as one path. */
function markerGroups(markers: ChartModel['markers']) {
  return (Object.keys(MARKER_LABELS) as ChartMarker['kind'][])
    .map((kind) => ({ kind, markers: markers.filter((m) => m.kind === kind) }))
    .filter((group) => group.markers.length > 0);
}

/** The tooltip of a kind's markers: what they mark and the first few, since one path holds them all. */
function markerTitle(kind: ChartMarker['kind'], markers: ChartModel['markers']): string {
  const shown = markers.slice(0, 4).map((m) => m.caption);
  const more = markers.length - shown.length;
  return `${MARKER_LABELS[kind]} (${markers.length}): ${shown.join('; ')}${more > 0 ? `; and ${more} more (the readout below names each)` : ''}`;
}

/**
 * A time chart: labelled axes, a legend that shows colour and dash and every event marker, markers
 * in a strip above the plot (they never cover the data), notes the story puts on it, a hover (and
 * arrow-key) readout, a text description for screen readers, and slide-ready SVG, PNG and CSV
 * export. Presenting, its text grows with the screen and the export buttons and hints go.
 *
 * @event dds-chart-error - Export failed; `detail.message` says why.
 * @csspart svg - The chart's SVG.
 */
export class DdsTimeChart extends IdleWhenOffScreen(LitElement) {
  static override styles = css`
    :host { display: block; background: #fff; border: 1px solid #d6d9de; border-radius: 6px; padding: 0.6rem 0.75rem 0.5rem; content-visibility: auto; contain-intrinsic-size: auto 320px; }
    figure { margin: 0; }
    figcaption { display: flex; justify-content: space-between; gap: 0.5rem; align-items: baseline; }
    h3 { font-size: 1rem; margin: 0; }
    .explanation { font-size: 0.8rem; color: #4b5563; margin: 0.15rem 0 0.3rem; }
    .exports { display: flex; gap: 0.25rem; }
    button { font: inherit; font-size: 0.75rem; padding: 0.1rem 0.4rem; border: 1px solid #9ca3af; border-radius: 4px; background: #f9fafb; cursor: pointer; }
    button:focus-visible, svg:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
    svg { display: block; width: 100%; height: auto; touch-action: none; }
    .legend { display: flex; flex-wrap: wrap; gap: 0.2rem 0.8rem; font-size: 0.75rem; margin: 0; padding: 0; list-style: none; }
    .legend svg { display: inline-block; width: 22px; height: 10px; vertical-align: middle; }
    .readout { font-size: 0.78rem; min-height: 1.2em; color: #111827; margin: 0.2rem 0 0; }
    :host([presenting]) .exports, :host([presenting]) .readout.hint, :host([presenting]) .legend .where, :host([presenting]) .explanation { display: none; }
    :host([presenting]) { padding: 0.4rem 0.6rem 0.3rem; }
    @media print { .exports, .readout { display: none; } }
    :host([presenting]) .legend { font-size: 1rem; }
    :host([presenting]) .legend svg { width: 31px; height: 14px; }
  `;

  static override properties = {
    spec: { attribute: false },
    height: { type: Number },
    presenting: { type: Boolean, reflect: true },
    caption: { type: String },
    cursor: { state: true },
    width: { state: true },
  };

  /** What to draw. */
  spec: ChartSpec | null = null;
  /** Height of the plot area in CSS pixels. */
  height = 190;
  /** Presenter mode: text a room can read, no export buttons or hover hints. */
  presenting = false;
  /** One line naming the scenario, printed under exported figures. */
  caption = '';
  private cursor: number | null = null;
  private width = 560;
  private resizeObserver: ResizeObserver | null = null;
  private model: ChartModel | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver((entries) => {
      const measured = Math.floor(entries[0].contentRect.width);
      // Resize on the next frame: changing size inside the observer's callback loops.
      if (measured > 0 && Math.abs(measured - this.width) > 2)
        requestAnimationFrame(() => (this.width = measured));
    });
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
  }

  private get format(): (value: number) => string {
    return this.spec?.format ?? formatCompact;
  }

  private handlePointerMove(event: PointerEvent): void {
    if (!this.model || !this.spec) return;
    const svgElement = event.currentTarget as SVGSVGElement;
    const box = svgElement.getBoundingClientRect();
    const px = ((event.clientX - box.left) / box.width) * this.model.width;
    this.cursor = dayAt(this.model, px, this.spec.days);
  }

  private handleKeyDown(event: KeyboardEvent): void {
    if (!this.spec) return;
    const step = event.shiftKey ? 20 : 5;
    const current = this.cursor ?? 0;
    if (event.key === 'ArrowRight') this.cursor = Math.min(this.spec.days - 1, current + step);
    else if (event.key === 'ArrowLeft') this.cursor = Math.max(0, current - step);
    else if (event.key === 'Home') this.cursor = 0;
    else if (event.key === 'End') this.cursor = this.spec.days - 1;
    else if (event.key === 'Escape') this.cursor = null;
    else return;
    event.preventDefault();
  }

  /** Text size in pixels: the usual size, or about a hundredth of the screen's width when presenting. */
  private get textSize(): number {
    return this.presenting ? Math.max(14, Math.round(window.innerWidth / 100)) : CHART_TEXT_SIZE;
  }

  private legend(): LegendEntry[] {
    return legendEntries(this.spec?.layers ?? [], this.model?.markers ?? []);
  }

  /** The chart as a slide-ready figure: title, chart, legend and a caption naming the scenario. */
  private figure(element: SVGSVGElement) {
    const spec = this.spec!;
    const model = this.model!;
    const chart = new XMLSerializer()
      .serializeToString(element)
      .replace(/^<svg[^>]*>/, '')
      .replace(/<\/svg>$/, '');
    return figureSvg({
      title: spec.title,
      caption: this.caption || spec.explanation,
      chart,
      width: model.width,
      height: model.height,
      legend: this.legend(),
    });
  }

  private async handleExport(format: 'svg' | 'png' | 'csv'): Promise<void> {
    const spec = this.spec;
    const element = this.renderRoot.querySelector('svg.chart') as SVGSVGElement | null;
    if (!spec || !element || !this.model) return;
    const name = `death-spiral-${spec.id}`;
    try {
      if (format === 'csv') download(`${name}.csv`, layersCsv(spec.layers, spec.days), 'text/csv');
      else {
        const figure = this.figure(element);
        if (format === 'svg') download(`${name}.svg`, figure.svg, 'image/svg+xml');
        else download(`${name}.png`, await svgToPng(figure.svg, figure.width, figure.height));
      }
    } catch (error) {
      const message = errorMessage(error);
      emit(this, 'dds-chart-error', { message });
    }
  }

  private renderReadout() {
    const spec = this.spec!;
    if (this.cursor === null)
      return html`<p class="readout hint" aria-live="polite">Hover or use the arrow keys on the chart to read values.</p>`;
    const day = this.cursor;
    const parts = spec.layers
      .filter((layer) => layer.kind !== 'band')
      .map((layer) => {
        const value = layerValueAt(layer, day);
        return `${layer.label}: ${Number.isFinite(value) ? this.format(value) : '–'}`;
      });
    const events = (spec.markers ?? [])
      .filter((m) => Math.abs(m.day - day) < 1.5)
      .map((m) => m.caption);
    return html`<p class="readout" aria-live="polite"><strong>Day ${day}</strong> · ${parts.join(' · ')}${events.length ? ` · ${events.join(' · ')}` : ''}</p>`;
  }

  private renderLegend() {
    return html`<ul class="legend">
      ${this.legend().map((entry) => {
        if (entry.kind === 'marker')
          return html`<li><svg viewBox="0 0 22 10" aria-hidden="true">${unsafeSVG(markerSvg(entry.marker, 11, 5, 4, MARKER_COLOURS[entry.marker]))}</svg>${MARKER_LABELS[entry.marker]}<span class="where"> (marked above the chart)</span></li>`;
        const { layer } = entry;
        return html`<li>
          <svg viewBox="0 0 22 10" aria-hidden="true">
            ${
              layer.kind === 'area' || layer.kind === 'band'
                ? svg`<rect x="1" y="1" width="20" height="8" fill=${layer.color} fill-opacity=${layer.kind === 'band' ? 0.25 : layer.muted ? 0.35 : 0.85}></rect>`
                : layer.kind === 'dots'
                  ? svg`<circle cx="11" cy="5" r="3.5" fill=${layer.color} fill-opacity=${layer.muted ? 0.45 : 1}></circle>`
                  : svg`<line x1="1" y1="5" x2="21" y2="5" stroke=${layer.color} stroke-width="2.5" stroke-dasharray=${layer.dash ?? ''} stroke-opacity=${layer.muted ? 0.6 : 1}></line>`
            }
          </svg>
          ${layer.label}
        </li>`;
      })}
    </ul>`;
  }

  private renderChart(model: ChartModel) {
    const spec = this.spec!;
    const { plot } = model;
    const size = this.textSize;
    const bottom = plot.top + plot.height;
    // Where a marker glyph of the axis text's size sat: centred in the strip above the plot.
    const markerY = plot.top - 5 - size * 0.35;
    const cursorX =
      this.cursor === null ? null : plot.left + (this.cursor / spec.days) * plot.width;
    return svg`
      <g>
        ${model.yTicks.map(
          (
            t,
          ) => svg`<line x1=${plot.left} x2=${plot.left + plot.width} y1=${t.y} y2=${t.y} stroke="#e5e7eb"></line>
          <text x=${plot.left - 6} y=${t.y + size * 0.35} text-anchor="end" font-size=${size} fill="#374151">${t.label}</text>`,
        )}
        ${model.xTicks.map((t) => svg`<text x=${t.x} y=${bottom + size * 1.35} text-anchor="middle" font-size=${size} fill="#374151">${t.label}</text>`)}
        <path d=${`M${plot.left},${plot.top}V${bottom}H${plot.left + plot.width}`} fill="none" stroke="#6b7280" data-axes></path>
        <text x=${plot.left + plot.width / 2} y=${model.height - 3} text-anchor="middle" font-size=${size} fill="#374151">working day</text>
        <text transform=${`translate(${size} ${plot.top + plot.height / 2}) rotate(-90)`} text-anchor="middle" font-size=${size} fill="#374151">${spec.yLabel}</text>
        <g transform=${`scale(${1 / PATH_SCALE})`}>
        ${model.paths.map((p) =>
          p.kind === 'line'
            ? svg`<path d=${p.d} fill="none" stroke=${p.color} stroke-width=${p.muted ? 1.5 : 2} stroke-dasharray=${p.dash} vector-effect="non-scaling-stroke" stroke-opacity=${p.muted ? 0.6 : 1} data-layer=${p.id}></path>`
            : svg`<path d=${p.d} fill=${p.color} fill-opacity=${p.kind === 'band' ? 0.22 : p.muted ? 0.3 : 0.8} stroke="none" data-layer=${p.id}></path>`,
        )}
        </g>
        ${model.dots.map((d) => svg`<circle cx=${d.cx} cy=${d.cy} r=${this.presenting ? 4.5 : 3} fill=${d.color} fill-opacity=${d.muted ? 0.45 : 0.95} data-layer=${d.id}></circle>`)}
        ${markerGroups(model.markers).map(({ kind, markers }) => {
          const paint = markerPaint(kind, MARKER_COLOURS[kind]);
          const d = markers.map((m) => markerPath(kind, m.x, markerY, size * 0.38)).join('');
          return svg`<path class="marker" data-marker=${kind} d=${d} fill=${paint.fill} stroke=${paint.stroke} stroke-width=${paint.strokeWidth}><title>${markerTitle(kind, markers)}</title></path>`;
        })}
        ${model.annotations.map(
          (a) => svg`<g data-annotation>
            <line x1=${a.x} x2=${a.x} y1=${plot.top} y2=${bottom} stroke="#111827" stroke-width="1.5" stroke-dasharray="4 3"></line>
            <text x=${a.anchor === 'start' ? a.x + 5 : a.x - 5} y=${plot.top + size + 2} text-anchor=${a.anchor} font-size=${size} font-weight="700" fill="#111827"
              stroke="#ffffff" stroke-width="4" paint-order="stroke">${a.label}</text>
          </g>`,
        )}
        ${cursorX === null ? nothing : svg`<line x1=${cursorX} x2=${cursorX} y1=${plot.top} y2=${bottom} stroke="#111827" stroke-dasharray="3 3"></line>`}
      </g>`;
  }

  override render() {
    const spec = this.spec;
    if (!spec) return nothing;
    const model = timeChartModel({
      ...spec,
      width: this.width,
      height: this.height,
      textSize: this.textSize,
    });
    this.model = model;
    const description = `${spec.title}. ${describeLayers(spec.layers, spec.days, this.format)}`;
    return html`<figure>
      <figcaption>
        <h3>${spec.title}</h3>
        <span class="exports">
          <button type="button" @click=${() => this.handleExport('svg')} aria-label=${`Export ${spec.title} as SVG`}>SVG</button>
          <button type="button" @click=${() => this.handleExport('png')} aria-label=${`Export ${spec.title} as PNG`}>PNG</button>
          <button type="button" @click=${() => this.handleExport('csv')} aria-label=${`Export ${spec.title} data as CSV`}>CSV</button>
        </span>
      </figcaption>
      <p class="explanation">${spec.explanation}</p>
      <svg class="chart" part="svg" viewBox=${`0 0 ${model.width} ${model.height}`} width=${model.width} height=${model.height}
        role="img" aria-label=${description} tabindex="0"
        @pointermove=${this.handlePointerMove} @pointerleave=${() => (this.cursor = null)} @keydown=${this.handleKeyDown}>
        <title>${spec.title}</title>
        ${this.renderChart(model)}
      </svg>
      ${this.renderLegend()}
      ${this.renderReadout()}
    </figure>`;
  }
}

defineElement('dds-time-chart', DdsTimeChart);

declare global {
  interface HTMLElementTagNameMap {
    'dds-time-chart': DdsTimeChart;
  }
  interface AppEvents {
    /** The chart could not draw or export; `message` says why. */
    'dds-chart-error': { message: string };
  }
}
