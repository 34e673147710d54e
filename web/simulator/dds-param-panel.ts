import { css, html, LitElement, nothing } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import {
  errorMessage,
  PARAMS,
  type ParamGroup,
  type ParamSpec,
  type Params,
  usesLogScale,
  validateParam,
} from '../../src/index.ts';
import { defineElement } from '../components/define-element.ts';
import { emit } from '../components/events.ts';
import { LOG_POSITIONS, sliderPosition, sliderValue, stopAt } from './param-scale.ts';

/** Headings of the parameter groups, in panel order. */
export const GROUP_LABELS: Readonly<Record<ParamGroup, string>> = {
  team: 'Team',
  code: 'Code and branches',
  testing: 'Testing and release',
  production: 'Production',
  reflexes: 'Organisation reflexes',
  economics: 'Economics',
};

/** Detail of a `dds-param-change` event. */
export interface ParamChangeDetail {
  id: keyof Params;
  value: number | boolean | string;
}

/**
 * The parameter panel, generated from the parameter table: one control per parameter with its
 * unit, range and help, grouped as the table groups them. Typed values outside the range are
 * refused with a message next to the field; nothing invalid reaches the model.
 *
 * @event dds-param-change - A parameter changed; `detail` is `{ id, value }`.
 */
export class DdsParamPanel extends LitElement {
  static override styles = css`
    :host { display: block; font-size: 0.85rem; }
    details { border-bottom: 1px solid #d6d9de; padding: 0.3rem 0; }
    summary { font-weight: 700; cursor: pointer; padding: 0.2rem 0; }
    summary:focus-visible, input:focus-visible, select:focus-visible, button:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
    .control { margin: 0.45rem 0 0.55rem; }
    .head { display: flex; justify-content: space-between; gap: 0.4rem; align-items: baseline; }
    label { font-weight: 600; }
    .unit { color: #4b5563; font-size: 0.75rem; }
    .inputs { display: flex; gap: 0.4rem; align-items: center; }
    input[type='range'] { flex: 1; min-width: 0; accent-color: #0072B2; }
    input[type='number'] { width: 5.5rem; font: inherit; padding: 0.1rem 0.2rem; }
    select { font: inherit; }
    .help-toggle { border: 1px solid #9ca3af; border-radius: 50%; width: 1.35rem; height: 1.35rem; padding: 0; background: #fff; font-size: 0.75rem; cursor: pointer; }
    .help { color: #374151; font-size: 0.78rem; margin: 0.2rem 0 0; }
    .error { color: #b42318; font-size: 0.78rem; margin: 0.2rem 0 0; }
    input[aria-invalid='true'] { border: 2px solid #b42318; }
    .changed label::after { content: ' •'; color: #D55E00; }
    .stops { display: flex; flex-wrap: wrap; gap: 0.25rem; margin: 0.2rem 0 0; padding: 0; list-style: none; }
    .stops button { font: inherit; font-size: 0.72rem; padding: 0 0.35rem; border: 1px solid #9ca3af; border-radius: 999px; background: #fff; cursor: pointer; }
    .stops button[aria-pressed='true'] { background: #0072B2; border-color: #0072B2; color: #fff; }
    .note { background: #fff4e5; border-left: 3px solid #b54708; padding: 0.2rem 0.4rem; margin: 0.3rem 0 0; font-size: 0.78rem; }
  `;

  static override properties = {
    params: { attribute: false },
    reference: { attribute: false },
    openGroups: { attribute: false },
    only: { attribute: false },
    notes: { attribute: false },
    errors: { state: true },
    helpOpen: { state: true },
  };

  /** The values shown. */
  params: Params | null = null;
  /** Values to mark changes against (the preset's), if any. */
  reference: Params | null = null;
  /** Groups open at first. */
  openGroups: readonly ParamGroup[] = ['team', 'testing'];
  /** When set, only these parameters, ungrouped (presenter mode). */
  only: readonly string[] | null = null;
  /** A sentence to show under a parameter's control: what the run says about it. */
  notes: Partial<Record<keyof Params, string>> = {};
  private errors: Partial<Record<keyof Params, string>> = {};
  private helpOpen: Partial<Record<keyof Params, boolean>> = {};

  private emitChange(spec: ParamSpec, raw: unknown): void {
    try {
      const value = validateParam(spec, raw, spec.label);
      // Only a control that showed an error needs the panel redrawn; a slider drag must not.
      if (this.errors[spec.id] !== undefined)
        this.errors = { ...this.errors, [spec.id]: undefined };
      emit(this, 'dds-param-change', { id: spec.id, value });
    } catch (error) {
      const message = errorMessage(error);
      this.errors = { ...this.errors, [spec.id]: message };
    }
  }

  private handleNumber(spec: ParamSpec, event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this.emitChange(spec, text.trim() === '' ? Number.NaN : Number(text));
  }

  /**
   * A slider moved to `position`. On a logarithmic slider a move always changes the value by at
   * least a step in the direction moved, so small values (a team of eight) still move by keyboard.
   */
  private handleSlider(spec: ParamSpec, value: number, position: number): void {
    let next = sliderValue(spec, position);
    if (usesLogScale(spec) && next === value) {
      const direction = Math.sign(position - sliderPosition(spec, value));
      if (direction === 0) return;
      next = Math.min(spec.max, Math.max(spec.min, value + direction * spec.step));
    }
    this.emitChange(spec, Number(next.toPrecision(12)));
  }

  private toggleHelp(id: keyof Params): void {
    this.helpOpen = { ...this.helpOpen, [id]: !this.helpOpen[id] };
  }

