import { css, html, LitElement, nothing } from 'lit';
import { PARAM_BY_ID } from '../../src/index.ts';
import { defineElement } from '../components/define-element.ts';
import { emit } from '../components/events.ts';
import { STORY_STEPS } from './steps.ts';
import { PRESENTER_CONTROLS } from './story-controller.ts';
import type { StoryRun } from './story-run.ts';

/**
 * The story bar: the step's title and caption, previous and next, a link to every step, and the
 * way into presenter mode with the controls to keep on screen.
 *
 * @event dds-story-go - Go to a step; `detail.index` counts from 0.
 * @event dds-story-close - Leave the story.
 * @event dds-present - Enter (`detail.on` true) or leave presenter mode; `detail.show` lists the controls kept.
 */
export class DdsStory extends LitElement {
  static override styles = css`
    :host { display: block; background: #14213d; color: #fff; border-radius: 6px; padding: 0.6rem 0.9rem; }
    .row { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: baseline; justify-content: space-between; }
    h2 { margin: 0; font-size: 1.15em; }
    .count { font-size: 0.85em; color: #d1d5db; }
    p.caption { margin: 0.35rem 0 0.5rem; font-size: 1em; line-height: 1.4; max-width: 70rem; }
    button { font: inherit; font-size: 0.9em; background: #fff; color: #14213d; border: 1px solid #fff; border-radius: 4px; padding: 0.2rem 0.7rem; cursor: pointer; }
    button:disabled { opacity: 0.5; cursor: default; }
    button:focus-visible, a:focus-visible, input:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
    ol { display: flex; flex-wrap: wrap; gap: 0.3rem; list-style: none; margin: 0; padding: 0; }
    ol a { color: #fff; display: inline-block; min-width: 1.6em; text-align: center; border: 1px solid #9ca3af; border-radius: 4px; padding: 0 0.3em; text-decoration: none; font-size: 0.85em; }
    ol a[aria-current='step'] { background: #ffbf47; color: #14213d; border-color: #ffbf47; font-weight: 700; }
    .controls { display: flex; gap: 0.5rem; flex-wrap: wrap; align-items: center; }
    details { font-size: 0.85em; }
    fieldset { border: 1px solid #9ca3af; border-radius: 4px; display: flex; flex-wrap: wrap; gap: 0.2rem 0.8rem; }
    .hint { font-size: 0.8em; color: #d1d5db; margin: 0.3rem 0 0; }
    :host([presenting]) { padding: 0.4rem 0.8rem; }
    :host([presenting]) .hint { display: none; }
    :host([presenting]) p.caption { margin: 0.2rem 0 0.3rem; }
  `;

  static override properties = {
    index: { type: Number },
    presenting: { type: Boolean, reflect: true },
    show: { attribute: false },
    run: { attribute: false },
  };

  /** The step shown, from 0. */
  index = 0;
  /** Presenter mode: large type, fewer buttons. */
  presenting = false;
  /** Controls kept on screen when presenting. */
  show: readonly string[] = [];
  /** The step's run as the story reads it, once it has run: the caption quotes its figures. */
  run: StoryRun | null = null;

  private go(index: number): void {
    emit(this, 'dds-story-go', { index });
  }

  private present(on: boolean): void {
    emit(this, 'dds-present', { on, show: this.show });
  }

  private toggleShown(id: string, on: boolean): void {
    this.show = on ? [...this.show, id] : this.show.filter((s) => s !== id);
  }

  override render() {
    const step = STORY_STEPS[this.index];
    const last = STORY_STEPS.length - 1;
    return html`<section aria-labelledby="story-title" aria-roledescription="story">
      <div class="row">
        <h2 id="story-title" data-story-title>${step.title}</h2>
        <span class="count" aria-live="polite">Step ${this.index + 1} of ${STORY_STEPS.length}</span>
      </div>
      <p class="caption" data-story-caption aria-live="polite">${this.run ? step.caption(this.run) : 'Running this step…'}</p>
      <div class="row">
        <div class="controls">
          <button type="button" ?disabled=${this.index === 0} @click=${() => this.go(this.index - 1)}>← Previous</button>
          <button type="button" ?disabled=${this.index === last} @click=${() => this.go(this.index + 1)}>Next →</button>
          <nav aria-label="Story steps"><ol>
            ${STORY_STEPS.map(
              (
                s,
                i,
              ) => html`<li><a href=${`?story=${i + 1}`} aria-current=${i === this.index ? 'step' : nothing} title=${s.title}
                aria-label=${`Step ${i + 1}: ${s.title}`}
                @click=${(e: Event) => {
                  e.preventDefault();
                  this.go(i);
                }}>${i + 1}</a></li>`,
            )}
          </ol></nav>
        </div>
        <div class="controls">
          ${
            this.presenting
              ? html`<button type="button" @click=${() => this.present(false)}>Leave presenter mode</button>`
              : html`<details><summary>Controls kept when presenting</summary>
                  <fieldset><legend>Keep on screen</legend>
                    ${PRESENTER_CONTROLS.map(
                      (id) => html`<label><input type="checkbox" .checked=${this.show.includes(id)}
                        @change=${(e: Event) => this.toggleShown(id, (e.target as HTMLInputElement).checked)} /> ${PARAM_BY_ID.get(id)?.label}</label>`,
                    )}
                  </fieldset></details>
                  <button type="button" @click=${() => this.present(true)}>Present</button>`
          }
          <button type="button" @click=${() => emit(this, 'dds-story-close')}>Close the story</button>
        </div>
      </div>
      <p class="hint">Keys: → or Page Down next, ← or Page Up back, Home and End, B blanks the screen, Esc leaves.</p>
    </section>`;
  }
}

defineElement('dds-story', DdsStory);

declare global {
  interface HTMLElementTagNameMap {
    'dds-story': DdsStory;
  }
  interface AppEvents {
    /** The reader asked for step `index`. */
    'dds-story-go': { index: number };
    /** Presenter mode turned on or off, with the controls it keeps on screen. */
    'dds-present': { on: boolean; show: readonly string[] };
    /** The reader closed the story. */
    'dds-story-close': null;
  }
}
