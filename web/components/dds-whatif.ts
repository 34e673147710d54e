import { css, html, LitElement, nothing } from 'lit';
import type { Calibration, CalibrationTargets } from '../../src/analysis/calibrate';
import type { Improvement, ValueStream } from '../../src/analysis/constraints';
import type { BatchSizeCurve } from '../../src/analysis/economics';
import type { ResilienceReport } from '../../src/analysis/resilience';
import type { SensitivityBar } from '../../src/analysis/sensitivity';
import type { SweepCell, SweepSpec } from '../../src/analysis/sweep';
import { EXAMPLE_HISTORY_CSV, historyTargets } from '../../src/analysis/team-history';
import type { CriticalValue, TippingCurve } from '../../src/analysis/tipping';
import {
  InputError,
  PARAMS,
  type ParamId,
  type Params,
  SUMMARY_NUMBERS,
  type SummaryNumber,
} from '../../src/index';
import { ANALYSES, type AnalysisId } from '../analysis/analyses';
import { requestAnalysis, runSweepInBrowser } from '../analysis/analysis-client';
import type { UiScenario } from '../state/scenario';
import './dds-phase-map';
import { download } from './download';
import {
  calibrationView,
  resilienceView,
  tippingView,
  tornado,
  uCurve,
  valueStreamView,
} from './whatif-results';

const NUMERIC = PARAMS.filter((p) => p.kind === 'number' || p.kind === 'integer');

/**
 * The what-if planning view: a phase map of two parameters, the tipping point, sensitivity,
 * calibration to a team's own figures, resilience, batch-size economics and the value stream,
 * each run in the simulation workers on the scenario on screen.
 *
 * @event dds-analysis-change - Another analysis was chosen; `detail.analysis`.
 * @event dds-apply-params - Load these parameters into the simulator; `detail.params`.
 * @event dds-whatif-inputs - A form field changed; `detail.inputs` holds every field set so far.
 */
export class DdsWhatif extends LitElement {
  static override styles = css`
    :host { display: block; background: #fff; border: 1px solid #d6d9de; border-radius: 6px; padding: 0.6rem 0.9rem; font-size: 0.9rem; }
    [role='tablist'] { display: flex; flex-wrap: wrap; gap: 0.3rem; margin-bottom: 0.6rem; }
    [role='tab'] { font: inherit; padding: 0.25rem 0.6rem; border: 1px solid #14213d; border-radius: 4px; background: #fff; cursor: pointer; }
    [role='tab'][aria-selected='true'] { background: #14213d; color: #fff; }
    button, select, input { font: inherit; }
    button:focus-visible, select:focus-visible, input:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
    form { display: flex; flex-wrap: wrap; gap: 0.5rem 0.8rem; align-items: end; margin-bottom: 0.6rem; }
    label { display: flex; flex-direction: column; font-size: 0.8rem; gap: 0.1rem; }
    input[type='number'] { width: 6rem; }
    svg { max-width: 100%; height: auto; }
    table { border-collapse: collapse; margin: 0.4rem 0; }
    th, td { text-align: left; padding: 0.2rem 0.5rem; border-bottom: 1px solid #eceef1; }
    .verdict { font-weight: 700; }
    .warning { color: #b42318; font-weight: 700; }
    progress { width: 12rem; }
  `;

  static override properties = {
    scenario: { attribute: false },
    analysis: { type: String },
    inputs: { attribute: false },
    busy: { state: true },
    progress: { state: true },
    result: { state: true },
    error: { state: true },
    mapSpec: { state: true },
  };

  /** The scenario the analyses start from. */
  scenario: UiScenario | null = null;
  /** The analysis shown. */
  analysis: AnalysisId = 'map';
  /** Form values from the link (field name to value), so a shared link opens the same analysis. */
  inputs: Record<string, string> = {};
  private busy = false;
  private progress = 0;
  private result: unknown = null;
  private error = '';
  private mapSpec: SweepSpec | null = null;
  private controller: AbortController | null = null;

