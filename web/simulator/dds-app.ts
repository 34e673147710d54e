import { html, LitElement, nothing } from 'lit';
import { errorMessage, findPreset, presetParams } from '../../src/index.ts';
import { type ChartSpec, chartSpecs } from '../charts/chart-specs.ts';
import { copyScenarioLink, saveScenarioFile, takeChosenFile } from '../components/scenario-io.ts';
import { type ChangeReason, ScenarioStore } from '../state/store.ts';
import { scenarioCaption, scenarioFromFileText, type UiScenario } from '../state/ui-scenario.ts';
import { decodeScenario, encodeScenario, WHATIF_PREFIX } from '../state/url-state.ts';
import { syncWithUrl, type UrlSync } from '../state/url-sync.ts';
import type { RunView } from '../worker/protocol.ts';
import { createRunScheduler, type RunScheduler } from '../worker/scheduler.ts';
import { createWorkerRunner } from '../worker/worker-runner.ts';
import { appHeader, type HeaderActions, type Screen } from './app-header.ts';
import { appStyles } from './dds-app-styles.ts';
import './dds-briefing.ts';
import './dds-compare.ts';
import './dds-intro.ts';
import type { IntroChoice } from './dds-intro.ts';
import './dds-param-panel.ts';
import '../components/dds-scorecard.ts';
import './dds-side-by-side.ts';
import './dds-snapshots.ts';
import '../story/dds-story.ts';
import type { ComparedRun } from './dds-side-by-side.ts';
import '../components/dds-time-chart.ts';
import './dds-timeline.ts';
import { defineElement } from '../components/define-element.ts';
import type { AppEvent } from '../components/events.ts';
import type { StoryStep } from '../story/steps.ts';
import { StoryController, type StoryHost } from '../story/story-controller.ts';
import { type StoryRun, storyRun } from '../story/story-run.ts';
import { ANALYSES, type AnalysisId } from '../whatif/analyses.ts';
import { cadenceNote } from './cadence-note.ts';
import { DayFigures } from './day-figures.ts';
import { PresenterFit } from './presenter-fit.ts';

/** Session key that remembers a closed introduction. */
const INTRO_CLOSED_KEY = 'dds-intro-closed';

/**
 * The simulator's main screen: the parameter panel, the preset and run settings, the DORA
 * scorecard, the charts, the interventions timeline and the baseline comparison. Every change
 * re-runs the model in a worker; the URL carries every input.
 */
export class DdsApp extends LitElement implements StoryHost {
  static override styles = appStyles;

  static override properties = {
    view: { state: true },
    message: { state: true },
    status: { state: true },
    playDay: { state: true },
    sideBySide: { state: true },
    screen: { state: true },
    analysis: { state: true },
    introOpen: { state: true },
    printing: { state: true },
  };

  private readonly store = new ScenarioStore();
  private scheduler: RunScheduler | null = null;
  private view: RunView | null = null;
  /** The scenario the view on screen was run for. */
  private viewScenario: UiScenario | null = null;
  private storyRunFor: { view: RunView; run: StoryRun } | null = null;
  /** Presenting, pixels taken off the step's chart so that the whole stage fits the screen. */
  /** The introduction for newcomers: shown on a bare address until it is closed. */
  private introOpen = false;
  /** The briefing is being printed: it replaces the screen until printing ends. */
  private printing = false;
  private readonly onBeforePrint = () => (this.printing = true);
  private readonly onAfterPrint = () => (this.printing = false);
  private message = '';
  private status = '';
  private runsShown = 0;
  /** Which screen is shown: the simulator, the what-if analyses or the workshop game (kept in the URL). */
  private screen: Screen = 'simulator';
  private analysis: AnalysisId = 'map';
  private whatifInputs: Record<string, string> = {};
  private sideBySide: [ComparedRun, ComparedRun] | null = null;
  private runner: ((scenario: UiScenario) => Promise<RunView>) | null = null;
  /** Play mode: the day shown up to, or null for the whole run. */
  private playDay: number | null = null;
  private specs: ChartSpec[] = [];
  private specsFor: [RunView | null, RunView | null] = [null, null];
  private urlSync: UrlSync | null = null;
  private stopHearingStore: (() => void) | null = null;
  private readonly story = new StoryController(this, this.store);
  private readonly presenterFit = new PresenterFit(this, () => this.story.presenting);
  private readonly dayFigures = new DayFigures(this, (message) => (this.message = message));

