import { html, type TemplateResult } from 'lit';
import { PRESETS } from '../../src/index.ts';
import type { UiScenario } from '../state/ui-scenario.ts';
import './dds-play-controls.ts';
import type { AppEvent } from '../components/events.ts';

/** The screens the header switches between. */
export type Screen = 'simulator' | 'whatif' | 'game';

/** What the header shows. */
export interface HeaderState {
  scenario: UiScenario;
  screen: Screen;
  storyOpen: boolean;
  pinned: boolean;
  status: string;
}

/** What the header's controls do. */
export interface HeaderActions {
  setPreset(id: string): void;
  setRuns(runs: number): void;
  setExpected(expected: boolean): void;
  toggleStory(): void;
  showScreen(screen: Screen): void;
  togglePin(): void;
  share(): void;
  save(): void;
  open(event: Event): void;
  printBriefing(): void;
  playDay(day: number | null): void;
}

/**
 * The simulator's header: preset, runs and mode, the story and the other screens, baseline,
 * sharing and files, play controls and the status line. On the game screen only the way back.
 */
export function appHeader(state: HeaderState, actions: HeaderActions): TemplateResult {
  const { scenario, screen } = state;
  const screenButton = (view: 'whatif' | 'game', label: string) =>
    html`<button type="button" @click=${() => actions.showScreen(screen === view ? 'simulator' : view)} aria-pressed=${screen === view ? 'true' : 'false'}>${screen === view ? 'Back to the simulator' : label}</button>`;
  // The game runs its own team: the simulator's controls would only mislead there.
  if (screen === 'game')
    return html`<header><h1>Deployment death spiral: workshop game</h1>${screenButton('game', 'Workshop game')}</header>`;
  return html`<header>
    <h1>Deployment death spiral</h1>
    <label>Team <select @change=${(e: Event) => actions.setPreset((e.target as HTMLSelectElement).value)} aria-label="Preset team">
      ${PRESETS.map((p) => html`<option value=${p.id} ?selected=${p.id === scenario.preset}>${p.label}</option>`)}
    </select></label>
    <label>Runs <select @change=${(e: Event) => actions.setRuns(Number((e.target as HTMLSelectElement).value))} aria-label="Monte Carlo runs">
      ${[1, 20, 50, 200].map((n) => html`<option value=${n} ?selected=${n === scenario.runs}>${n === 1 ? '1' : `${n} (bands)`}</option>`)}
    </select></label>
    <label><input type="checkbox" .checked=${scenario.mode === 'expected'} @change=${(e: Event) => actions.setExpected((e.target as HTMLInputElement).checked)} /> Expected value</label>
    <button type="button" @click=${actions.toggleStory} aria-pressed=${state.storyOpen ? 'true' : 'false'}>Story</button>
    ${screenButton('whatif', 'What-if analyses')}
    ${screenButton('game', 'Workshop game')}
    <button type="button" @click=${actions.togglePin} aria-pressed=${state.pinned ? 'true' : 'false'}>${state.pinned ? 'Clear baseline' : 'Pin as baseline'}</button>
    <button type="button" @click=${actions.share}>Share link</button>
    <button type="button" @click=${actions.save}>Save</button>
    <label class="file-label">Open<input class="visually-hidden" type="file" accept="application/json,.json" @change=${actions.open} /></label>
    <button type="button" @click=${actions.printBriefing}>Print briefing</button>
    <dds-play-controls .days=${scenario.days} @dds-play-day=${(e: AppEvent<'dds-play-day'>) => actions.playDay(e.detail.day)}></dds-play-controls>
    <span class="status" role="status">${state.status}</span>
  </header>`;
}
