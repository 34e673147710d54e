import { html, nothing, type TemplateResult } from 'lit';
import type { Calibration, CalibrationTargets } from '../../src/analysis/calibrate.ts';
import type { SweepCell, SweepSpec } from '../../src/analysis/sweep.ts';
import {
  type Intervention,
  PARAM_BY_ID,
  type ParamId,
  type Params,
  SUMMARY_FIGURES,
  type SummaryNumber,
} from '../../src/index.ts';
import type { AppEvent } from '../components/events.ts';
import type { UiScenario } from '../state/ui-scenario.ts';
import { requestAnalysis, runSweepInBrowser } from '../worker/analysis-client.ts';
import type { AnalysisRequest, AnalysisResult } from '../worker/run-analysis.ts';
import type { AnalysisId } from './analyses.ts';
import {
  calibrationView,
  planView,
  resilienceView,
  tippingView,
  tornado,
  uCurve,
  valueStreamView,
} from './whatif-results.ts';

/** A phase map's run: the sweep and its cells, kept together so the map draws the sweep it ran. */
interface MapResult {
  spec: SweepSpec;
  cells: SweepCell[];
}

/** What each analysis's tab shows once it has run. */
export interface Shown {
  map: MapResult;
  tipping: AnalysisResult<'tipping'>;
  sensitivity: { metric: SummaryNumber; bars: AnalysisResult<'sensitivity'> };
  /** A calibration, and once asked for, the fitted team's options. */
  calibrate: AnalysisResult<'calibrate'> & { plan?: AnalysisResult<'plan'> };
  plan: AnalysisResult<'plan'>;
  resilience: AnalysisResult<'resilience'>;
  economics: AnalysisResult<'economics'>;
  constraints: AnalysisResult<'constraints'>;
}

/** An analysis's result, labelled with the analysis it belongs to. */
export type ShownResult = { [Id in AnalysisId]: { analysis: Id; value: Shown[Id] } }[AnalysisId];

/** One run of an analysis: it stops when the signal aborts and reports its progress as a share. */
export type Run<Id extends AnalysisId> = (
  signal: AbortSignal,
  onProgress: (share: number) => void,
) => Promise<Shown[Id]>;

/** A run labelled with its analysis, as the screen's task takes it. */
export type Job = { [Id in AnalysisId]: { analysis: Id; run: Run<Id> } }[AnalysisId];

/** What an analysis's form, request and view may use of the what-if screen. */
export interface WhatifHost {
  /** The scenario on screen, the analyses' starting point. */
  readonly scenario: UiScenario;
  /** Whether an analysis is running (its buttons wait). */
  readonly busy: boolean;
  /** A form field's value as it is now. */
  field(name: string): string;
  /** A form field's value from the link, or its default. */
  input(name: string, fallback: string): string;
  /** A form field read as a number; a named InputError when it is not one. */
  number(name: string): number;
  /** A select of the numeric parameters, by label. */
  paramSelect(name: string, selected: ParamId, label: string): TemplateResult;
  /** The form's Run button. */
  runButton(): TemplateResult;
  /** Runs the analysis shown, from its form. */
  submit(event?: Event): void;
  /** The calibration's form: it keeps a history file the team opened or dropped. */
  calibrationForm(): TemplateResult;
  /** The calibration's targets, from its form or its history file. */
  targets(): CalibrationTargets;
  /** Loads parameters (and, for a plan option, its changes) into the simulator. */
  apply(params: Partial<Params>, interventions?: Intervention[]): void;
  /** Runs the options comparison for a fitted team, shown under its calibration. */
  comparePlansFor(calibration: Calibration): void;
}

/** One analysis on the what-if screen: its form, the request its form makes, and its result's view. */
interface AnalysisEntry<Id extends AnalysisId> {
  form(host: WhatifHost): TemplateResult;
  /** What a run does, read from the form; throws a named InputError for bad fields. */
  run(host: WhatifHost): Run<Id>;
  view(host: WhatifHost, value: Shown[Id]): TemplateResult | typeof nothing;
}

/** A swept value as a person would set it: on the parameter's step, to three significant figures. */
function tidy(id: ParamId, value: number): number {
  const spec = PARAM_BY_ID.get(id);
  const stepped = spec ? Math.round(value / spec.step) * spec.step : value;
  return Number(stepped.toPrecision(3));
}

/** A run that asks a worker for one analysis request. */
function ask<Request extends AnalysisRequest>(request: Request) {
  return (signal: AbortSignal, onProgress: (share: number) => void) =>
    requestAnalysis(request, signal, onProgress);
}

/** A form with nothing to set but the Run button. */
const runOnly = (host: WhatifHost) => html`<form @submit=${host.submit}>${host.runButton()}</form>`;