  override connectedCallback(): void {
    super.connectedCallback();
    this.runner = createWorkerRunner();
    this.scheduler = createRunScheduler(
      this.runner,
      (view, scenario) => {
        this.view = view;
        this.viewScenario = scenario;
        this.runsShown++;
        this.dataset.resultAt = String(performance.now());
        this.status = `${view.runs > 1 ? `${view.runs} runs` : 'one run'} in ${view.engineMs.toFixed(0)} ms`;
        this.urlSync?.runArrived();
      },
      (message) => (this.message = message),
    );
    this.introOpen =
      window.location.search === '' && sessionStorage.getItem(INTRO_CLOSED_KEY) === null;
    window.addEventListener('beforeprint', this.onBeforePrint);
    window.addEventListener('afterprint', this.onAfterPrint);
    this.stopHearingStore = this.store.onChange((reason) => this.handleStoreChange(reason));
    this.readView(new URLSearchParams(window.location.search));
    this.urlSync = syncWithUrl(
      this.store,
      (message) => (this.message = message),
      () => this.viewQuery(),
      (query) => this.readView(query),
    );
    this.story.openDeepLink(new URLSearchParams(window.location.search));
    this.scheduler.request(this.store.scenario);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopHearingStore?.();
    window.removeEventListener('beforeprint', this.onBeforePrint);
    window.removeEventListener('afterprint', this.onAfterPrint);
    this.urlSync?.stop();
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
    void import('../loop-diagram/dds-loop-diagram.ts');
  }

  override updated(): void {
    // Lets a benchmark or test know which run the screen shows.
    this.dataset.runsShown = String(this.runsShown);
    this.dayFigures.ask(this.store.scenario, this.screen === 'simulator' ? this.playDay : null);
  }

  /** The story's reading of the run on screen, when it is the run of the step shown. */
  private currentStoryRun(): StoryRun | null {
    const view = this.view;
    if (!this.story.step || !view || this.viewScenario !== this.store.scenario) return null;
    if (this.storyRunFor?.view !== view)
      this.storyRunFor = { view, run: storyRun(view, this.store.scenario.params) };
    return this.storyRunFor.run;
  }

  storyMessage(message: string): void {
    this.message = message;
  }

  storyStatus(status: string): void {
    this.status = status;
  }

  storyStepShown(step: StoryStep | null): void {
    this.playDay = step ? step.day : null;
    if (step) this.screen = 'simulator';
  }

  /** Writes the scenario and the screen into the address bar, as a new history entry or in place. */
  writeUrl(push: boolean): void {
    this.urlSync?.write(push);
  }

  private handleStoreChange(reason: ChangeReason): void {
    if (reason !== 'baseline') this.scheduler?.request(this.store.scenario);
    this.requestUpdate();
  }

  /** Prints the briefing: it is drawn first (its chart needs a frame to size), then printed. */
  private async printBriefing(): Promise<void> {
    this.printing = true;
    await this.updateComplete;
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    window.print();
  }

  private closeIntro(): void {
    this.introOpen = false;
    sessionStorage.setItem(INTRO_CLOSED_KEY, '1');
  }

  private handleIntroStart(choice: IntroChoice): void {
    this.closeIntro();
    if (choice === 'spiral') this.story.go(0);
    else if (choice === 'recovery') this.store.setPreset('recovery');
    else this.showView('whatif', 'calibrate');
  }

  private handleParamChange(event: AppEvent<'dds-param-change'>): void {
    this.store.setParam(event.detail.id, event.detail.value as never, 'input');
  }

