import { css, html, LitElement, nothing } from 'lit';
import {
  findPreset,
  PRESETS,
  parseScenarioText,
  presetParams,
  toScenarioFile,
} from '../../src/index';
import { type ChartSpec, chartSpecs } from '../charts/chart-specs';
import type { RunView } from '../engine/protocol';
import { createRunScheduler, type RunScheduler } from '../engine/scheduler';
import { createWorkerRunner } from '../engine/worker-runner';
import { scenarioFromPreset, type UiScenario } from '../state/scenario';
import { ScenarioStore } from '../state/store';
import { decodeScenario, encodeScenario, WHATIF_PREFIX } from '../state/url-state';
import { syncWithUrl } from '../state/url-sync';
import type { ParamChangeDetail } from './dds-param-panel';
import { download } from './download';
import './dds-compare';
import './dds-param-panel';
import './dds-play-controls';
import './dds-scorecard';
import './dds-side-by-side';
import './dds-snapshots';
import './dds-story';
import type { Snapshot } from '../state/snapshots';
import type { ComparedRun } from './dds-side-by-side';
import './dds-time-chart';
import './dds-timeline';
import { ANALYSES, type AnalysisId } from '../analysis/analyses';
import { isControlTarget, storyKeyAction } from '../story/keys';
import { STORY_STEPS } from '../story/steps';
import { PRESENTER_CONTROLS } from './dds-story';

/**
 * The simulator's main screen: the parameter panel, the preset and run settings, the DORA
 * scorecard, the charts, the interventions timeline and the baseline comparison. Every change
 * re-runs the model in a worker; the URL carries every input.
 */
export class DdsApp extends LitElement {
  static override styles = css`
    :host { display: block; min-height: 100vh; color: #1b1f24; }
    header { display: flex; flex-wrap: wrap; gap: 0.4rem 0.8rem; align-items: center; padding: 0.35rem 0.75rem; background: #14213d; color: #fff; }
    h1 { font-size: 1.05rem; margin: 0 0.5rem 0 0; }
    .summary { margin: 0; font-size: 0.9rem; }
    header label { font-size: 0.85rem; }
    header select, header input, header button, .file-label { font: inherit; font-size: 0.85rem; }
    header button, .file-label { background: #fff; color: #14213d; border: 1px solid #fff; border-radius: 4px; padding: 0.2rem 0.6rem; cursor: pointer; }
    button:focus-visible, select:focus-visible, input:focus-visible, .file-label:focus-within { outline: 3px solid #ffbf47; outline-offset: 2px; }
    .layout { display: grid; grid-template-columns: minmax(240px, 280px) 1fr; gap: 0.6rem; padding: 0.6rem; }
    aside { max-height: calc(100vh - 4rem); overflow-y: auto; background: #fff; border: 1px solid #d6d9de; border-radius: 6px; padding: 0.3rem 0.7rem; position: sticky; top: 0.5rem; }
    main { min-width: 0; display: grid; gap: 0.6rem; align-content: start; }
    .top { display: grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap: 0.75rem; }
    .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(380px, 1fr)); gap: 0.75rem; }
    .message { background: #fff4e5; border: 1px solid #b54708; color: #7a2e0e; border-radius: 6px; padding: 0.5rem 0.8rem; display: flex; justify-content: space-between; gap: 1rem; }
    .message button { font: inherit; }
    .status { font-size: 0.8rem; color: #d1d5db; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .layout.wide { grid-template-columns: 1fr; }
    .stage { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.5fr); gap: 0.75rem; align-items: start; }
    .charts dds-time-chart[data-highlighted], .stage dds-time-chart[data-highlighted] { outline: 4px solid #ffbf47; outline-offset: 2px; }
    main.game { padding: 0.6rem; }
    .blank { position: fixed; inset: 0; background: #000; z-index: 1000; cursor: none; }
    @media (max-width: 1100px) { .layout { grid-template-columns: 250px 1fr; } .charts { grid-template-columns: 1fr; } }
  `;

  static override properties = {
    view: { state: true },
    message: { state: true },
    status: { state: true },
    playDay: { state: true },
    sideBySide: { state: true },
    screen: { state: true },
    analysis: { state: true },
    storyIndex: { state: true },
    presenting: { state: true },
    blanked: { state: true },
    loopHighlight: { state: true },
  };

