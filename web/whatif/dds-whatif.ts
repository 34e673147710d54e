import { Task, TaskStatus } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import type { Calibration, CalibrationTargets } from '../../src/analysis/calibrate.ts';
import { EXAMPLE_HISTORY_CSV, EXAMPLE_TEAM_SIZE } from '../../src/history/history-file.ts';
import { historyTargets } from '../../src/history/measure.ts';
import {
  errorMessage,
  InputError,
  type Intervention,
  PARAMS,
  type ParamId,
  type Params,
} from '../../src/index.ts';
import type { UiScenario } from '../state/ui-scenario.ts';
import { requestAnalysis } from '../worker/analysis-client.ts';
import { ANALYSES, type AnalysisId } from './analyses.ts';
import {
  ANALYSIS_TABLE,
  type Job,
  jobOf,
  type ShownResult,
  viewOf,
  type WhatifHost,
} from './analysis-table.ts';
import './dds-phase-map.ts';
import { defineElement } from '../components/define-element.ts';
import { download } from '../components/download.ts';
import { emit } from '../components/events.ts';

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
export class DdsWhatif extends LitElement implements Omit<WhatifHost, 'scenario'> {
  static override styles = css`
    :host { display: block; min-width: 0; max-width: 100%; box-sizing: border-box; background: #fff; border: 1px solid #d6d9de; border-radius: 6px; padding: 0.6rem 0.9rem; font-size: 0.9rem; }
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
    .scroll { overflow-x: auto; max-width: 100%; position: relative; }
    td small { color: #4a4f57; white-space: nowrap; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    form.dropping { outline: 3px dashed #0b57d0; outline-offset: 4px; }
    .running { display: flex; gap: 0.6rem; align-items: center; }
    .legend { display: flex; flex-wrap: wrap; gap: 0.2rem 0.9rem; list-style: none; padding: 0; margin: 0.2rem 0; font-size: 0.8rem; }
    .legend svg { width: 22px; height: 10px; vertical-align: middle; margin-right: 0.2rem; }
    .legend-line { font-size: 0.8rem; }
    .swatch { display: inline-block; width: 0.9rem; height: 0.7rem; vertical-align: middle; margin-left: 0.5rem; }
    .swatch.up { background: #D55E00; } .swatch.down { background: #0072B2; }
    .swatch.wait { background: #E69F00; } .swatch.work { background: #0072B2; }
    .terminal { font-size: 0.8rem; color: #4a4f57; margin: 0.6rem 0 0; }
  `;

  static override properties = {
    scenario: { attribute: false },
    analysis: { type: String },
    inputs: { attribute: false },
    progress: { state: true },
    formError: { state: true },
  };

  /** The scenario the analyses start from. */
  scenario: UiScenario | null = null;
  /** The analysis shown. */
  analysis: AnalysisId = 'map';
  /** Form values from the link (field name to value), so a shared link opens the same analysis. */
  inputs: Record<string, string> = {};
  private progress = 0;
  /** A problem with the form's fields, found before anything ran. */
  private formError = '';

  /**
   * The analysis run: one at a time, cancelled by a new run, a tab switch or the Cancel button,
   * and always labelled with the analysis it ran, so another tab's result is never shown.
   */
  private readonly runTask = new Task(this, {
    autoRun: false,
    task: async ([job]: readonly [Job], { signal }): Promise<ShownResult> => {
      this.progress = 0;
      const onProgress = (share: number) => (this.progress = share);
      // Each job's run answers for its own analysis, so the pair stays matched.
      return { analysis: job.analysis, value: await job.run(signal, onProgress) } as ShownResult;
    },
  });

  /** The screen as the analysis table sees it: read only while a scenario is set (without one, render and submit stop first). */
  private get host(): WhatifHost {
    return this as unknown as WhatifHost;
  }

  get busy(): boolean {
    return this.runTask.status === TaskStatus.PENDING;
  }

  private selectTab(analysis: AnalysisId): void {
    this.runTask.abort();
    this.formError = '';
    emit(this, 'dds-analysis-change', { analysis });
  }

  field(name: string): string {
    return (
      (
        this.renderRoot.querySelector(`[name="${name}"]`) as
          | HTMLInputElement
          | HTMLSelectElement
          | null
      )?.value ?? ''
    );
  }

