import { css, html, LitElement, nothing } from 'lit';
import { errorMessage, InputError, type Params, simulate } from '../../src/index.ts';
import { type ChartId, chartSpecs } from '../charts/chart-specs.ts';
import { runOptions, type UiScenario } from '../state/ui-scenario.ts';
import type { RunView } from '../worker/protocol.ts';
import { viewOf } from '../worker/view-of.ts';
import '../simulator/dds-param-panel.ts';
import '../components/dds-scorecard.ts';
import '../components/dds-time-chart.ts';
import { defineElement } from '../components/define-element.ts';
import type { DeathSpiralSimElement, DeathSpiralSimEvents } from './element-types.ts';
import {
  DEFAULT_EMBED_CHARTS,
  EMBED_HEIGHT,
  parseCharts,
  parseControls,
  parseHeight,
  scenarioOfPreset,
  scenarioOfText,
} from './embed-config.ts';

/**
 * `<death-spiral-sim>`: the simulator as one element for any page or slide deck.
 *
 * @tagname death-spiral-sim
 *
 * @attr preset - A preset team id (default medium).
 * @attr scenario - A scenario: the address of a scenario JSON file, or the JSON itself. Wins over `preset`.
 * @attr controls - Parameter ids to offer as controls, separated by commas; `all`, or `none` (the default).
 * @attr charts - Chart ids to show, separated by commas (default `wip,deploymentSize`).
 * @attr height - Height of each chart in pixels, 80 to 800 (default 200).
 * @fires death-spiral-run - A run finished; `detail` is `{ summary, scenario }`.
 * @fires death-spiral-change - A control moved; `detail` is `{ id, value }`.
 * @fires death-spiral-error - An attribute or a control was refused; `detail` is `{ field, message }`. The last good run stays.
 */
export class DeathSpiralSim extends LitElement implements DeathSpiralSimElement {
  static override styles = css`
    :host { display: block; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1f24; background: #f6f7f9; border: 1px solid #d6d9de; border-radius: 8px; padding: 0.6rem; }
    .layout { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.6rem; }
    .layout.with-controls { grid-template-columns: minmax(200px, 260px) minmax(0, 1fr); }
    .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 0.6rem; }
    aside { background: #fff; border: 1px solid #d6d9de; border-radius: 6px; padding: 0.2rem 0.6rem; max-height: 80vh; overflow-y: auto; }
    .error { background: #fff4e5; border: 1px solid #b54708; color: #7a2e0e; border-radius: 6px; padding: 0.4rem 0.6rem; margin: 0 0 0.5rem; }
    @media (max-width: 640px) { .layout.with-controls { grid-template-columns: 1fr; } }
  `;

  static override properties = {
    preset: { type: String },
    scenario: { type: String },
    controls: { type: String },
    charts: { type: String },
    height: { type: String },
  };

  /** A preset team id. */
  preset: string | null = null;
  /** A scenario file's address, or its JSON. */
  scenario: string | null = null;
  /** Parameter ids to offer as controls, `all` or `none`. */
  controls: string | null = null;
  /** Chart ids to show. */
  charts: string | null = null;
  /** Chart height in pixels. */
  height: string | null = null;

  private current: UiScenario | null = null;
  private view: RunView | null = null;
  private shownControls: string[] = [];
  private shownCharts: ChartId[] = [...DEFAULT_EMBED_CHARTS];
  private chartHeight: number = EMBED_HEIGHT.default;
  /** What is wrong now, by attribute: each message stays until that attribute reads well again. */
  private errors = new Map<string, string>();
  private loading = 0;
  private runQueued = false;

  /** The parameters of the scenario shown (a copy). */
  get params(): Params | null {
    return this.current ? { ...this.current.params } : null;
  }

  /** The summary of the last run, or null before the first. */
  get summary(): RunView['summary'] | null {
    return this.view?.summary ?? null;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (
      changed.has('controls') ||
      changed.has('charts') ||
      changed.has('height') ||
      !this.hasUpdated
    )
      this.readLayout();
    if (changed.has('preset') || changed.has('scenario') || !this.hasUpdated)
      void this.loadScenario();
  }

  /** Shows and announces a refusal under `source` (the attribute it came from). */
  private refuse(source: string, error: unknown, kept = ''): void {
    const field = error instanceof InputError ? error.field : source;
    const message = `${errorMessage(error)}${kept}`;
    this.errors.set(source, message);
    this.dispatchEvent(
      new CustomEvent<DeathSpiralSimEvents['death-spiral-error']>('death-spiral-error', {
        detail: { field, message },
        bubbles: true,
        composed: true,
      }),
    );
    this.requestUpdate();
  }

