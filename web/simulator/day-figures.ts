import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { UiScenario } from '../state/ui-scenario.ts';
import { RECENT_WINDOW_DAYS, type RunView, type WindowSummary } from '../worker/protocol.ts';
import { createRunScheduler, type RunScheduler } from '../worker/scheduler.ts';
import { createWindowRunner } from '../worker/worker-runner.ts';

/** What the scorecard shows: a run's figures and the days they cover, in words. */
export interface ShownFigures {
  summary: RunView['summary'];
  percentiles: RunView['percentiles'];
  coverage: string;
}

/**
 * The scorecard's figures while a day is shown (a story step, play): the same runs stopped at that
 * day, asked for once per day and scenario on the worker beside the slider runs, and labelled
 * with the days they cover; the whole run's figures otherwise.
 */
export class DayFigures implements ReactiveController {
  #window: (WindowSummary & { scenario: UiScenario }) | null = null;
  #scheduler: RunScheduler<{ scenario: UiScenario; day: number }> | null = null;
  #asked: { scenario: UiScenario; day: number } | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onError: (message: string) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const runner = createWindowRunner();
    this.#scheduler = createRunScheduler(
      ({ scenario, day }: { scenario: UiScenario; day: number }) => runner(scenario, day),
      (window, { scenario }) => {
        this.#window = { ...window, scenario };
        this.host.requestUpdate();
      },
      this.onError,
    );
  }

  /** Asks for the figures up to `day` of `scenario` (nothing while no day is shown). */
  ask(scenario: UiScenario, day: number | null): void {
    if (day === null) return;
    const upTo = Math.max(1, Math.min(scenario.days, Math.floor(day)));
    const asked = this.#asked;
    if (asked && asked.scenario === scenario && asked.day === upTo) return;
    this.#asked = { scenario, day: upTo };
    this.#scheduler?.request({ scenario, day: upTo });
  }

  /** The figures to show for `view` of `scenario`: up to the day shown once they have run, else the whole run's. */
  shown(view: RunView | null, scenario: UiScenario, day: number | null): ShownFigures | null {
    if (!view) return null;
    const window = this.#window;
    if (day !== null && window && window.scenario === scenario)
      return {
        summary: window.summary,
        percentiles: window.percentiles,
        coverage:
          window.fromDay > window.toDay
            ? `Day ${window.toDay} of ${scenario.days} is still in the warm-up: no figures yet.`
            : `Days ${window.fromDay}–${window.toDay} of ${scenario.days}: ${window.toDay - window.fromDay + 1 >= RECENT_WINDOW_DAYS ? 'the last quarter' : 'the run'} up to the day shown.`,
      };
    return {
      summary: view.summary,
      percentiles: view.percentiles,
      coverage: `Days ${view.warmupDays + 1}–${view.days}: the whole run after a ${view.warmupDays}-day warm-up.`,
    };
  }
}
