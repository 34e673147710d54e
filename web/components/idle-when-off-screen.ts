import type { LitElement } from 'lit';

/** How long changes must pause before an element out of view catches up. */
const SETTLE_MS = 250;
/** How far outside the screen an element counts as near: it catches up as soon as what is in view is drawn. */
const NEAR_MARGIN = '200px';

// biome-ignore lint/suspicious/noExplicitAny: the mixin pattern needs a constructor of any arguments.
type LitConstructor = abstract new (...args: any[]) => LitElement;

/**
 * An element whose updates wait while it is off screen: a slider move redraws every chart and the
 * loop diagram. The ones just below the fold catch up in the next task, the rest once the changes
 * pause or as soon as they scroll near, so what is in view repaints first and a drag never
 * waits for what is not.
 */
export function IdleWhenOffScreen<Base extends LitConstructor>(base: Base) {
  abstract class Deferring extends base {
    #observers: IntersectionObserver[] = [];
    /** Whether the element is on the screen; it starts as if it were. */
    #onScreen = true;
    /** Whether it is within a short scroll of the screen. */
    #near = true;
    /** An update held back while off screen, and whether it is now being let through. */
    #held: 'no' | 'waiting' | 'releasing' = 'no';
    /** The catch-up due once the changes pause. */
    #settling: ReturnType<typeof setTimeout> | undefined;

    override connectedCallback(): void {
      super.connectedCallback();
      const watch = (rootMargin: string, seen: (intersecting: boolean) => void) => {
        const observer = new IntersectionObserver(
          (entries) => {
            seen(entries[entries.length - 1].isIntersecting);
            if ((this.#onScreen || this.#near) && this.#held === 'waiting') this.#release();
          },
          // The document's own viewport as the root: a margin around the implicit root is
          // ignored inside a frame (an embedded simulator, the test runner).
          { root: document, rootMargin },
        );
        observer.observe(this);
        return observer;
      };
      this.#observers = [
        watch('0px', (intersecting) => (this.#onScreen = intersecting)),
        watch(NEAR_MARGIN, (intersecting) => (this.#near = intersecting)),
      ];
    }

    override disconnectedCallback(): void {
      super.disconnectedCallback();
      for (const observer of this.#observers) observer.disconnect();
      this.#observers = [];
    }

    protected override shouldUpdate(changed: Map<PropertyKey, unknown>): boolean {
      if (!this.hasUpdated || this.#onScreen || this.#held === 'releasing') {
        this.#held = 'no';
        return super.shouldUpdate(changed);
      }
      this.#held = 'waiting';
      // Just below the fold, in the task after the one that draws what is in view; further off,
      // once the changes pause, not in idle time between them: a catch-up that starts while the
      // run of the next slider move is on its way holds up that run's frame (by up to the 10 ms
      // the loop diagram takes), which is what a drag must never wait for.
      clearTimeout(this.#settling);
      this.#settling = setTimeout(
        () => this.#held === 'waiting' && this.#release(),
        this.#near ? 0 : SETTLE_MS,
      );
      return false;
    }

    #release(): void {
      this.#held = 'releasing';
      this.requestUpdate();
    }
  }
  return Deferring;
}
