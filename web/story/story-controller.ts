import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ScenarioStore } from '../state/store.ts';
import type { UiScenario } from '../state/ui-scenario.ts';
import { isControlTarget, storyKeyAction } from './keys.ts';
import { STORY_STEPS, type StoryStep } from './steps.ts';

/** Parameters a presenter may keep on screen, the ones the story turns on. */
export const PRESENTER_CONTROLS = [
  'releaseIntervalDays',
  'regressionPasses',
  'automationShare',
  'teamSize',
  'fearResponse',
  'protectImprovement',
  'stabilisationShare',
] as const;

/** What the story needs from the screen it runs on. */
export interface StoryHost extends ReactiveControllerHost, HTMLElement {
  /** Shows a problem (a bad link) to the user. */
  storyMessage(message: string): void;
  /** Shows a passing note in the status line. */
  storyStatus(status: string): void;
  /** A step was shown (null: the story closed); the screen points at what it names. */
  storyStepShown(step: StoryStep | null): void;
  /** Writes the address bar: a new history entry, or the current one replaced. */
  writeUrl(push: boolean): void;
}

/**
 * The story and presenter mode: which step is shown, the keys that move through it (a clicker's
 * Page Up and Page Down included), the blank screen, full screen and large type, its part of the
 * URL, and the user's own scenario, given back when the story closes.
 */
export class StoryController implements ReactiveController {
  /** The step shown, from 0, or null outside the story. */
  index: number | null = null;
  /** Presenter mode: full screen, large type, only the chosen controls. */
  presenting = false;
  /** The controls a presenter keeps on screen. */
  show: string[] = [];
  /** The screen is blanked (a clicker's black-screen key). */
  blanked = false;
  private before: UiScenario | null = null;
  private readonly onKeyDown = (event: KeyboardEvent) => this.handleKey(event);

  constructor(
    private readonly host: StoryHost,
    private readonly store: ScenarioStore,
  ) {
    host.addController(this);
  }

  /** The step shown, or null. */
  get step(): StoryStep | null {
    return this.index === null ? null : STORY_STEPS[this.index];
  }

  hostConnected(): void {
    window.addEventListener('keydown', this.onKeyDown);
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.onKeyDown);
  }

  hostUpdated(): void {
    this.host.toggleAttribute('presenting', this.presenting);
    // Large type everywhere: every component sizes its text in rem.
    document.documentElement.classList.toggle('presenting', this.presenting);
  }

  /** Reads the story's keys from a URL; a bad one is reported and the story stays closed. */
  read(query: URLSearchParams): void {
    const story = query.get('story');
    this.index = null;
    if (story !== null) {
      const step = Number(story);
      if (Number.isInteger(step) && step >= 1 && step <= STORY_STEPS.length) this.index = step - 1;
      else
        this.host.storyMessage(
          `This link's story step could not be read: story: ${JSON.stringify(story)} is not allowed; allowed: a step from 1 to ${STORY_STEPS.length}`,
        );
    }
    this.presenting = this.index !== null && query.get('present') === '1';
    const shown = (query.get('show') ?? '').split(',').filter(Boolean);
    const unknown = shown.filter((id) => !(PRESENTER_CONTROLS as readonly string[]).includes(id));
    if (unknown.length > 0)
      this.host.storyMessage(
        `Some controls in this link are not offered in presenter mode and are left out: show: ${JSON.stringify(unknown.join(','))}; allowed: ${PRESENTER_CONTROLS.join(', ')}`,
      );
    this.show = shown.filter((id) => !unknown.includes(id));
    this.host.storyStepShown(this.step);
  }

  /** A bare deep link to a step (no scenario in it): the step sets its own scenario. */
  openDeepLink(query: URLSearchParams): void {
    if (this.index === null || query.has('preset')) return;
    this.store.replace(STORY_STEPS[this.index].scenario(), 'restore');
    this.host.writeUrl(false);
  }

  /** The story's part of the URL, or nothing outside the story. */
  query(): string {
    if (this.index === null) return '';
    const show = this.presenting && this.show.length > 0 ? `&show=${this.show.join(',')}` : '';
    return `&story=${this.index + 1}${this.presenting ? '&present=1' : ''}${show}`;
  }

  /** Shows a step: its scenario, and what it points at. */
  go(index: number): void {
    if (index === this.index) return;
    if (this.index === null) this.before = this.store.scenario;
    this.index = index;
    this.host.storyStepShown(this.step);
    this.store.replace(STORY_STEPS[index].scenario());
  }

  /** Leaves the story (and presenter mode), giving back the scenario the user had. */
  close(): void {
    this.index = null;
    this.setPresenting(false, this.show);
    this.host.storyStepShown(null);
    if (this.before) {
      this.store.replace(this.before);
      this.before = null;
      this.host.storyStatus('Back to your own scenario');
    } else {
      this.host.writeUrl(true);
    }
  }

  /** Leaves the story for another screen, keeping the step's scenario to work on. */
  leave(): void {
    this.index = null;
    this.before = null;
    this.presenting = false;
    this.blanked = false;
  }

  /** Enters or leaves presenter mode, keeping the chosen controls on screen. */
  setPresenting(on: boolean, show: readonly string[]): void {
    this.presenting = on;
    this.show = [...show];
    this.blanked = false;
    if (on) void document.documentElement.requestFullscreen?.().catch(() => {});
    else if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    this.host.writeUrl(false);
    this.host.requestUpdate();
  }

  /** Shows the screen again after the black-screen key. */
  unblank(): void {
    this.blanked = false;
    this.host.requestUpdate();
  }

  private handleKey(event: KeyboardEvent): void {
    if (this.index === null || event.defaultPrevented) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const action = storyKeyAction(event.key, event.shiftKey);
    if (!action || (action !== 'exit' && isControlTarget(event.composedPath()))) return;
    event.preventDefault();
    // Any key brings a blanked screen back; Esc also leaves at once, whatever came before it.
    if (this.blanked) {
      this.unblank();
      if (action !== 'exit') return;
    }
    const last = STORY_STEPS.length - 1;
    if (action === 'next') this.go(Math.min(last, this.index + 1));
    else if (action === 'previous') this.go(Math.max(0, this.index - 1));
    else if (action === 'first') this.go(0);
    else if (action === 'last') this.go(last);
    else if (action === 'blank') {
      this.blanked = true;
      this.host.requestUpdate();
    } else if (this.presenting) this.setPresenting(false, this.show);
    else this.close();
  }
}