  /** Reads each layout attribute on its own: a bad one keeps its last good value, the others apply. */
  private readLayout(): void {
    const read = <T>(source: string, parse: () => T, apply: (value: T) => void, kept: string) => {
      try {
        apply(parse());
        this.errors.delete(source);
      } catch (error) {
        this.refuse(source, error, kept);
      }
    };
    read(
      'controls',
      () => parseControls(this.controls),
      (v) => (this.shownControls = v),
      '. The controls shown before stay.',
    );
    read(
      'charts',
      () => parseCharts(this.charts),
      (v) => (this.shownCharts = v),
      this.hasUpdated ? '. The charts shown before stay.' : '. The default charts are shown.',
    );
    read(
      'height',
      () => parseHeight(this.height),
      (v) => (this.chartHeight = v),
      `. Charts stay ${this.chartHeight} pixels high.`,
    );
  }

  private async loadScenario(): Promise<void> {
    const ticket = ++this.loading;
    try {
      const source = this.scenario?.trim();
      let scenario: UiScenario;
      if (!source) scenario = scenarioOfPreset(this.preset);
      else if (source.startsWith('{')) scenario = scenarioOfText(source, 'scenario');
      else {
        const response = await fetch(new URL(source, document.baseURI));
        if (!response.ok)
          throw new InputError(
            'scenario',
            source,
            `allowed: the address of a scenario file that can be read (the server answered ${response.status})`,
          );
        scenario = scenarioOfText(await response.text(), source);
      }
      if (ticket !== this.loading) return;
      this.errors.delete('scenario');
      this.current = scenario;
      this.run();
    } catch (error) {
      if (ticket !== this.loading) return;
      this.refuse(
        'scenario',
        error instanceof TypeError
          ? new InputError(
              'scenario',
              this.scenario,
              `allowed: the address of a scenario file that can be read (${error.message})`,
            )
          : error,
        this.current ? '. The last good scenario stays.' : '',
      );
    }
  }

  /** Runs the scenario shown again; changes made together (attributes set in one go) run once. */
  run(): void {
    if (this.runQueued) return;
    this.runQueued = true;
    queueMicrotask(() => {
      this.runQueued = false;
      const scenario = this.current;
      if (!scenario) return;
      const started = performance.now();
      this.view = viewOf(simulate(scenario.params, runOptions(scenario)), null, started);
      this.requestUpdate();
      this.dataset.runs = String(Number(this.dataset.runs ?? 0) + 1);
      this.dispatchEvent(
        new CustomEvent<DeathSpiralSimEvents['death-spiral-run']>('death-spiral-run', {
          detail: { summary: this.view.summary, scenario },
          bubbles: true,
          composed: true,
        }),
      );
    });
  }

  private handleParamChange(
    event: CustomEvent<{ id: keyof Params; value: number | boolean | string }>,
  ): void {
    event.stopPropagation();
    if (!this.current) return;
    const { id, value } = event.detail;
    this.current = { ...this.current, params: { ...this.current.params, [id]: value } };
    this.dispatchEvent(
      new CustomEvent<DeathSpiralSimEvents['death-spiral-change']>('death-spiral-change', {
        detail: { id, value },
        bubbles: true,
        composed: true,
      }),
    );
    this.run();
  }

  override render() {
    const view = this.view;
    const specs = view
      ? chartSpecs(view, null).filter((spec) => this.shownCharts.includes(spec.id as ChartId))
      : [];
    return html`${[...this.errors.values()].map((message) => html`<p class="error refusal" role="alert">${message}</p>`)}
      <div class=${this.shownControls.length > 0 ? 'layout with-controls' : 'layout'}>
        ${
          this.shownControls.length > 0 && this.current
            ? html`<aside aria-label="Parameters"><dds-param-panel .params=${this.current.params} .only=${this.shownControls} @dds-param-change=${this.handleParamChange}></dds-param-panel></aside>`
            : nothing
        }
        <div>
          <dds-scorecard .summary=${view?.summary ?? null} .baseline=${null} .percentiles=${null}></dds-scorecard>
          <div class="charts">
            ${view ? specs.map((spec) => html`<dds-time-chart .spec=${spec} .height=${this.chartHeight} data-chart=${spec.id}></dds-time-chart>`) : html`<p>Running the model…</p>`}
          </div>
        </div>
      </div>`;
  }
}

defineElement('death-spiral-sim', DeathSpiralSim);
