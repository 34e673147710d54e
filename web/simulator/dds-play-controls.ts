import { css, html, LitElement } from 'lit';
import { DEFAULT_DAYS } from '../../src/index.ts';
import { defineElement } from '../components/define-element.ts';
import { emit } from '../components/events.ts';

/** Working days shown per second at each speed. */
export const PLAY_SPEEDS = [10, 30, 90] as const;

/**
 * Play mode controls: time advances on screen so an audience watches the run unfold. With
 * reduced motion preferred, play advances in quarter-year steps instead of continuously.
 *
 * @event dds-play-day - The day to show up to changed; `detail.day` is it, or null for the whole run.
 */
export class DdsPlayControls extends LitElement {
  static override styles = css`
    :host { display: inline-flex; gap: 0.4rem; align-items: center; font-size: 0.85rem; }
    button, select { font: inherit; }
    button:focus-visible, select:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
    output { min-width: 6.5rem; font-variant-numeric: tabular-nums; }
  `;

  static override properties = {
    days: { type: Number },
    day: { state: true },
    playing: { state: true },
    speed: { state: true },
  };

  /** Length of the run, in working days. */
  days = DEFAULT_DAYS;
  private day: number | null = null;
  private playing = false;
  private speed: number = PLAY_SPEEDS[1];
  private frame = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastTime = 0;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop();
  }

  private emitted: number | null | undefined = undefined;

  /** Tells the screen the whole day now shown, once per day: the charts, loops and figures show whole days. */
  private emit(): void {
    const day = this.day === null ? null : Math.floor(this.day);
    if (day === this.emitted) return;
    this.emitted = day;
    emit(this, 'dds-play-day', { day });
  }

  private setDay(day: number | null): void {
    this.day = day === null ? null : Math.min(this.days, Math.max(0, day));
    if (this.day !== null && this.day >= this.days) {
      this.day = null;
      this.stop();
    }
    this.emit();
  }

  private stop(): void {
    this.playing = false;
    cancelAnimationFrame(this.frame);
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private play(): void {
    this.playing = true;
    if (this.day === null) this.setDay(0);
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    if (reduced) {
      this.timer = setInterval(() => this.setDay((this.day ?? 0) + 65), 1500);
      return;
    }
    this.lastTime = performance.now();
    const tick = (now: number) => {
      if (!this.playing) return;
      this.setDay((this.day ?? 0) + ((now - this.lastTime) / 1000) * this.speed);
      this.lastTime = now;
      if (this.playing) this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
  }

  private handlePlay(): void {
    if (this.playing) this.stop();
    else this.play();
  }

  private handleStep(): void {
    this.stop();
    this.setDay((this.day ?? 0) + 20);
  }

  private handleShowAll(): void {
    this.stop();
    this.setDay(null);
  }

  override render() {
    return html`<button type="button" @click=${this.handlePlay} aria-pressed=${this.playing ? 'true' : 'false'}>${this.playing ? '❚❚ Pause' : '▶ Play'}</button>
      <button type="button" @click=${this.handleStep} aria-label="Step forward 20 working days">Step</button>
      <label>Speed <select @change=${(e: Event) => (this.speed = Number((e.target as HTMLSelectElement).value))}>
        ${PLAY_SPEEDS.map((s) => html`<option value=${s} ?selected=${s === this.speed}>${s} days/s</option>`)}
      </select></label>
      <button type="button" @click=${this.handleShowAll} ?disabled=${this.day === null}>Show all</button>
      <output aria-live="off">${this.day === null ? 'Whole run' : `Day ${Math.floor(this.day)} of ${this.days}`}</output>`;
  }
}

defineElement('dds-play-controls', DdsPlayControls);

declare global {
  interface HTMLElementTagNameMap {
    'dds-play-controls': DdsPlayControls;
  }
  interface AppEvents {
    /** Play, Step or Pause moved the day shown (`null`: the whole run). */
    'dds-play-day': { day: number | null };
  }
}