  private renderInputs(spec: ParamSpec, value: number | boolean | string) {
    const id = `param-${spec.id}`;
    if (spec.kind === 'boolean') {
      return html`<input id=${id} type="checkbox" .checked=${Boolean(value)} aria-describedby=${`${id}-range`}
        @change=${(e: Event) => this.emitChange(spec, (e.target as HTMLInputElement).checked)} />`;
    }
    if (spec.kind === 'choice') {
      return html`<select id=${id} @change=${(e: Event) => this.emitChange(spec, (e.target as HTMLSelectElement).value)}>
        ${spec.choices!.map((choice) => html`<option value=${choice} ?selected=${choice === value}>${choice}</option>`)}
      </select>`;
    }
    const invalid = Boolean(this.errors[spec.id]);
    const number = Number(value);
    const stop = stopAt(spec, number);
    const log = usesLogScale(spec);
    // A range over several decades gets a logarithmic slider: every part of its length is used.
    // live(): the thumb always goes back to the value's own position, even when a move rounds to
    // the value it had, so the slider never shows a position the value does not have.
    return html`<input type="range" id=${id} min=${log ? 0 : spec.min} max=${log ? LOG_POSITIONS : spec.max}
        step=${log ? 1 : spec.step} .value=${live(String(sliderPosition(spec, number)))} data-scale=${log ? 'log' : 'linear'}
        aria-describedby=${`${id}-range`} aria-valuetext=${`${value} ${spec.unit}${stop ? `, ${stop}` : ''}`}
        @input=${(e: Event) => this.handleSlider(spec, number, Number((e.target as HTMLInputElement).value))} />
      <input type="number" min=${spec.min} max=${spec.max} step=${spec.step} .value=${String(value)}
        aria-label=${`${spec.label} (${spec.unit})`} aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${`${id}-range ${id}-error`} @change=${(e: Event) => this.handleNumber(spec, e)} />`;
  }

  /**
   * A control, redrawn only when what it shows changed: a slider drag changes one parameter, and
   * redrawing all fifty-odd controls for it took about 2 ms of every move.
   */
  private renderControl(spec: ParamSpec) {
    const value = this.params![spec.id];
    const changed = this.reference !== null && this.reference[spec.id] !== value;
    return guard(
      [value, changed, this.helpOpen[spec.id], this.notes[spec.id], this.errors[spec.id]],
      () => this.renderControlNow(spec),
    );
  }

  private renderControlNow(spec: ParamSpec) {
    const params = this.params!;
    const value = params[spec.id];
    const id = `param-${spec.id}`;
    const changed = this.reference !== null && this.reference[spec.id] !== value;
    const range =
      spec.kind === 'boolean'
        ? 'on or off'
        : spec.kind === 'choice'
          ? spec.choices!.join(', ')
          : `${spec.min} to ${spec.max} ${spec.unit}`;
    return html`<div class=${changed ? 'control changed' : 'control'} data-param=${spec.id}>
      <div class="head">
        <label for=${id}>${spec.label}</label>
        <span class="unit" id=${`${id}-range`}>${range}</span>
        <button type="button" class="help-toggle" aria-expanded=${this.helpOpen[spec.id] ? 'true' : 'false'}
          aria-controls=${`${id}-help`} aria-label=${`About ${spec.label}`} title=${`${spec.help} (${spec.id})`}
          @click=${() => this.toggleHelp(spec.id)}>?</button>
      </div>
      <div class="inputs">${this.renderInputs(spec, value)}</div>
      ${
        spec.stops
          ? html`<ul class="stops" aria-label=${`${spec.label}: named values`}>${spec.stops.map(
              (s) =>
                html`<li><button type="button" aria-pressed=${stopAt(spec, Number(value)) === s.label ? 'true' : 'false'}
                  @click=${() => this.emitChange(spec, s.value)}>${s.label}</button></li>`,
            )}</ul>`
          : nothing
      }
      ${this.notes[spec.id] ? html`<p class="note" role="status" data-note=${spec.id}>${this.notes[spec.id]}</p>` : nothing}
      ${this.helpOpen[spec.id] ? html`<p class="help" id=${`${id}-help`}>${spec.help} ${spec.source === 'calibrate' ? '(A judgement: calibrate it to your team.)' : '(From published data.)'} Its name in links, files and the command line: <code>${spec.id}</code>.</p>` : nothing}
      <p class="error" id=${`${id}-error`} role=${this.errors[spec.id] ? 'alert' : nothing}>${this.errors[spec.id] ?? ''}</p>
    </div>`;
  }

  override render() {
    if (!this.params) return nothing;
    const only = this.only;
    if (only)
      return html`${PARAMS.filter((spec) => only.includes(spec.id)).map((spec) => this.renderControl(spec))}`;
    const groups = Object.keys(GROUP_LABELS) as ParamGroup[];
    return html`${groups.map(
      (group) => html`<details ?open=${this.openGroups.includes(group)} data-group=${group}>
        <summary>${GROUP_LABELS[group]}</summary>
        ${PARAMS.filter((spec) => spec.group === group).map((spec) => this.renderControl(spec))}
      </details>`,
    )}`;
  }
}

defineElement('dds-param-panel', DdsParamPanel);

declare global {
  interface HTMLElementTagNameMap {
    'dds-param-panel': DdsParamPanel;
  }
  interface AppEvents {
    /** A parameter's control moved to a value the table allows. */
    'dds-param-change': ParamChangeDetail;
  }
}
