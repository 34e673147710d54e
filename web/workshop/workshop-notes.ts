import { html, nothing } from 'lit';
import type { WorkshopView } from '../../src/workshop/views';

/** The starting team in plain words: open in the lobby, folded away once the game runs. */
export function briefingSection(view: WorkshopView) {
  const body = html`${view.briefing.map((sentence) => html`<p>${sentence}</p>`)}`;
  return view.phase === 'lobby'
    ? html`<section aria-labelledby="briefing-title"><h2 id="briefing-title">Briefing</h2>${body}</section>`
    : html`<details><summary>Briefing: the team you started as</summary>${body}</details>`;
}

/** The facilitator's notes on the round just revealed: each team against the escape steps, then questions for the room. */
export function notesSection(view: WorkshopView) {
  const notes = view.notes;
  if (!notes) return nothing;
  return html`<section aria-labelledby="notes-title">
    <h2 id="notes-title">Notes on round ${notes.round}</h2>
    <ul>${notes.teams.map((t) => html`<li>${t.sentence}</li>`)}</ul>
    <h3>Ask the room</h3>
    <ul>${notes.prompts.map((p) => html`<li>${p}</li>`)}</ul>
  </section>`;
}

/** The end-of-game debrief: every team's game against the four escape steps, and the closing questions. */
export function debriefSection(view: WorkshopView) {
  const debrief = view.debrief;
  if (!debrief) return nothing;
  return html`<section aria-labelledby="debrief-title">
    <h2 id="debrief-title">Debrief</h2>
    <p>The four escape steps: stop merging into a clogged pipeline, put part of the team on test automation, release smaller by releasing more often, and cut the manual hand-offs.</p>
    <ul>${debrief.teams.map((t) => html`<li>${t}</li>`)}</ul>
    <h3>Questions</h3>
    <ul>${debrief.prompts.map((p) => html`<li>${p}</li>`)}</ul>
  </section>`;
}