  private selectTab(analysis: AnalysisId): void {
    this.controller?.abort();
    this.result = null;
    this.error = '';
    this.dispatchEvent(
      new CustomEvent('dds-analysis-change', {
        detail: { analysis },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private field(name: string): string {
    return (
      (
        this.renderRoot.querySelector(`[name="${name}"]`) as
          | HTMLInputElement
          | HTMLSelectElement
          | null
      )?.value ?? ''
    );
  }

  private async run(event?: Event): Promise<void> {
    event?.preventDefault();
    const scenario = this.scenario;
    if (!scenario || this.busy) return;
    const params = scenario.params;
    const days = scenario.days;
    this.busy = true;
    this.error = '';
    this.result = null;
    this.progress = 0;
    try {
      switch (this.analysis) {
        case 'map': {
          const axis = (p: string, from: string, to: string, steps: string) => ({
            param: p as ParamId,
            from: Number(from),
            to: Number(to),
            steps: Number(steps),
          });
          const spec: SweepSpec = {
            axes: [
              axis(
                this.field('xParam'),
                this.field('xFrom'),
                this.field('xTo'),
                this.field('xSteps'),
              ),
              axis(
                this.field('yParam'),
                this.field('yFrom'),
                this.field('yTo'),
                this.field('ySteps'),
              ),
            ],
            seeds: Number(this.field('seeds')),
            days,
            seed: scenario.seed,
          };
          this.controller = new AbortController();
          const { cells, cancelled } = await runSweepInBrowser(params, spec, {
            signal: this.controller.signal,
            onProgress: (done, total) => (this.progress = done / total),
          });
          if (cancelled) this.error = `Cancelled after ${cells.length} cells.`;
          else {
            this.mapSpec = spec;
            this.result = cells;
          }
          break;
        }
        case 'tipping':
          this.result = await requestAnalysis({
            kind: 'tipping',
            params,
            days,
            param: this.field('param') as ParamId,
          });
          break;
        case 'sensitivity':
          this.result = await requestAnalysis({
            kind: 'sensitivity',
            params,
            days,
            metric: this.field('metric') as SummaryNumber,
          });
          break;
        case 'calibrate':
          this.result = await requestAnalysis({
            kind: 'calibrate',
            params,
            days,
            targets: this.targets(),
          });
          break;
        case 'resilience':
          this.result = await requestAnalysis({ kind: 'resilience', params, days });
          break;
        case 'economics':
          this.result = await requestAnalysis({
            kind: 'economics',
            params,
            days,
            from: Number(this.field('from')),
            to: Number(this.field('to')),
            steps: 30,
          });
          break;
        case 'constraints':
          this.result = await requestAnalysis({ kind: 'constraints', params, days });
          break;
      }
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.busy = false;
      this.controller = null;
    }
  }

  private historyText = '';

  private targets(): CalibrationTargets {
    const team = Number(this.field('team'));
    if (this.historyText) return historyTargets(this.historyText, team);
    const optional = (name: string) =>
      this.field(name).trim() === '' ? undefined : Number(this.field(name));
    const targets: CalibrationTargets = {
      teamSize: team,
      deploymentsPerWeek: optional('df'),
      leadTimeDays: optional('lt'),
      changeFailureRate: optional('cfr') === undefined ? undefined : optional('cfr')! / 100,
      timeToRestoreHours: optional('ttr'),
    };
    for (const [key, value] of Object.entries(targets)) {
      if (value !== undefined && !Number.isFinite(value))
        throw new InputError(key, value, 'allowed: a number');
    }
    return targets;
  }

  private async handleHistory(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    this.historyText = file ? await file.text() : '';
    this.requestUpdate();
  }

  private useExample(): void {
    this.historyText = EXAMPLE_HISTORY_CSV;
    void this.run();
  }

  private apply(params: Partial<Params>): void {
    this.dispatchEvent(
      new CustomEvent('dds-apply-params', { detail: { params }, bubbles: true, composed: true }),
    );
  }

  private paramSelect(name: string, selected: ParamId, label: string) {
    const chosen = this.input(name, selected);
    return html`<label>${label}<select name=${name}>${NUMERIC.map((p) => html`<option value=${p.id} ?selected=${p.id === chosen}>${p.label}</option>`)}</select></label>`;
  }

  /** A form field's value from the link, or its default. */
  private input(name: string, fallback: string): string {
    return this.inputs[name] ?? fallback;
  }

  private handleFormChange(event: Event): void {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    if (!target.name || target.type === 'file') return;
    this.inputs = { ...this.inputs, [target.name]: target.value };
    this.dispatchEvent(
      new CustomEvent('dds-whatif-inputs', {
        detail: { inputs: this.inputs },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private renderForm() {
    const p = this.scenario!.params;
    const runButton = html`<button type="submit" ?disabled=${this.busy}>${this.busy ? 'Running…' : 'Run'}</button>`;
    switch (this.analysis) {
      case 'map':
        return html`<form @submit=${this.run}>
          ${this.paramSelect('xParam', 'releaseIntervalDays', 'Columns')}
          <label>from<input name="xFrom" type="number" step="any" .value=${this.input('xFrom', '3')} /></label><label>to<input name="xTo" type="number" step="any" .value=${this.input('xTo', '20')} /></label><label>steps<input name="xSteps" type="number" .value=${this.input('xSteps', '8')} /></label>
          ${this.paramSelect('yParam', 'regressionPassDays', 'Rows')}
          <label>from<input name="yFrom" type="number" step="any" .value=${this.input('yFrom', '0.5')} /></label><label>to<input name="yTo" type="number" step="any" .value=${this.input('yTo', '10')} /></label><label>steps<input name="ySteps" type="number" .value=${this.input('ySteps', '8')} /></label>
          <label>seeds a cell<input name="seeds" type="number" .value=${this.input('seeds', '4')} /></label>
          ${runButton}
          ${this.busy ? html`<progress max="1" .value=${this.progress} aria-label="Cells done"></progress><button type="button" @click=${() => this.controller?.abort()}>Cancel</button>` : nothing}
        </form>`;
      case 'tipping':
        return html`<form @submit=${this.run}>${this.paramSelect('param', 'regressionPassDays', 'Parameter')}${runButton}</form>`;
      case 'sensitivity':
        return html`<form @submit=${this.run}><label>Metric<select name="metric">${SUMMARY_NUMBERS.map((m) => html`<option value=${m} ?selected=${m === this.input('metric', 'leadTimeDays')}>${m}</option>`)}</select></label>${runButton}</form>`;
      case 'calibrate':
        return html`<form @submit=${this.run}>
          <label>Team size<input name="team" type="number" min="1" value=${String(p.teamSize)} /></label>
          <label>Deploys per week<input name="df" type="number" step="any" /></label>
          <label>Lead time (days)<input name="lt" type="number" step="any" /></label>
          <label>Change failure rate (%)<input name="cfr" type="number" step="any" /></label>
          <label>Time to restore (hours)<input name="ttr" type="number" step="any" /></label>
          <label>…or deployment history (CSV)<input type="file" accept=".csv,text/csv" @change=${this.handleHistory} /></label>
          ${runButton}<button type="button" @click=${this.useExample} ?disabled=${this.busy}>Use the example history</button>
          <button type="button" @click=${() => download('example-deployments.csv', EXAMPLE_HISTORY_CSV, 'text/csv')}>Download the example CSV</button>
        </form>`;
      case 'economics':
        return html`<form @submit=${this.run}><label>Intervals from<input name="from" type="number" step="any" .value=${this.input('from', '1')} /></label><label>to<input name="to" type="number" step="any" .value=${this.input('to', '40')} /></label>${runButton}</form>`;
      default:
        return html`<form @submit=${this.run}>${runButton}</form>`;
    }
  }

  private renderResult() {
    const result = this.result;
    if (!result) return nothing;
    switch (this.analysis) {
      case 'map': {
        const spec = this.mapSpec!;
        return html`<dds-phase-map .spec=${spec} .cells=${result as SweepCell[]}
          @dds-cell-pick=${(e: CustomEvent<{ cell: SweepCell }>) => this.apply(Object.fromEntries(spec.axes.map((a, i) => [a.param, e.detail.cell.values[i]])) as Partial<Params>)}></dds-phase-map>`;
      }
      case 'tipping':
        return tippingView(result as TippingCurve & { critical: CriticalValue });
      case 'sensitivity':
        return tornado(result as SensitivityBar[], this.field('metric'));
      case 'calibrate': {
        const calibration = result as Calibration;
        return html`${calibrationView(calibration)}<button type="button" @click=${() => this.apply(calibration.params)}>Load the fitted scenario into the simulator</button>`;
      }
      case 'resilience':
        return resilienceView(result as ResilienceReport);
      case 'economics':
        return uCurve(result as BatchSizeCurve);
      case 'constraints': {
        const { base, ranking } = result as { base: ValueStream; ranking: Improvement[] };
        return valueStreamView(base, ranking);
      }
    }
  }

  override render() {
    if (!this.scenario) return nothing;
    return html`<div role="tablist" aria-label="What-if analyses">
        ${(Object.keys(ANALYSES) as AnalysisId[]).map((id) => html`<button type="button" role="tab" aria-selected=${id === this.analysis ? 'true' : 'false'} @click=${() => this.selectTab(id)}>${ANALYSES[id]}</button>`)}
      </div>
      <section role="tabpanel" aria-label=${ANALYSES[this.analysis]} @change=${this.handleFormChange}>
        ${this.renderForm()}
        ${this.error ? html`<p class="warning" role="alert">${this.error}</p>` : nothing}
        ${this.renderResult()}
      </section>`;
  }
}

customElements.define('dds-whatif', DdsWhatif);

declare global {
  interface HTMLElementTagNameMap {
    'dds-whatif': DdsWhatif;
  }
}