  number(name: string): number {
    const text = this.field(name);
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value))
      throw new InputError(name, text, 'allowed: a number');
    return value;
  }

  readonly submit = (event?: Event): void => {
    event?.preventDefault();
    if (!this.scenario) return;
    this.formError = '';
    let job: Job;
    try {
      job = jobOf(this.analysis, this.host);
    } catch (error) {
      this.formError = errorMessage(error);
      return;
    }
    void this.runTask.run([job]);
  };

  private historyText = '';

  targets(): CalibrationTargets {
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
      meanDeploymentSizeLines: optional('size'),
      meanWipLines: optional('wip'),
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

  private handleDragOver(event: DragEvent): void {
    event.preventDefault();
    (event.currentTarget as HTMLElement).classList.add('dropping');
  }

  private handleDragLeave(event: DragEvent): void {
    (event.currentTarget as HTMLElement).classList.remove('dropping');
  }

  /** A history file dropped on the form is read and fitted at once. */
  private async handleDrop(event: DragEvent): Promise<void> {
    event.preventDefault();
    (event.currentTarget as HTMLElement).classList.remove('dropping');
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    this.historyText = await file.text();
    this.submit();
  }

  private useExample(): void {
    this.historyText = EXAMPLE_HISTORY_CSV;
    const team = this.renderRoot.querySelector<HTMLInputElement>('[name="team"]');
    if (team) team.value = String(EXAMPLE_TEAM_SIZE);
    this.submit();
  }

  /** Loads parameters (and, for an option, its changes) into the simulator. */
  apply(params: Partial<Params>, interventions?: Intervention[]): void {
    emit(this, 'dds-apply-params', { params, interventions });
  }

  /** Runs the options comparison for a fitted team, shown under its calibration. */
  comparePlansFor(calibration: Calibration): void {
    const scenario = this.scenario!;
    void this.runTask.run([
      {
        analysis: 'calibrate',
        run: async (signal, onProgress) => ({
          ...calibration,
          plan: await requestAnalysis(
            {
              kind: 'plan',
              params: calibration.params,
              days: scenario.days,
              runs: 20,
              seed: scenario.seed,
            },
            signal,
            onProgress,
          ),
        }),
      },
    ]);
  }

  paramSelect(name: string, selected: ParamId, label: string) {
    const chosen = this.input(name, selected);
    return html`<label>${label}<select name=${name}>${NUMERIC.map((p) => html`<option value=${p.id} ?selected=${p.id === chosen}>${p.label}</option>`)}</select></label>`;
  }

  /** A form field's value from the link, or its default. */
  input(name: string, fallback: string): string {
    return this.inputs[name] ?? fallback;
  }

  private handleFormChange(event: Event): void {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    if (!target.name || target.type === 'file') return;
    this.inputs = { ...this.inputs, [target.name]: target.value };
    emit(this, 'dds-whatif-inputs', { inputs: this.inputs });
  }

  runButton() {
    return html`<button type="submit" ?disabled=${this.busy}>${this.busy ? 'Running…' : 'Run'}</button>`;
  }

  calibrationForm() {
    return html`<form @submit=${this.submit} @dragover=${this.handleDragOver} @dragleave=${this.handleDragLeave} @drop=${this.handleDrop}>
          <label>Team size<input name="team" type="number" min="1" value=${String(this.scenario!.params.teamSize)} /></label>
          <label>Deploys per week<input name="df" type="number" step="any" /></label>
          <label>Lead time (days)<input name="lt" type="number" step="any" /></label>
          <label>Change failure rate (%)<input name="cfr" type="number" step="any" /></label>
          <label>Time to restore (hours)<input name="ttr" type="number" step="any" /></label>
          <label>Deployment size (lines)<input name="size" type="number" step="any" /></label>
          <label>Undeployed code (lines)<input name="wip" type="number" step="any" /></label>
          <label>…or a history file (CSV from <code>death-spiral history</code>, or a GitHub or GitLab deployments export), opened or dropped here<input type="file" accept=".csv,text/csv,.json,application/json" @change=${this.handleHistory} /></label>
          ${this.runButton()}<button type="button" @click=${this.useExample} ?disabled=${this.busy}>Use the example history</button>
          <button type="button" @click=${() => download('example-deployments.csv', EXAMPLE_HISTORY_CSV, 'text/csv')}>Download the example CSV</button>
    </form>`;
  }

  /** Progress and a way to stop, while an analysis runs. */
  private renderProgress() {
    if (!this.busy) return nothing;
    return html`<p class="running" role="status">
      <progress max="1" .value=${this.progress} aria-label=${`${ANALYSES[this.analysis].label}: share done`}></progress>
      ${Math.round(this.progress * 100)}% done
      <button type="button" @click=${() => this.runTask.abort()}>Cancel</button></p>`;
  }

  private renderResult() {
    return this.runTask.render({
      pending: () => nothing,
      error: (error) =>
        error instanceof DOMException && error.name === 'AbortError'
          ? html`<p role="status">Cancelled: nothing was changed.</p>`
          : html`<p class="warning" role="alert">${errorMessage(error)}</p>`,
      complete: (shown) =>
        // A result is only ever shown on the tab that asked for it.
        shown.analysis === this.analysis ? viewOf(this.host, shown) : nothing,
    });
  }

  override render() {
    if (!this.scenario) return nothing;
    return html`<div role="tablist" aria-label="What-if analyses">
        ${(Object.keys(ANALYSES) as AnalysisId[]).map((id) => html`<button type="button" role="tab" aria-selected=${id === this.analysis ? 'true' : 'false'} @click=${() => this.selectTab(id)}>${ANALYSES[id].label}</button>`)}
      </div>
      <section role="tabpanel" aria-label=${ANALYSES[this.analysis].label} @change=${this.handleFormChange}>
        ${ANALYSIS_TABLE[this.analysis].form(this.host)}
        ${this.formError ? html`<p class="warning" role="alert">${this.formError}</p>` : nothing}
        ${this.renderProgress()}
        ${this.renderResult()}
        <p class="terminal">The same analysis from a terminal, for bigger runs: <code>death-spiral ${ANALYSES[this.analysis].command}</code> (<code>--help</code> lists its flags).</p>
      </section>`;
  }
}

defineElement('dds-whatif', DdsWhatif);

declare global {
  interface HTMLElementTagNameMap {
    'dds-whatif': DdsWhatif;
  }
  interface AppEvents {
    /** The reader switched to another analysis. */
    'dds-analysis-change': { analysis: AnalysisId };
    /** Parameters (and, for a plan option, its interventions) to load into the simulator. */
    'dds-apply-params': { params: Partial<Params>; interventions?: Intervention[] };
    /** The analysis forms' inputs, to keep in the address. */
    'dds-whatif-inputs': { inputs: Record<string, string> };
  }
}