  private handlePin(): void {
    if (this.store.baseline) this.store.clearBaseline();
    else if (this.view) this.store.pinBaseline(this.view);
  }

  private async handleShare(): Promise<void> {
    this.status = await copyScenarioLink(this.store.scenario);
  }

  private async handleOpen(event: Event): Promise<void> {
    const file = takeChosenFile(event);
    if (!file) return;
    try {
      this.store.replace(scenarioFromFileText(await file.text(), file.name));
      this.message = '';
    } catch (error) {
      this.message = `That file was not opened, and nothing you had was changed: ${errorMessage(error)}`;
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
    if (this.screen === 'game') void import('../game/dds-game.ts');
    this.story.read(query);
    // The analyses load on first use, so the simulator's own download stays small.
    if (this.screen === 'whatif') void import('../whatif/dds-whatif.ts');
    const analysis = query.get('analysis');
    this.analysis =
      analysis && Object.hasOwn(ANALYSES, analysis) ? (analysis as AnalysisId) : 'map';
    this.whatifInputs = Object.fromEntries(
      [...query]
        .filter(([key]) => key.startsWith(WHATIF_PREFIX))
        .map(([key, value]) => [key.slice(WHATIF_PREFIX.length), value]),
    );
  }

  /** The screen's own part of the URL: which view, which analysis, its form fields, the story step. */
  private viewQuery(): string {
    if (this.story.index !== null) return this.story.query();
    if (this.screen === 'game') return '&view=game';
    if (this.screen !== 'whatif') return '';
    const fields = new URLSearchParams(
      Object.entries(this.whatifInputs).map(([key, value]) => [`${WHATIF_PREFIX}${key}`, value]),
    );
    return `&view=whatif&analysis=${this.analysis}${fields.size > 0 ? `&${fields}` : ''}`;
  }

  private handleWhatifInputs(event: AppEvent<'dds-whatif-inputs'>): void {
    this.whatifInputs = event.detail.inputs;
    this.writeUrl(false);
  }

  private showView(view: Screen, analysis: AnalysisId = this.analysis): void {
    if (view === 'whatif') void import('../whatif/dds-whatif.ts');
    if (view === 'game') void import('../game/dds-game.ts');
    this.story.leave();
    this.playDay = null;
    this.screen = view;
    this.analysis = analysis;
    this.writeUrl(true);
  }

  private handleApplyParams(event: AppEvent<'dds-apply-params'>): void {
    this.store.replace({
      ...this.store.scenario,
      params: { ...this.store.scenario.params, ...event.detail.params },
      ...(event.detail.interventions ? { interventions: event.detail.interventions } : {}),
    });
    this.showView('simulator');
  }

  private handleSnapshotLoad(event: AppEvent<'dds-snapshot-load'>): void {
    try {
      this.store.replace(decodeScenario(event.detail.query));
    } catch (error) {
      this.message = `That snapshot could not be loaded: ${errorMessage(error)}`;
    }
  }

  private async handleSnapshotsCompare(event: AppEvent<'dds-snapshots-compare'>): Promise<void> {
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
      this.message = `The comparison could not be run: ${errorMessage(error)}`;
    }
  }

  /** What the header's controls do; made once, so the header's listeners stay the same. */
  private readonly headerActions: HeaderActions = {
    setPreset: (id) => this.store.setPreset(id),
    setRuns: (runs) => this.store.setRunSettings({ runs }),
    setExpected: (expected) =>
      this.store.setRunSettings({ mode: expected ? 'expected' : 'stochastic' }),
    toggleStory: () => (this.story.index === null ? this.story.go(0) : this.story.close()),
    showScreen: (screen) => this.showView(screen),
    togglePin: () => this.handlePin(),
    share: () => void this.handleShare(),
    save: () => saveScenarioFile(this.store.scenario),
    open: (event) => void this.handleOpen(event),
    printBriefing: () => void this.printBriefing(),
    playDay: (day) => (this.playDay = day),
  };

