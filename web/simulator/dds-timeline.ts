import { css, html, LitElement } from 'lit';
import {
  DEFAULT_DAYS,
  INTERVENTION_KINDS,
  INTERVENTION_TYPES,
  type Intervention,
  kindOf,
} from '../../src/index.ts';
import { defineElement } from '../components/define-element.ts';
import { emit } from '../components/events.ts';

/** The kinds the timeline offers: every kind with a typical example to start a new one from. */
const OFFERED = INTERVENTION_TYPES.filter((type) => INTERVENTION_KINDS[type].example);

/** An intervention's fields in words, from its kind's row of the table. */
function details(intervention: Intervention): string {
  return kindOf(intervention).details(intervention as never);
}

/**
 * The interventions timeline: the escape steps and shocks on the run's time axis. Drag a marker
 * or focus it and use the arrow keys to move it (Shift for bigger steps); Delete removes it.
 *
 * @event dds-interventions-change - The list changed; `detail.interventions` is the new list.
 */
export class DdsTimeline extends LitElement {
  static override styles = css`
    :host { display: block; background: #fff; border: 1px solid #d6d9de; border-radius: 6px; padding: 0.5rem 0.8rem; font-size: 0.85rem; }
    h2 { font-size: 1rem; margin: 0 0 0.3rem; }
    .track { position: relative; height: 2.4rem; margin: 0.3rem 0.8rem 0.2rem; border-bottom: 2px solid #6b7280; touch-action: none; }
    .marker { position: absolute; bottom: 0.15rem; transform: translateX(-50%); min-width: 1.9rem; height: 1.9rem; border-radius: 4px; border: 1px solid #14213d; background: #e8eefc; cursor: grab; font-size: 1rem; padding: 0 0.2rem; }
    .marker.shock { background: #fde8e1; }
    .marker:focus-visible, button:focus-visible, select:focus-visible, input:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
    .axis { display: flex; justify-content: space-between; color: #4b5563; font-size: 0.75rem; margin: 0 0.8rem; }
    form { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; margin-top: 0.4rem; }
    select, input, button { font: inherit; }
    input[type='number'] { width: 5rem; }
    ul { margin: 0.4rem 0 0; padding-left: 1.1rem; }
    li button { margin-left: 0.4rem; font-size: 0.75rem; }
  `;

  static override properties = {
    interventions: { attribute: false },
    days: { type: Number },
    teamSize: { type: Number },
    newKind: { state: true },
    newDay: { state: true },
  };

  /** The interventions shown. */
  interventions: Intervention[] = [];
  /** Length of the run, in working days. */
  days = DEFAULT_DAYS;
  /** Team size, for a new incident's responders. */
  teamSize = 8;
  private newKind: Intervention['type'] = OFFERED[0];
  private newDay = 100;
  private dragging: number | null = null;

  private emit(interventions: Intervention[]): void {
    emit(this, 'dds-interventions-change', { interventions });
  }

  private moveTo(index: number, day: number): void {
    const clamped = Math.max(0, Math.min(this.days - 1, Math.round(day)));
    if (this.interventions[index].day === clamped) return;
    this.emit(
      this.interventions.map((item, i) => (i === index ? { ...item, day: clamped } : item)),
    );
  }

  private removeAt(index: number): void {
    this.emit(this.interventions.filter((_, i) => i !== index));
  }

  private handleKey(index: number, event: KeyboardEvent): void {
    const step = event.shiftKey ? 20 : 5;
    const day = this.interventions[index].day;
    if (event.key === 'ArrowRight') this.moveTo(index, day + step);
    else if (event.key === 'ArrowLeft') this.moveTo(index, day - step);
    else if (event.key === 'Delete' || event.key === 'Backspace') this.removeAt(index);
    else return;
    event.preventDefault();
  }

  private dayFromPointer(event: PointerEvent): number {
    const track = this.renderRoot.querySelector('.track') as HTMLElement;
    const box = track.getBoundingClientRect();
    return ((event.clientX - box.left) / box.width) * this.days;
  }

  private handlePointerDown(index: number, event: PointerEvent): void {
    this.dragging = index;
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
  }

  private handlePointerMove(event: PointerEvent): void {
    if (this.dragging !== null) this.moveTo(this.dragging, this.dayFromPointer(event));
  }

  private handleAdd(event: Event): void {
    event.preventDefault();
    const example = INTERVENTION_KINDS[this.newKind].example;
    if (!example) return;
    const day = Math.max(0, Math.min(this.days - 1, Math.round(this.newDay)));
    this.emit([...this.interventions, example(day, this.teamSize)]);
  }

  override updated(): void {
    // Positions go through the CSSOM: the Content-Security-Policy forbids style attributes.
    for (const marker of this.renderRoot.querySelectorAll<HTMLElement>('.marker')) {
      marker.style.left = `${(Number(marker.dataset.day) / this.days) * 100}%`;
    }
  }

  override render() {
    const shock = (type: Intervention['type']) =>
      type === 'releaseSlip' || type === 'incident' || type === 'surge';
    return html`<h2>Interventions and shocks</h2>
      <div class="track" @pointermove=${this.handlePointerMove} @pointerup=${() => (this.dragging = null)}>
        ${this.interventions.map(
          (
            item,
            index,
          ) => html`<button type="button" class=${shock(item.type) ? 'marker shock' : 'marker'}
            data-day=${item.day}
            aria-label=${`${INTERVENTION_KINDS[item.type].caption} at day ${item.day}. Arrow keys move it, Delete removes it.`}
            title=${`${INTERVENTION_KINDS[item.type].caption} (day ${item.day}) ${details(item)}`}
            @keydown=${(e: KeyboardEvent) => this.handleKey(index, e)}
            @pointerdown=${(e: PointerEvent) => this.handlePointerDown(index, e)}>${INTERVENTION_KINDS[item.type].symbol}</button>`,
        )}
      </div>
      <div class="axis" aria-hidden="true"><span>day 0</span><span>day ${Math.round(this.days / 2)}</span><span>day ${this.days}</span></div>
      <form @submit=${this.handleAdd}>
        <label>Add <select aria-label="Kind of intervention" @change=${(e: Event) => (this.newKind = (e.target as HTMLSelectElement).value as Intervention['type'])}>
          ${OFFERED.map((type) => html`<option value=${type} ?selected=${type === this.newKind}>${INTERVENTION_KINDS[type].name}</option>`)}
        </select></label>
        <label>at day <input type="number" min="0" max=${this.days - 1} .value=${String(this.newDay)}
          @change=${(e: Event) => (this.newDay = Number((e.target as HTMLInputElement).value) || 0)} /></label>
        <button type="submit">Add</button>
      </form>
      ${
        this.interventions.length === 0
          ? html`<p>No interventions: add an escape step or a shock to see what it does.</p>`
          : html`<ul>
            ${this.interventions.map(
              (
                item,
                index,
              ) => html`<li>Day ${item.day}: ${INTERVENTION_KINDS[item.type].caption}${details(item) ? ` (${details(item)})` : ''}
                <button type="button" @click=${() => this.removeAt(index)} aria-label=${`Remove ${INTERVENTION_KINDS[item.type].caption} at day ${item.day}`}>Remove</button></li>`,
            )}
          </ul>`
      }`;
  }
}

defineElement('dds-timeline', DdsTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'dds-timeline': DdsTimeline;
  }
  interface AppEvents {
    /** The timeline's interventions after an edit. */
    'dds-interventions-change': { interventions: Intervention[] };
  }
}
