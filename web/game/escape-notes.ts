import { html } from 'lit';
import { type Debrief, ESCAPE_STEPS, type RoundNotes } from '../../src/index.ts';

/** The briefing's sentences as paragraphs. */
export function briefingBody(sentences: readonly string[]) {
  return html`${sentences.map((sentence) => html`<p>${sentence}</p>`)}`;
}

/** A round's notes: a line per team against the escape steps, then the questions for the room. */
export function notesBody(notes: RoundNotes, heading: 'h3' | 'h4' = 'h3') {
  const ask = heading === 'h3' ? html`<h3>Ask the room</h3>` : html`<h4>Ask the room</h4>`;
  return html`<ul data-round-notes>${notes.teams.map((t) => html`<li>${t.sentence}</li>`)}</ul>
    ${ask}<ul>${notes.prompts.map((p) => html`<li>${p}</li>`)}</ul>`;
}

/** The end-of-game debrief: the four steps, a line per team, and the closing questions. */
export function debriefBody(debrief: Debrief) {
  return html`<p>The four escape steps:</p>
    <ol>${Object.values(ESCAPE_STEPS).map((step) => html`<li>${step}</li>`)}</ol>
    <ul data-debrief-teams>${debrief.teams.map((t) => html`<li>${t}</li>`)}</ul>
    <h3>Questions</h3>
    <ul>${debrief.prompts.map((p) => html`<li>${p}</li>`)}</ul>`;
}