/** Every analysis of the what-if screen, by id: the one place each is defined for the browser. */
export const ANALYSIS_TABLE: { readonly [Id in AnalysisId]: AnalysisEntry<Id> } = {
  map: {
    form: (host) => html`<form @submit=${host.submit}>
      ${host.paramSelect('xParam', 'releaseIntervalDays', 'Columns')}
      <label>from<input name="xFrom" type="number" step="any" .value=${host.input('xFrom', '2')} /></label><label>to<input name="xTo" type="number" step="any" .value=${host.input('xTo', '30')} /></label><label>steps<input name="xSteps" type="number" .value=${host.input('xSteps', '8')} /></label>
      ${host.paramSelect('yParam', 'stabilisationShare', 'Rows')}
      <label>from<input name="yFrom" type="number" step="any" .value=${host.input('yFrom', '0.1')} /></label><label>to<input name="yTo" type="number" step="any" .value=${host.input('yTo', '0.5')} /></label><label>steps<input name="ySteps" type="number" .value=${host.input('ySteps', '9')} /></label>
      <label>seeds a cell<input name="seeds" type="number" .value=${host.input('seeds', '4')} /></label>
      ${host.runButton()}
    </form>`,
    run: (host) => {
      const axis = (prefix: 'x' | 'y') => ({
        param: host.field(`${prefix}Param`) as ParamId,
        from: host.number(`${prefix}From`),
        to: host.number(`${prefix}To`),
        steps: host.number(`${prefix}Steps`),
      });
      const { params, days, seed } = host.scenario;
      const spec: SweepSpec = {
        axes: [axis('x'), axis('y')],
        seeds: host.number('seeds'),
        days,
        seed,
      };
      return async (signal, onProgress) => {
        const { cells, cancelled } = await runSweepInBrowser(params, spec, {
          signal,
          onProgress: (done, total) => onProgress(done / total),
        });
        if (cancelled) throw new DOMException('Cancelled', 'AbortError');
        return { spec, cells };
      };
    },
    view: (host, { spec, cells }) =>
      html`<dds-phase-map .spec=${spec} .cells=${cells}
        @dds-cell-pick=${(e: AppEvent<'dds-cell-pick'>) => host.apply(Object.fromEntries(spec.axes.map((a, i) => [a.param, tidy(a.param, e.detail.cell.values[i])])) as Partial<Params>)}></dds-phase-map>`,
  },
  tipping: {
    form: (host) =>
      html`<form @submit=${host.submit}>${host.paramSelect('param', 'regressionPassDays', 'Parameter')}${host.runButton()}</form>`,
    run: (host) =>
      ask({
        kind: 'tipping',
        params: host.scenario.params,
        days: host.scenario.days,
        param: host.field('param') as ParamId,
      }),
    view: (_host, curve) => tippingView(curve),
  },
  sensitivity: {
    form: (host) =>
      html`<form @submit=${host.submit}><label>Figure<select name="metric">${SUMMARY_FIGURES.map((f) => html`<option value=${f.id} ?selected=${f.id === host.input('metric', 'leadTimeDays')}>${f.label}</option>`)}</select></label>${host.runButton()}</form>`,
    run: (host) => {
      const metric = host.field('metric') as SummaryNumber;
      const { params, days } = host.scenario;
      const bars = ask({ kind: 'sensitivity', params, days, metric });
      return async (signal, onProgress) => ({ metric, bars: await bars(signal, onProgress) });
    },
    view: (_host, { metric, bars }) => tornado(bars, metric),
  },
  calibrate: {
    form: (host) => host.calibrationForm(),
    run: (host) =>
      ask({
        kind: 'calibrate',
        params: host.scenario.params,
        days: host.scenario.days,
        targets: host.targets(),
      }),
    view: (host, { plan, ...calibration }) =>
      html`${calibrationView(calibration)}<button type="button" @click=${() => host.apply(calibration.params)}>Load the fitted scenario into the simulator</button>
        <button type="button" ?disabled=${host.busy} @click=${() => host.comparePlansFor(calibration)}>Compare this team's options</button>
        ${plan ? planView(plan, (row) => host.apply(calibration.params, row.interventions)) : nothing}`,
  },
  plan: {
    form: (host) =>
      html`<form @submit=${host.submit}><p>Today's cadence against weekly, daily and continuous deployment, and each escape step, for the scenario on screen (load a fitted team first to plan for yours).</p><label>Seeds<input name="seeds" type="number" min="2" max="200" .value=${host.input('seeds', '20')} /></label>${host.runButton()}</form>`,
    run: (host) =>
      ask({
        kind: 'plan',
        params: host.scenario.params,
        days: host.scenario.days,
        runs: host.number('seeds'),
        seed: host.scenario.seed,
      }),
    view: (host, plan) =>
      planView(plan, (row) => host.apply(host.scenario.params, row.interventions)),
  },
  resilience: {
    form: runOnly,
    run: (host) =>
      ask({ kind: 'resilience', params: host.scenario.params, days: host.scenario.days }),
    view: (_host, report) => resilienceView(report),
  },
  economics: {
    form: (host) =>
      html`<form @submit=${host.submit}><label>Release intervals from (working days)<input name="from" type="number" step="any" .value=${host.input('from', '1')} /></label><label>to<input name="to" type="number" step="any" .value=${host.input('to', '40')} /></label>${host.runButton()}</form>`,
    run: (host) =>
      ask({
        kind: 'economics',
        params: host.scenario.params,
        days: host.scenario.days,
        from: host.number('from'),
        to: host.number('to'),
        steps: 30,
      }),
    view: (_host, curve) => uCurve(curve),
  },
  constraints: {
    form: runOnly,
    run: (host) =>
      ask({ kind: 'constraints', params: host.scenario.params, days: host.scenario.days }),
    view: (_host, { base, ranking }) => valueStreamView(base, ranking),
  },
};

/** The analysis `id`'s run, labelled, from its form. */
export function jobOf<Id extends AnalysisId>(id: Id, host: WhatifHost): Job {
  return { analysis: id, run: ANALYSIS_TABLE[id].run(host) } as Job;
}

/** The view of a result, by the analysis it belongs to. */
export function viewOf(host: WhatifHost, shown: ShownResult): TemplateResult | typeof nothing {
  // The entry for the result's own analysis: the compiler cannot follow a lookup by a union's tag.
  const entry = ANALYSIS_TABLE[shown.analysis] as AnalysisEntry<typeof shown.analysis>;
  return entry.view(host, shown.value as never);
}
