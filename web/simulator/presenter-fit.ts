import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The least height, in pixels, the step's chart keeps in presenter mode. */
const PRESENTER_CHART_MIN = 160;

/** Pixels kept free under the presenter stage. */
const PRESENTER_MARGIN = 6;

/** An element whose rendered children make up the presenter stage. */
type StageHost = ReactiveControllerHost & { readonly renderRoot: ParentNode };

/**
 * Fits the presenter stage to the screen, whatever the step's caption and legend: once the host's
 * children have drawn (and whenever the window resizes), the step's chart gives up the height the
 * stage overflows by, or takes back the height left unused.
 */
export class PresenterFit implements ReactiveController {
  #trim = 0;
  #asked = false;
  readonly #onResize = () => this.#fit();

  constructor(
    private readonly host: StageHost,
    private readonly presenting: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('resize', this.#onResize);
  }

  hostDisconnected(): void {
    window.removeEventListener('resize', this.#onResize);
  }

  hostUpdated(): void {
    this.#fit();
  }

  /** The height the step's chart takes while presenting: what the screen has to spare. */
  chartHeight(): number {
    const wanted = Math.min(640, Math.round(window.innerHeight * 0.5)) - this.#trim;
    return Math.max(PRESENTER_CHART_MIN, wanted);
  }

  #fit(): void {
    if (!this.presenting() || this.#asked) return;
    this.#asked = true;
    requestAnimationFrame(() => {
      this.#asked = false;
      if (!this.presenting()) return;
      const bottom = Math.max(
        0,
        ...[...this.host.renderRoot.children].map((child) => child.getBoundingClientRect().bottom),
      );
      const over = Math.ceil(bottom + window.scrollY + PRESENTER_MARGIN - window.innerHeight);
      const trim = Math.max(0, this.#trim + over);
      // A few pixels to spare are left alone, so the stage never swings between two heights.
      if (over > 0 || (over < -2 * PRESENTER_MARGIN && trim !== this.#trim)) {
        this.#trim = trim;
        this.host.requestUpdate();
      }
    });
  }
}
