import { html, nothing } from 'lit';
import type { WorkshopView } from '../../src/workshop/views.ts';
import { briefingBody, debriefBody, notesBody } from '../game/escape-notes.ts';

/** The starting team in plain words: open in the lobby, folded away once the game runs. */
export function briefingSection(view: WorkshopView) {
  const body = briefingBody(view.briefing);
  return view.phase === 'lobby'
    ? html`<section aria-labelledby="briefing-title"><h2 id="briefing-title">Briefing</h2>${body}</section>`
    : html`<details><summary>Briefing: the team you started as</summary>${body}</details>`;
}

/** The facilitator's notes on the round just revealed. */
export function notesSection(view: WorkshopView) {
  if (!view.notes) return nothing;
  return html`<section aria-labelledby="notes-title">
    <h2 id="notes-title">Notes on round ${view.notes.round}</h2>
    ${notesBody(view.notes)}
  </section>`;
}

/** The end-of-game debrief, for the room. */
export function debriefSection(view: WorkshopView) {
  if (!view.debrief) return nothing;
  return html`<section aria-labelledby="debrief-title">
    <h2 id="debrief-title">Debrief</h2>
    ${debriefBody(view.debrief)}
  </section>`;
}