  private renderHeader(scenario: UiScenario) {
    if (this.story.presenting) return nothing;
    return appHeader(
      {
        scenario,
        screen: this.screen,
        storyOpen: this.story.index !== null,
        pinned: this.store.baseline !== null,
        status: this.status,
      },
      this.headerActions,
    );
  }

  private renderStory() {
    const story = this.story;
    if (story.index === null) return nothing;
    return html`<dds-story .index=${story.index} ?presenting=${story.presenting} .show=${story.show} .run=${this.currentStoryRun()}
      @dds-story-go=${(e: AppEvent<'dds-story-go'>) => story.go(e.detail.index)}
      @dds-story-close=${() => story.close()}
      @dds-present=${(e: AppEvent<'dds-present'>) => story.setPresenting(e.detail.on, e.detail.show)}></dds-story>`;
  }

  private renderCharts(view: RunView | null) {
    if (!view) return html`<p>Running the model…</p>`;
    // The story's chart comes first; presenting, it is the only one.
    const pointed = this.specs.filter((spec) => spec.id === this.story.step?.chart);
    const rest = this.story.presenting
      ? []
      : this.specs.filter((spec) => spec.id !== this.story.step?.chart);
    const step = this.story.step;
    const run = this.currentStoryRun();
    const annotation = step?.annotate && run ? step.annotate(run) : null;
    // An exported figure names the run it shows, which is not yet the newest input while that
    // runs; a caption that followed every input would also redraw every chart twice a slider move.
    const caption = scenarioCaption(this.viewScenario ?? this.store.scenario);
    return [...pointed, ...rest].map((spec) => {
      const shown: ChartSpec = {
        ...spec,
        revealDays: this.playDay ?? undefined,
        annotations: annotation && spec.id === step?.chart ? [annotation] : undefined,
      };
      return html`<dds-time-chart .spec=${this.playDay === null && !annotation ? spec : shown}
        .height=${this.story.presenting ? this.presenterFit.chartHeight() : 190} ?presenting=${this.story.presenting} .caption=${caption}
        data-chart=${spec.id} ?data-highlighted=${spec.id === step?.chart}></dds-time-chart>`;
    });
  }

  private renderSimulator(scenario: UiScenario, view: RunView | null) {
    const baseline = this.store.baseline;
    const preset = findPreset(scenario.preset);
    // Presenting, the step's chart and the loops come first; the figures follow.
    const shown = this.dayFigures.shown(view, scenario, this.playDay);
    const scorecard = html`<dds-scorecard .summary=${shown?.summary ?? null} .baseline=${baseline?.view.summary ?? null}
      .percentiles=${shown?.percentiles ?? null} .coverage=${shown?.coverage ?? ''} ?compact=${this.story.presenting}></dds-scorecard>`;
    return html`
      ${
        this.sideBySide && !this.story.presenting
          ? html`<dds-side-by-side .left=${this.sideBySide[0]} .right=${this.sideBySide[1]} @dds-side-by-side-close=${() => (this.sideBySide = null)}></dds-side-by-side>`
          : nothing
      }
      ${
        this.introOpen && this.story.index === null
          ? html`<dds-intro @dds-intro-start=${(e: AppEvent<'dds-intro-start'>) => this.handleIntroStart(e.detail.choice)}
              @dds-intro-close=${() => this.closeIntro()}></dds-intro>`
          : nothing
      }
      ${this.story.index === null ? html`<p class="summary">${preset?.label ?? ''}: ${preset?.summary ?? ''}</p>` : nothing}
      ${this.story.presenting ? nothing : scorecard}
      ${
        baseline && view && !this.story.presenting
          ? html`<dds-compare .baseline=${baseline.scenario} .current=${scenario} .baselineSummary=${baseline.view.summary} .currentSummary=${view.summary}></dds-compare>`
          : nothing
      }
      <div class=${this.story.presenting ? 'stage' : 'charts'} @dds-chart-error=${(e: AppEvent<'dds-chart-error'>) => (this.message = e.detail.message)}>
        ${this.renderCharts(view)}
        ${this.story.presenting ? html`<dds-loop-diagram compact .view=${view} .day=${this.playDay} .highlight=${this.story.step?.loop ?? null}></dds-loop-diagram>` : nothing}
      </div>
      ${this.story.presenting ? scorecard : nothing}
      ${this.story.presenting ? nothing : html`<dds-loop-diagram .view=${view} .day=${this.playDay} .highlight=${this.story.step?.loop ?? null}></dds-loop-diagram>`}
      ${
        this.story.presenting
          ? nothing
          : html`<div class="top">
        <dds-timeline .interventions=${scenario.interventions} .days=${scenario.days} .teamSize=${scenario.params.teamSize}
          @dds-interventions-change=${(e: AppEvent<'dds-interventions-change'>) => this.store.setInterventions(e.detail.interventions)}></dds-timeline>
        <dds-snapshots .currentQuery=${encodeScenario(scenario)} @dds-snapshot-load=${this.handleSnapshotLoad}
          @dds-snapshots-compare=${this.handleSnapshotsCompare} @dds-snapshot-problem=${(e: AppEvent<'dds-snapshot-problem'>) => (this.message = e.detail.message)}></dds-snapshots>
      </div>`
      }`;
  }