  private readonly store = new ScenarioStore();
  private scheduler: RunScheduler | null = null;
  private view: RunView | null = null;
  private message = '';
  private status = '';
  private runsShown = 0;
  /** Which screen is shown: the simulator, the what-if analyses or the workshop game (kept in the URL). */
  private screen: 'simulator' | 'whatif' | 'game' = 'simulator';
  /** The story step shown, from 0, or null outside the story. */
  private storyIndex: number | null = null;
  /** Presenter mode: full screen, large type, only the chosen controls. */
  private presenting = false;
  /** The controls a presenter keeps on screen. */
  private presentShow: string[] = [];
  /** The screen is blanked (a clicker's black-screen key). */
  private blanked = false;
  /** The chart the story points at. */
  private storyChart: string | null = null;
  /** The user's own scenario from before the story, given back when it closes. */
  private beforeStory: UiScenario | null = null;
  private readonly onKeyDown = (event: KeyboardEvent) => this.handleStoryKey(event);
  private analysis: AnalysisId = 'map';
  private whatifInputs: Record<string, string> = {};
  private sideBySide: [ComparedRun, ComparedRun] | null = null;
  private runner: ((scenario: UiScenario) => Promise<RunView>) | null = null;
  /** Play mode: the day shown up to, or null for the whole run. */
  private playDay: number | null = null;
  /** A loop the story points at, outlined in the diagram. */
  private loopHighlight: string | null = null;
  private specs: ChartSpec[] = [];
  private specsFor: [RunView | null, RunView | null] = [null, null];
  private stopUrlSync: (() => void) | null = null;
  private readonly onStoreChange = (event: Event) => this.handleStoreChange(event);

  override connectedCallback(): void {
    super.connectedCallback();
    this.runner = createWorkerRunner();
    this.scheduler = createRunScheduler(
      this.runner,
      (view) => {
        this.view = view;
        this.runsShown++;
        this.dataset.resultAt = String(performance.now());
        this.status = `${view.runs > 1 ? `${view.runs} runs` : 'one run'} in ${view.engineMs.toFixed(0)} ms`;
        this.dispatchEvent(
          new CustomEvent('dds-rendered-request', { bubbles: true, composed: true }),
        );
      },
      (message) => (this.message = message),
    );
    this.store.addEventListener('change', this.onStoreChange);
    this.readView(new URLSearchParams(window.location.search));
    this.stopUrlSync = syncWithUrl(
      this.store,
      (message) => (this.message = message),
      () => this.viewQuery(),
      (query) => this.readView(query),
    );
    const query = new URLSearchParams(window.location.search);
    if (this.storyIndex !== null && !query.has('preset')) {
      // A bare deep link to a step: the step sets its own scenario.
      this.store.replace(STORY_STEPS[this.storyIndex].scenario(), 'restore');
      window.history.replaceState(
        null,
        '',
        `?${encodeScenario(this.store.scenario)}${this.viewQuery()}`,
      );
    }
    window.addEventListener('keydown', this.onKeyDown);
    this.scheduler.request(this.store.scenario);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.store.removeEventListener('change', this.onStoreChange);
    this.stopUrlSync?.();
    window.removeEventListener('keydown', this.onKeyDown);
  }

  override willUpdate(): void {
    // Charts are rebuilt only for a new run or baseline, not for every input that starts one.
    const baselineView = this.store.baseline?.view ?? null;
    if (this.view && (this.specsFor[0] !== this.view || this.specsFor[1] !== baselineView)) {
      this.specs = chartSpecs(this.view, baselineView);
      this.specsFor = [this.view, baselineView];
    }
  }

  override firstUpdated(): void {
    // The diagram's code loads after the first paint, so the charts come up first.
    void import('./dds-loop-diagram');
  }

  override updated(): void {
    // Lets a benchmark or test know which run the screen shows.
    this.dataset.runsShown = String(this.runsShown);
    this.toggleAttribute('presenting', this.presenting);
    // Large type everywhere: every component sizes its text in rem.
    document.documentElement.classList.toggle('presenting', this.presenting);
  }

