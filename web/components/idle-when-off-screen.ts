import type { LitElement } from 'lit';

/** How long changes must pause before an element out of view catches up. */
const SETTLE_MS = 250;

// biome-ignore lint/suspicious/noExplicitAny: the mixin pattern needs a constructor of any arguments.
type LitConstructor = abstract new (...args: any[]) => LitElement;

/**
 * An element whose updates wait while it is off screen: a slider move redraws every chart and the
 * loop diagram, and the ones out of view then catch up once the changes pause, or as soon as
 * they scroll near, so what is in view repaints first and a drag never waits for what is not.
 */
export function IdleWhenOffScreen<Base extends LitConstructor>(base: Base) {
  abstract class Deferring extends base {
    #observer: IntersectionObserver | null = null;
    /** Whether the element is on (or near) the screen; it starts as if it were. */
    #onScreen = true;
    /** An update held back while off screen, and whether it is now being let through. */
    #held: 'no' | 'waiting' | 'releasing' = 'no';
    /** The catch-up due once the changes pause. */
    #settling: ReturnType<typeof setTimeout> | undefined;

    override connectedCallback(): void {
      super.connectedCallback();
      this.#observer = new IntersectionObserver(
        (entries) => {
          this.#onScreen = entries[entries.length - 1].isIntersecting;
          if (this.#onScreen && this.#held === 'waiting') this.#release();
        },
        { rootMargin: '200px' },
      );
      this.#observer.observe(this);
    }

    override disconnectedCallback(): void {
      super.disconnectedCallback();
      this.#observer?.disconnect();
    }

    protected override shouldUpdate(changed: Map<PropertyKey, unknown>): boolean {
      if (!this.hasUpdated || this.#onScreen || this.#held === 'releasing') {
        this.#held = 'no';
        return super.shouldUpdate(changed);
      }
      this.#held = 'waiting';
      // Once the changes pause, not in idle time between them: a catch-up that starts while the
      // run of the next slider move is on its way holds up that run's frame (by up to the 10 ms
      // the loop diagram takes), which is what a drag must never wait for.
      clearTimeout(this.#settling);
      this.#settling = setTimeout(() => this.#held === 'waiting' && this.#release(), SETTLE_MS);
      return false;
    }

    #release(): void {
      this.#held = 'releasing';
      this.requestUpdate();
    }
  }
  return Deferring;
}
