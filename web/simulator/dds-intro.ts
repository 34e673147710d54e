import { css, html, LitElement } from 'lit';
import { defineElement } from '../components/define-element.ts';
import { emit } from '../components/events.ts';

/** Where a newcomer can start. */
export type IntroChoice = 'spiral' | 'recovery' | 'own';

/**
 * The first screen's lesson: what the deployment death spiral is, in one paragraph, and three
 * places to start (watch a team spiral, watch one recover, try your own team).
 *
 * @event dds-intro-start - A starting point was chosen; `detail.choice` is which.
 * @event dds-intro-close - The newcomer closed the introduction.
 */
export class DdsIntro extends LitElement {
  static override styles = css`
    :host { display: block; background: #fff; border: 1px solid #d6d9de; border-left: 5px solid #0072B2; border-radius: 6px; padding: 0.6rem 0.9rem; }
    h2 { font-size: 1.05rem; margin: 0 0 0.3rem; }
    p { margin: 0 0 0.5rem; line-height: 1.45; max-width: 62rem; font-size: 0.92rem; }
    .starts { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
    button { font: inherit; font-size: 0.9rem; border-radius: 4px; padding: 0.3rem 0.8rem; cursor: pointer; border: 1px solid #0072B2; background: #0072B2; color: #fff; }
    button.secondary { background: #fff; color: #14213d; border-color: #9ca3af; }
    button:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
  `;

  private start(choice: IntroChoice): void {
    emit(this, 'dds-intro-start', { choice });
  }

  override render() {
    return html`<section aria-labelledby="intro-title">
      <h2 id="intro-title">What is the deployment death spiral?</h2>
      <p>
        When releases are big and rare, each one carries more changes: it takes longer to test and
        fix, and when it fails, longer to diagnose and put right. While it is stuck in test, more code
        piles up behind it, so the next release is bigger still: the deployment death spiral. Teams
        that ship small changes often run the same loop the other way. This simulator shows both:
        move any control on the left and the charts re-run at once.
      </p>
      <div class="starts">
        <button type="button" @click=${() => this.start('spiral')}>Watch a team spiral (the story)</button>
        <button type="button" @click=${() => this.start('recovery')}>Watch it recover</button>
        <button type="button" @click=${() => this.start('own')}>Try your own team</button>
        <button type="button" class="secondary" @click=${() => emit(this, 'dds-intro-close')}>Close</button>
      </div>
    </section>`;
  }
}

defineElement('dds-intro', DdsIntro);

declare global {
  interface HTMLElementTagNameMap {
    'dds-intro': DdsIntro;
  }
  interface AppEvents {
    /** The reader picked a starting point. */
    'dds-intro-start': { choice: IntroChoice };
    /** The reader closed the introduction. */
    'dds-intro-close': null;
  }
}