  private notesFor: {
    view: RunView;
    notes: Partial<Record<keyof UiScenario['params'], string>>;
  } | null = null;

  /** What the run on screen says about the controls: the cadence the pipeline really keeps. */
  private paramNotes(scenario: UiScenario) {
    const view = this.view;
    if (!view || this.viewScenario !== scenario) return this.notesFor?.notes ?? {};
    if (this.notesFor?.view !== view) {
      const cadence = cadenceNote(view, scenario.params);
      // The same sentence keeps the same notes, so a new run does not redraw the whole panel.
      const notes =
        this.notesFor && (this.notesFor.notes.releaseIntervalDays ?? null) === cadence
          ? this.notesFor.notes
          : cadence
            ? { releaseIntervalDays: cadence }
            : {};
      this.notesFor = { view, notes };
    }
    return this.notesFor.notes;
  }

  private renderAside(scenario: UiScenario) {
    if (this.story.presenting && this.story.show.length === 0) return nothing;
    return html`<aside aria-label="Parameters">
      <dds-param-panel .params=${scenario.params} .reference=${this.presetReference(scenario.preset)} .notes=${this.paramNotes(scenario)}
        .only=${this.story.presenting ? this.story.show : null} @dds-param-change=${this.handleParamChange}></dds-param-panel>
    </aside>`;
  }

  override render() {
    const scenario = this.store.scenario;
    const view = this.view;
    this.classList.toggle('printing', this.printing);
    if (this.printing)
      return html`<div class="briefing-page"><dds-briefing .scenario=${scenario} .view=${view} .baseline=${this.store.baseline}></dds-briefing>
        <p class="screen-only"><button type="button" @click=${() => (this.printing = false)}>Back to the simulator</button></p></div>`;
    const layout = this.story.presenting && this.story.show.length === 0 ? 'layout wide' : 'layout';
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
                  @dds-analysis-change=${(e: AppEvent<'dds-analysis-change'>) => this.showView('whatif', e.detail.analysis)}
                  @dds-apply-params=${this.handleApplyParams}></dds-whatif>`
              : nothing
          }
          ${this.renderSimulator(scenario, view)}
        </main>
      </div>`
      }
      ${this.story.blanked ? html`<div class="blank" data-blank @click=${() => this.story.unblank()}><span class="visually-hidden">Screen blanked: press any key to show it again</span></div>` : nothing}`;
  }
}

defineElement('dds-app', DdsApp);

declare global {
  interface HTMLElementTagNameMap {
    'dds-app': DdsApp;
  }
}
