import { css, html, LitElement, nothing, svg } from 'lit';
import { phaseBoundary, type SweepCell, type SweepSpec } from '../../src/analysis/sweep.ts';
import { PARAM_BY_ID } from '../../src/index.ts';
import { formatNumber, formatParam } from '../charts/format.ts';
import { PALETTE } from '../charts/palette.ts';
import { defineElement } from '../components/define-element.ts';
import { emit } from '../components/events.ts';

const FILL = { stable: '#cfe8dc', recovers: '#fde7b0', spirals: '#f4b6a3' } as const;
const MARK = { stable: '·', recovers: 'o', spirals: '✕' } as const;

/**
 * A two-parameter phase map: each cell coloured and marked by its outcome (stable, recovers,
 * spirals) with the boundary between spiralling and not drawn. Click a cell, or move with the
 * arrow keys and press Enter, to load it.
 *
 * @event dds-cell-pick - A cell was chosen; `detail.cell` is it.
 */
export class DdsPhaseMap extends LitElement {
  static override styles = css`
    :host { display: block; }
    svg { display: block; max-width: 100%; height: auto; }
    svg:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
    rect.cell { cursor: pointer; }
    .legend { font-size: 0.8rem; margin: 0.3rem 0; }
  `;

  static override properties = {
    spec: { attribute: false },
    cells: { attribute: false },
    cursor: { state: true },
  };

  /** The sweep the cells come from (two axes). */
  spec: SweepSpec | null = null;
  /** The cells, in sweep order. */
  cells: SweepCell[] = [];
  private cursor = 0;

  private pick(index: number): void {
    const cell = this.cells[index];
    if (cell) emit(this, 'dds-cell-pick', { cell });
  }

  private handleKey(event: KeyboardEvent): void {
    if (!this.spec) return;
    const nx = this.spec.axes[0].steps;
    const total = this.cells.length;
    const moves: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      ArrowUp: nx,
      ArrowDown: -nx,
    };
    if (Object.hasOwn(moves, event.key)) {
      this.cursor = Math.max(0, Math.min(total - 1, this.cursor + moves[event.key]));
      event.preventDefault();
    } else if (event.key === 'Enter' || event.key === ' ') {
      this.pick(this.cursor);
      event.preventDefault();
    }
  }

  override render() {
    const spec = this.spec;
    if (spec?.axes.length !== 2 || this.cells.length === 0) return nothing;
    const [ax, ay] = spec.axes;
    const xSpec = PARAM_BY_ID.get(ax.param);
    const ySpec = PARAM_BY_ID.get(ay.param);
    const show = (id: string, value: number) => {
      const p = PARAM_BY_ID.get(id);
      return p ? formatParam(p, value) : formatNumber(value);
    };
    const size = 34;
    const left = 96;
    const bottom = 58;
    const width = left + ax.steps * size + 10;
    const height = ay.steps * size + bottom + 10;
    const x = (i: number) => left + (i % ax.steps) * size;
    const y = (i: number) => 10 + (ay.steps - 1 - Math.floor(i / ax.steps)) * size;
    const current = this.cells[this.cursor];
    const xLabel = xSpec?.label ?? ax.param;
    const yLabel = ySpec?.label ?? ay.param;
    const cellWords = (cell: SweepCell) =>
      `${xLabel} ${show(ax.param, cell.values[0])}, ${yLabel} ${show(ay.param, cell.values[1])}: ${cell.outcome} (${cell.outcomeCounts.spirals} of ${spec.seeds} seeds spiral)`;
    const label = `Phase map of ${xLabel} (columns) by ${yLabel} (rows): ${this.cells.filter((c) => c.outcome === 'spirals').length} of ${this.cells.length} cells spiral after the standard slip. Selected: ${current ? cellWords(current) : 'none'}. Arrow keys move, Enter loads.`;
    const isShare = (id: string) => {
      const unit = PARAM_BY_ID.get(id)?.unit ?? '';
      return unit.startsWith('share (0–1)') || unit.startsWith('utilisation');
    };
    const tick = (id: string, value: number) =>
      isShare(id) ? `${formatNumber(value * 100, 3)}%` : formatNumber(value, 3);
    const unitOf = (id: string) => (isShare(id) ? '%' : (PARAM_BY_ID.get(id)?.unit ?? ''));
    const columns = Array.from({ length: ax.steps }, (_, i) => this.cells[i]?.values[0]);
    const rows = Array.from({ length: ay.steps }, (_, j) => this.cells[j * ax.steps]?.values[1]);
    return html`<p class="legend">· stable &nbsp; o recovers &nbsp; ✕ spirals, after the standard three-week slip; the dark line is the tipping boundary. Click a cell, or move with the arrow keys and press Enter, to load it.</p>
      <svg viewBox=${`0 0 ${width} ${height}`} width=${width} height=${height} role="img" aria-label=${label} tabindex="0" @keydown=${this.handleKey}>
        ${this.cells.map(
          (cell, i) => svg`<g @click=${() => this.pick(i)}>
            <rect class="cell" x=${x(i)} y=${y(i)} width=${size - 1} height=${size - 1} fill=${FILL[cell.outcome]} stroke=${i === this.cursor ? PALETTE.black : 'none'} stroke-width="2" data-outcome=${cell.outcome}>
              <title>${cellWords(cell)}</title>
            </rect>
            <text x=${x(i) + size / 2 - 0.5} y=${y(i) + size / 2 + 4} text-anchor="middle" font-size="12" pointer-events="none">${MARK[cell.outcome]}</text>
          </g>`,
        )}
        ${phaseBoundary(spec, this.cells).map(([a, b]) => {
          const vertical = b === a + 1;
          const x1 = vertical ? x(b) - 0.5 : x(a);
          const y1 = vertical ? y(a) : y(a) - 0.5;
          return svg`<line x1=${x1} y1=${y1} x2=${vertical ? x1 : x1 + size} y2=${vertical ? y1 + size : y1} stroke=${PALETTE.black} stroke-width="3"></line>`;
        })}
        ${columns.map((value, i) => svg`<text x=${left + i * size + size / 2} y=${10 + ay.steps * size + 14} text-anchor="middle" font-size="11" fill="#374151">${tick(ax.param, value)}</text>`)}
        ${rows.map((value, j) => svg`<text x=${left - 6} y=${10 + (ay.steps - 1 - j) * size + size / 2 + 4} text-anchor="end" font-size="11" fill="#374151">${tick(ay.param, value)}</text>`)}
        <text x=${left + (ax.steps * size) / 2} y=${height - 12} text-anchor="middle" font-size="12" fill="#111827">${xLabel} (${unitOf(ax.param)})</text>
        <text transform=${`translate(14 ${10 + (ay.steps * size) / 2}) rotate(-90)`} text-anchor="middle" font-size="12" fill="#111827">${yLabel} (${unitOf(ay.param)})</text>
      </svg>
      <p class="legend" aria-live="polite" data-selected>${current ? `Selected: ${cellWords(current)}.` : ''}</p>`;
  }
}

defineElement('dds-phase-map', DdsPhaseMap);

declare global {
  interface HTMLElementTagNameMap {
    'dds-phase-map': DdsPhaseMap;
  }
  interface AppEvents {
    /** The reader picked a cell of the map. */
    'dds-cell-pick': { cell: SweepCell };
  }
}