  private handleStoryKey(event: KeyboardEvent): void {
    if (this.storyIndex === null || event.defaultPrevented) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const action = storyKeyAction(event.key, event.shiftKey);
    if (!action || (action !== 'exit' && isControlTarget(event.composedPath()))) return;
    event.preventDefault();
    if (this.blanked) {
      this.blanked = false;
      return;
    }
    const last = STORY_STEPS.length - 1;
    if (action === 'next') this.goToStory(Math.min(last, this.storyIndex + 1));
    else if (action === 'previous') this.goToStory(Math.max(0, this.storyIndex - 1));
    else if (action === 'first') this.goToStory(0);
    else if (action === 'last') this.goToStory(last);
    else if (action === 'blank') this.blanked = true;
    else if (this.presenting) this.setPresenting(false, this.presentShow);
    else this.closeStory();
  }

  /** The story's pointers (loop, chart, day) for the step shown, or none outside the story. */
  private applyStoryPointers(): void {
    const step = this.storyIndex === null ? null : STORY_STEPS[this.storyIndex];
    this.loopHighlight = step?.loop ?? null;
    this.storyChart = step?.chart ?? null;
    this.playDay = step ? step.day : null;
  }

  private goToStory(index: number): void {
    if (index === this.storyIndex) return;
    if (this.storyIndex === null) this.beforeStory = this.store.scenario;
    this.storyIndex = index;
    this.applyStoryPointers();
    this.screen = 'simulator';
    this.store.replace(STORY_STEPS[index].scenario());
  }

  private closeStory(): void {
    this.storyIndex = null;
    this.setPresenting(false, this.presentShow);
    this.applyStoryPointers();
    if (this.beforeStory) {
      this.store.replace(this.beforeStory);
      this.beforeStory = null;
      this.status = 'Back to your own scenario';
    } else {
      window.history.pushState(
        null,
        '',
        `?${encodeScenario(this.store.scenario)}${this.viewQuery()}`,
      );
    }
  }

  private setPresenting(on: boolean, show: readonly string[]): void {
    this.presenting = on;
    this.presentShow = [...show];
    this.blanked = false;
    if (on) void document.documentElement.requestFullscreen?.().catch(() => {});
    else if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    window.history.replaceState(
      null,
      '',
      `?${encodeScenario(this.store.scenario)}${this.viewQuery()}`,
    );
  }

  private handleStoreChange(event: Event): void {
    const reason = (event as CustomEvent<{ reason: string }>).detail.reason;
    if (reason !== 'baseline') this.scheduler?.request(this.store.scenario);
    this.requestUpdate();
  }

  private handleParamChange(event: CustomEvent<ParamChangeDetail>): void {
    this.store.setParam(event.detail.id, event.detail.value as never, 'input');
  }

  private handlePresetChange(event: Event): void {
    this.store.setPreset((event.target as HTMLSelectElement).value);
  }

  private handleRunsChange(event: Event): void {
    const runs = Number((event.target as HTMLSelectElement).value);
    this.store.setRunSettings({ runs });
  }

  private handleModeChange(event: Event): void {
    this.store.setRunSettings({
      mode: (event.target as HTMLInputElement).checked ? 'expected' : 'stochastic',
    });
  }

  private handlePin(): void {
    if (this.store.baseline) this.store.clearBaseline();
    else if (this.view) this.store.pinBaseline(this.view);
  }

  private async handleShare(): Promise<void> {
    const link = `${window.location.origin}${window.location.pathname}?${encodeScenario(this.store.scenario)}`;
    try {
      await navigator.clipboard.writeText(link);
      this.status = 'Link copied';
    } catch {
      this.status = 'Copy the link from the address bar';
    }
  }

  private handleSave(): void {
    const scenario = this.store.scenario;
    const file = toScenarioFile({ ...scenario, preset: scenario.preset });
    download(
      `death-spiral-${scenario.preset}.json`,
      `${JSON.stringify(file, null, 2)}\n`,
      'application/json',
    );
  }

