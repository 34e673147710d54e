import { css, html, LitElement, nothing } from 'lit';
import { type ChartSpec, chartSpecs } from '../charts/chart-specs.ts';
import { timeChartModel } from '../charts/time-chart.ts';
import type { RunView } from '../worker/protocol.ts';
import '../components/dds-scorecard.ts';
import '../components/dds-time-chart.ts';
import { defineElement } from '../components/define-element.ts';
import { emit } from '../components/events.ts';

/** One side of the comparison: a name and the run it produced. */
export interface ComparedRun {
  name: string;
  view: RunView;
}

/** The charts shown for each side: the ones that tell the spiral apart fastest. */
const SIDE_CHARTS = ['wip', 'leadTime', 'capacity'];

/** The same charts for both sides with the y axis of each pair raised to the taller of the two. */
function shareScales(left: ChartSpec[], right: ChartSpec[]): [ChartSpec[], ChartSpec[]] {
  const tops = left.map((spec, i) =>
    Math.max(
      timeChartModel({ ...spec, width: 400, height: 170 }).yMax,
      timeChartModel({ ...right[i], width: 400, height: 170 }).yMax,
    ),
  );
  return [
    left.map((spec, i) => ({ ...spec, yAtLeast: tops[i] })),
    right.map((spec, i) => ({ ...spec, yAtLeast: tops[i] })),
  ];
}

/**
 * Two snapshots side by side: the scorecard and the key charts of each, on the same axes, for a
 * slide or a projector.
 *
 * @event dds-side-by-side-close - The user closed the comparison.
 */
export class DdsSideBySide extends LitElement {
  static override styles = css`
    :host { display: block; background: #f6f7f9; border: 2px solid #14213d; border-radius: 8px; padding: 0.6rem; }
    header { display: flex; justify-content: space-between; align-items: center; }
    h2 { font-size: 1.1rem; margin: 0; }
    .columns { display: grid; grid-template-columns: 1fr 1fr; gap: 0.6rem; margin-top: 0.5rem; }
    h3 { font-size: 1rem; margin: 0 0 0.3rem; }
    .column { display: grid; gap: 0.5rem; align-content: start; min-width: 0; }
    button { font: inherit; }
    button:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
  `;

  static override properties = {
    left: { attribute: false },
    right: { attribute: false },
  };

  /** The left-hand run. */
  left: ComparedRun | null = null;
  /** The right-hand run. */
  right: ComparedRun | null = null;

  private renderColumn(side: ComparedRun, specs: ChartSpec[]) {
    return html`<section class="column" aria-label=${side.name}>
      <h3>${side.name}</h3>
      <dds-scorecard .summary=${side.view.summary}></dds-scorecard>
      ${specs.map((spec) => html`<dds-time-chart .spec=${spec} .height=${170} data-chart=${spec.id}></dds-time-chart>`)}
    </section>`;
  }

  override render() {
    if (!this.left || !this.right) return nothing;
    const pick = (view: RunView) =>
      chartSpecs(view, null).filter((spec) => SIDE_CHARTS.includes(spec.id));
    const [left, right] = shareScales(pick(this.left.view), pick(this.right.view));
    return html`<header>
        <h2>Side by side: ${this.left.name} and ${this.right.name}</h2>
        <button type="button" @click=${() => emit(this, 'dds-side-by-side-close')}>Close comparison</button>
      </header>
      <div class="columns">${this.renderColumn(this.left, left)}${this.renderColumn(this.right, right)}</div>`;
  }
}

defineElement('dds-side-by-side', DdsSideBySide);

declare global {
  interface HTMLElementTagNameMap {
    'dds-side-by-side': DdsSideBySide;
  }
  interface AppEvents {
    /** The reader closed the comparison. */
    'dds-side-by-side-close': null;
  }
}