  private async handleOpen(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const parsed = parseScenarioText(await file.text(), file.name);
      const preset = parsed.preset ?? 'medium';
      const next: UiScenario = {
        ...scenarioFromPreset(preset),
        params: parsed.params,
        interventions: parsed.interventions,
        days: parsed.days,
        seed: typeof parsed.seed === 'number' ? parsed.seed : 1,
        runs: Math.min(parsed.runs, 1000),
      };
      this.store.replace(next);
      this.message = '';
    } catch (error) {
      this.message = `That file was not opened, and nothing you had was changed: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private reference: { preset: string; params: UiScenario['params'] | null } | null = null;

  /** The preset's own values, to mark changed controls; kept while the preset is unchanged so the panel is not redrawn for nothing. */
  private presetReference(presetId: string): UiScenario['params'] | null {
    if (this.reference?.preset !== presetId) {
      const preset = findPreset(presetId);
      this.reference = { preset: presetId, params: preset ? presetParams(preset) : null };
    }
    return this.reference.params;
  }

  private readView(query: URLSearchParams): void {
    const view = query.get('view');
    this.screen = view === 'whatif' ? 'whatif' : view === 'game' ? 'game' : 'simulator';
    if (this.screen === 'game') void import('./dds-game');
    this.readStory(query);
    // The analyses load on first use, so the simulator's own download stays small.
    if (this.screen === 'whatif') void import('./dds-whatif');
    const analysis = query.get('analysis');
    this.analysis = analysis && analysis in ANALYSES ? (analysis as AnalysisId) : 'map';
    this.whatifInputs = Object.fromEntries(
      [...query]
        .filter(([key]) => key.startsWith(WHATIF_PREFIX))
        .map(([key, value]) => [key.slice(WHATIF_PREFIX.length), value]),
    );
  }

  private readStory(query: URLSearchParams): void {
    const story = query.get('story');
    this.storyIndex = null;
    if (story !== null) {
      const step = Number(story);
      if (Number.isInteger(step) && step >= 1 && step <= STORY_STEPS.length)
        this.storyIndex = step - 1;
      else
        this.message = `This link's story step could not be read: story: ${JSON.stringify(story)} is not allowed; allowed: a step from 1 to ${STORY_STEPS.length}`;
    }
    this.presenting = this.storyIndex !== null && query.get('present') === '1';
    const shown = (query.get('show') ?? '').split(',').filter(Boolean);
    const unknown = shown.filter((id) => !(PRESENTER_CONTROLS as readonly string[]).includes(id));
    if (unknown.length > 0)
      this.message = `Some controls in this link are not offered in presenter mode and are left out: show: ${JSON.stringify(unknown.join(','))}; allowed: ${PRESENTER_CONTROLS.join(', ')}`;
    this.presentShow = shown.filter((id) => !unknown.includes(id));
    this.applyStoryPointers();
  }

  /** The screen's own part of the URL: which view, which analysis, its form fields, the story step. */
  private viewQuery(): string {
    if (this.storyIndex !== null) {
      const show =
        this.presenting && this.presentShow.length > 0 ? `&show=${this.presentShow.join(',')}` : '';
      return `&story=${this.storyIndex + 1}${this.presenting ? '&present=1' : ''}${show}`;
    }
    if (this.screen === 'game') return '&view=game';
    if (this.screen !== 'whatif') return '';
    const fields = new URLSearchParams(
      Object.entries(this.whatifInputs).map(([key, value]) => [`${WHATIF_PREFIX}${key}`, value]),
    );
    return `&view=whatif&analysis=${this.analysis}${fields.size > 0 ? `&${fields}` : ''}`;
  }

  private handleWhatifInputs(event: CustomEvent<{ inputs: Record<string, string> }>): void {
    this.whatifInputs = event.detail.inputs;
    window.history.replaceState(
      null,
      '',
      `?${encodeScenario(this.store.scenario)}${this.viewQuery()}`,
    );
  }

  private showView(
    view: 'simulator' | 'whatif' | 'game',
    analysis: AnalysisId = this.analysis,
  ): void {
    if (view === 'whatif') void import('./dds-whatif');
    if (view === 'game') void import('./dds-game');
    this.storyIndex = null;
    this.applyStoryPointers();
    this.screen = view;
    this.analysis = analysis;
    window.history.pushState(
      null,
      '',
      `?${encodeScenario(this.store.scenario)}${this.viewQuery()}`,
    );
  }

  private handleApplyParams(event: CustomEvent<{ params: Partial<UiScenario['params']> }>): void {
    this.store.replace({
      ...this.store.scenario,
      params: { ...this.store.scenario.params, ...event.detail.params },
    });
    this.showView('simulator');
  }

  private handleSnapshotLoad(event: CustomEvent<{ query: string }>): void {
    try {
      this.store.replace(decodeScenario(event.detail.query));
    } catch (error) {
      this.message = `That snapshot could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private async handleSnapshotsCompare(
    event: CustomEvent<{ left: Snapshot; right: Snapshot }>,
  ): Promise<void> {
    const { left, right } = event.detail;
    try {
      const [a, b] = await Promise.all(
        [left, right].map((s) => this.runner!(decodeScenario(s.query))),
      );
      this.sideBySide = [
        { name: left.name, view: a },
        { name: right.name, view: b },
      ];
      await this.updateComplete;
      this.renderRoot.querySelector('dds-side-by-side')?.scrollIntoView({ block: 'start' });
    } catch (error) {
      this.message = `The comparison could not be run: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private renderHeader(scenario: UiScenario) {
    if (this.presenting) return nothing;
    const screenButton = (view: 'whatif' | 'game', label: string) =>
      html`<button type="button" @click=${() => this.showView(this.screen === view ? 'simulator' : view)} aria-pressed=${this.screen === view ? 'true' : 'false'}>${this.screen === view ? 'Back to the simulator' : label}</button>`;
    return html`<header>
      <h1>Deployment death spiral</h1>
      <label>Team <select @change=${this.handlePresetChange} aria-label="Preset team">
        ${PRESETS.map((p) => html`<option value=${p.id} ?selected=${p.id === scenario.preset}>${p.label}</option>`)}
      </select></label>
      <label>Runs <select @change=${this.handleRunsChange} aria-label="Monte Carlo runs">
        ${[1, 20, 50, 200].map((n) => html`<option value=${n} ?selected=${n === scenario.runs}>${n === 1 ? '1' : `${n} (bands)`}</option>`)}
      </select></label>
      <label><input type="checkbox" .checked=${scenario.mode === 'expected'} @change=${this.handleModeChange} /> Expected value</label>
      <button type="button" @click=${() => (this.storyIndex === null ? this.goToStory(0) : this.closeStory())} aria-pressed=${this.storyIndex === null ? 'false' : 'true'}>Story</button>
      ${screenButton('whatif', 'What-if analyses')}
      ${screenButton('game', 'Workshop game')}
      <button type="button" @click=${this.handlePin} aria-pressed=${this.store.baseline ? 'true' : 'false'}>${this.store.baseline ? 'Clear baseline' : 'Pin as baseline'}</button>
      <button type="button" @click=${this.handleShare}>Share link</button>
      <button type="button" @click=${this.handleSave}>Save</button>
      <label class="file-label">Open<input class="visually-hidden" type="file" accept="application/json,.json" @change=${this.handleOpen} /></label>
      <dds-play-controls .days=${scenario.days} @dds-play-day=${(e: CustomEvent<{ day: number | null }>) => (this.playDay = e.detail.day)}></dds-play-controls>
      <span class="status" role="status">${this.status}</span>
    </header>`;
  }

  private renderStory() {
    if (this.storyIndex === null) return nothing;
    return html`<dds-story .index=${this.storyIndex} ?presenting=${this.presenting} .show=${this.presentShow}
      @dds-story-go=${(e: CustomEvent<{ index: number }>) => this.goToStory(e.detail.index)}
      @dds-story-close=${() => this.closeStory()}
      @dds-present=${(e: CustomEvent<{ on: boolean; show: string[] }>) => this.setPresenting(e.detail.on, e.detail.show)}></dds-story>`;
  }

  private renderCharts(view: RunView | null) {
    if (!view) return html`<p>Running the model…</p>`;
    // The story's chart comes first; presenting, it is the only one.
    const pointed = this.specs.filter((spec) => spec.id === this.storyChart);
    const rest = this.presenting ? [] : this.specs.filter((spec) => spec.id !== this.storyChart);
    return [...pointed, ...rest].map(
      (
        spec,
      ) => html`<dds-time-chart .spec=${this.playDay === null ? spec : { ...spec, revealDays: this.playDay }}
        .height=${this.presenting ? 280 : 190} data-chart=${spec.id} ?data-highlighted=${spec.id === this.storyChart}></dds-time-chart>`,
    );
  }

  private renderSimulator(scenario: UiScenario, view: RunView | null) {
    const baseline = this.store.baseline;
    const preset = findPreset(scenario.preset);
    // Presenting, the step's chart and the loops come first; the figures follow.
    const scorecard = html`<dds-scorecard .summary=${view?.summary ?? null} .baseline=${baseline?.view.summary ?? null} .percentiles=${view?.percentiles ?? null}></dds-scorecard>`;
    return html`
      ${
        this.sideBySide && !this.presenting
          ? html`<dds-side-by-side .left=${this.sideBySide[0]} .right=${this.sideBySide[1]} @dds-side-by-side-close=${() => (this.sideBySide = null)}></dds-side-by-side>`
          : nothing
      }
      ${this.storyIndex === null ? html`<p class="summary">${preset?.label ?? ''}: ${preset?.summary ?? ''}</p>` : nothing}
      ${this.presenting ? nothing : scorecard}
      <div class=${this.presenting ? 'stage' : 'charts'} @dds-chart-error=${(e: CustomEvent) => (this.message = e.detail.message)}>
        ${this.renderCharts(view)}
        ${this.presenting ? html`<dds-loop-diagram compact .view=${view} .day=${this.playDay} .highlight=${this.loopHighlight}></dds-loop-diagram>` : nothing}
      </div>
      ${this.presenting ? scorecard : nothing}
      ${this.presenting ? nothing : html`<dds-loop-diagram .view=${view} .day=${this.playDay} .highlight=${this.loopHighlight}></dds-loop-diagram>`}
      ${
        this.presenting
          ? nothing
          : html`<div class="top">
        <dds-timeline .interventions=${scenario.interventions} .days=${scenario.days} .teamSize=${scenario.params.teamSize}
          @dds-interventions-change=${(e: CustomEvent) => this.store.setInterventions(e.detail.interventions)}></dds-timeline>
        <dds-snapshots .currentQuery=${encodeScenario(scenario)} @dds-snapshot-load=${this.handleSnapshotLoad}
          @dds-snapshots-compare=${this.handleSnapshotsCompare} @dds-snapshot-problem=${(e: CustomEvent) => (this.message = e.detail.message)}></dds-snapshots>
        ${baseline && view ? html`<dds-compare .baseline=${baseline.scenario} .current=${scenario} .baselineSummary=${baseline.view.summary} .currentSummary=${view.summary}></dds-compare>` : nothing}
      </div>`
      }`;
  }

  private renderAside(scenario: UiScenario) {
    if (this.presenting && this.presentShow.length === 0) return nothing;
    return html`<aside aria-label="Parameters">
      <dds-param-panel .params=${scenario.params} .reference=${this.presetReference(scenario.preset)}
        .only=${this.presenting ? this.presentShow : null} @dds-param-change=${this.handleParamChange}></dds-param-panel>
    </aside>`;
  }

  override render() {
    const scenario = this.store.scenario;
    const view = this.view;
    const layout = this.presenting && this.presentShow.length === 0 ? 'layout wide' : 'layout';
    return html`${this.renderHeader(scenario)}
      ${this.message ? html`<div class="message" role="alert"><span>${this.message}</span><button type="button" @click=${() => (this.message = '')}>Dismiss</button></div>` : nothing}
      ${
        this.screen === 'game'
          ? html`<main class="game"><dds-game></dds-game></main>`
          : html`<div class=${layout}>
        ${this.renderAside(scenario)}
        <main>
          ${this.renderStory()}
          ${
            this.screen === 'whatif'
              ? html`<dds-whatif .scenario=${scenario} .analysis=${this.analysis} .inputs=${this.whatifInputs}
                  @dds-whatif-inputs=${this.handleWhatifInputs}
                  @dds-analysis-change=${(e: CustomEvent<{ analysis: AnalysisId }>) => this.showView('whatif', e.detail.analysis)}
                  @dds-apply-params=${this.handleApplyParams}></dds-whatif>`
              : nothing
          }
          ${this.renderSimulator(scenario, view)}
        </main>
      </div>`
      }
      ${this.blanked ? html`<div class="blank" data-blank @click=${() => (this.blanked = false)}><span class="visually-hidden">Screen blanked: press any key to show it again</span></div>` : nothing}`;
  }
}

customElements.define('dds-app', DdsApp);

declare global {
  interface HTMLElementTagNameMap {
    'dds-app': DdsApp;
  }
}
