import { css, html, LitElement, nothing } from 'lit';
import QRCode from 'qrcode';
import { GAME_PRESETS, GAME_SHOCKS, type GameShock, type TeamDecision } from '../../src/index.ts';
import { normaliseCode } from '../../src/workshop/messages.ts';
import type { WorkshopView } from '../../src/workshop/views.ts';
import { formatNumber } from '../charts/format.ts';
import { defineElement } from '../components/define-element.ts';
import { SHOCK_WORDS } from '../game/game-debrief.ts';
import { type ServerMessage, WorkshopConnection } from './workshop-connection.ts';
import { briefingSection, debriefSection, notesSection } from './workshop-notes.ts';

/** Which screen this address asks for: a team's, the facilitator's, or the projector's. */
type Role = 'team' | 'facilitator' | 'projector';

const TOKEN_KEY = 'dds-workshop-team:';

function roleOf(params: URLSearchParams): Role {
  if (params.has('facilitate')) return 'facilitator';
  if (params.has('watch')) return 'projector';
  return 'team';
}

/** Seconds left on a round timer, or null when none runs. */
function secondsLeft(view: WorkshopView, now: number): number | null {
  const timer = view.timer;
  if (timer.state === 'running') return Math.max(0, Math.ceil((timer.endsAt - now) / 1000));
  if (timer.state === 'paused') return Math.ceil(timer.remainingMs / 1000);
  return null;
}

function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * The workshop on a device: a team joins by code and decides for itself, the facilitator runs
 * the game, the projector shows the room where it stands. The server holds the game; this
 * screen shows the view the server sends it and reconnects by itself.
 */
export class DdsWorkshop extends LitElement {
  static override properties = {
    view: { state: true },
    message: { state: true },
    connected: { state: true },
    games: { state: true },
    qr: { state: true },
    now: { state: true },
  };

  declare view: WorkshopView | null;
  declare message: string;
  declare connected: boolean;
  declare games: { code: string; teams: number; phase: string }[];
  declare qr: string;
  declare now: number;

  private readonly params = new URLSearchParams(window.location.search);
  private readonly screen: Role = roleOf(this.params);
  private connection: WorkshopConnection | null = null;
  private ticker = 0;

  constructor() {
    super();
    this.view = null;
    this.message = '';
    this.connected = false;
    this.games = [];
    this.qr = '';
    this.now = Date.now();
  }

  static override styles = css`
    :host { display: block; max-width: 64rem; margin: 0 auto; padding: 1rem; font: 1rem/1.5 system-ui, sans-serif; color: #111827; }
    h1 { font-size: 1.5rem; margin: 0 0 0.5rem; }
    form, .controls { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; margin: 0.75rem 0; }
    label { display: flex; flex-direction: column; font-size: 0.9rem; gap: 0.2rem; }
    label.check { flex-direction: row; align-items: center; gap: 0.5rem; min-height: 2.75rem; }
    label.check input { width: 1.5rem; height: 1.5rem; min-height: 0; }
    input, select, button { font: inherit; padding: 0.4rem 0.6rem; min-height: 2.75rem; }
    button { cursor: pointer; }
    .status { padding: 0.4rem 0.6rem; border-radius: 0.3rem; background: #fef3c7; }
    .error { color: #991b1b; }
    .code { font-size: 3rem; letter-spacing: 0.3rem; font-weight: 700; }
    .timer { font-size: 2.5rem; font-variant-numeric: tabular-nums; }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid #e5e7eb; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    .scroll { overflow-x: auto; }
    :host([data-screen='projector']) { max-width: 90rem; font-size: clamp(1rem, 1.6vw, 2rem); }
    :host([data-screen='projector']) h1 { font-size: 2em; }
    img.qr { width: 12rem; height: 12rem; image-rendering: pixelated; }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    this.dataset.screen = this.screen;
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    this.connection = new WorkshopConnection(
      `${scheme}://${window.location.host}/ws`,
      (message) => this.receive(message),
      (connected) => {
        this.connected = connected;
      },
    );
    const code = normaliseCode(this.params.get('join') ?? this.params.get('watch') ?? '');
    if (this.screen === 'facilitator') {
      const key = new URLSearchParams(window.location.hash.slice(1)).get('key') ?? '';
      this.connection.become({
        role: 'facilitator',
        key,
        code: this.params.get('game') ?? undefined,
      });
    } else if (this.screen === 'projector' && code)
      this.connection.become({ role: 'projector', code });
    else if (code) {
      const token = localStorage.getItem(TOKEN_KEY + code);
      if (token) this.connection.become({ role: 'team', code, token });
    }
    this.ticker = window.setInterval(() => {
      this.now = Date.now();
    }, 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.connection?.close();
    window.clearInterval(this.ticker);
  }

  private receive(message: ServerMessage): void {
    switch (message.type) {
      case 'view':
        this.view = message.view;
        this.message = '';
        // The clock ticks once a second: a timer that has just started reads from now, not from the last tick.
        this.now = Date.now();
        if (this.screen === 'facilitator') void this.drawQr(message.view.code);
        return;
      case 'joined':
        localStorage.setItem(TOKEN_KEY + message.code, message.token);
        this.connection!.identity = { role: 'team', code: message.code, token: message.token };
        return;
      case 'created': {
        const identity = this.connection!.identity;
        if (identity?.role === 'facilitator') identity.code = message.code;
        const url = new URL(window.location.href);
        url.searchParams.set('game', message.code);
        history.replaceState(null, '', url);
        return;
      }
      case 'games':
        this.games = message.games;
        return;
      case 'removed':
        this.view = null;
        this.message = 'The facilitator removed your team from this game.';
        return;
      case 'error':
        this.message = message.message;
        // A team whose token no longer works joins again.
        if (message.field === 'token' && this.connection?.identity?.role === 'team') {
          localStorage.removeItem(TOKEN_KEY + this.connection.identity.code);
          this.connection.identity = null;
        }
        return;
    }
  }

  private joinAddress(code: string): string {
    const url = new URL(window.location.href);
    url.search = `?join=${code}`;
    url.hash = '';
    return url.href;
  }

  private async drawQr(code: string): Promise<void> {
    if (this.qr.startsWith(code)) return;
    const data = await QRCode.toDataURL(this.joinAddress(code), { margin: 1, scale: 6 });
    this.qr = `${code} ${data}`;
  }

  private send(message: Parameters<WorkshopConnection['send']>[0]): void {
    if (!this.connection?.send(message))
      this.message =
        'Not connected: reconnecting, and this goes as soon as the connection is back.';
  }

  private submitJoin(event: Event): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const code = normaliseCode(String(form.get('code') ?? ''));
    this.send({ type: 'join', code, name: String(form.get('name') ?? '') });
  }

  private submitDecision(event: Event): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const decision: TeamDecision = {
      releaseIntervalDays: Number(form.get('releaseIntervalDays')),
      regressionPasses: Number(form.get('regressionPasses')),
      automationShare: Number(form.get('automationShare')) / 100,
      freezeMerges: form.get('freezeMerges') === 'on',
    };
    this.send({ type: 'decide', decision });
  }

  private submitCreate(event: Event): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    this.send({
      type: 'create',
      setup: {
        rounds: Number(form.get('rounds')),
        roundDays: Number(form.get('roundDays')),
        preset: String(form.get('preset')),
        seed: Number(form.get('seed')),
      },
    });
  }

  private renderStatus() {
    return html`<p class="status" role="status" ?hidden=${this.connected && !this.message}>
      ${this.connected ? nothing : 'Connecting to the workshop server… '}${this.message}
    </p>`;
  }

  private renderTimer(view: WorkshopView) {
    const left = secondsLeft(view, this.now);
    if (left === null && !view.paused) return nothing;
    return html`<p class="timer" role="timer" aria-label="Time left in the round">
      ${left === null ? '' : clock(left)}${view.paused ? ' (paused)' : ''}
    </p>`;
  }

  private renderStandings(view: WorkshopView) {
    if (view.standings.length === 0) return nothing;
    return html`<h2>Standings after round ${view.standings[0].rounds.length}</h2>
      <p>${view.scoringRule}</p>
      <div class="scroll" tabindex="0" role="region" aria-label="Standings">
        <table>
          <thead><tr><th scope="col">Place</th><th scope="col">Team</th><th scope="col" class="num">Score</th><th scope="col" class="num">Shipped (k lines)</th><th scope="col" class="num">Incidents</th><th scope="col" class="num">Waiting (lines)</th><th scope="col">DORA</th></tr></thead>
          <tbody>${view.standings.map(
            (s) =>
              html`<tr><td>${s.rank}</td><th scope="row">${s.team}</th><td class="num">${formatNumber(s.netValue)}</td><td class="num">${formatNumber(s.valueKloc)}</td><td class="num">${s.incidents}</td><td class="num">${formatNumber(s.wipLines)}</td><td>${s.doraLevel ?? '–'}</td></tr>`,
          )}</tbody>
        </table>
      </div>`;
  }

  private renderDecided(view: WorkshopView) {
    return html`<ul aria-label="Who has decided">${view.teams
      .filter((t) => !t.removed)
      .map(
        (t) =>
          html`<li>${t.name}: ${view.phase === 'deciding' ? (t.decided ? 'decided' : 'deciding…') : 'in'}</li>`,
      )}</ul>`;
  }

  private renderTeam() {
    const view = this.view;
    if (!view?.own) {
      const code = normaliseCode(this.params.get('join') ?? '');
      return html`<h1>Join the workshop game</h1>
        <form @submit=${this.submitJoin}>
          <label>Game code<input name="code" required autocomplete="off" autocapitalize="characters" .value=${code} /></label>
          <label>Your team's name<input name="name" required maxlength="30" /></label>
          <button type="submit">Join</button>
        </form>`;
    }
    const own = view.own;
    const d = own.decision;
    const limits = view.limits;
    const deciding = view.phase === 'deciding' && !view.paused;
    return html`<h1>${own.name}</h1>
      <p>Game ${view.code} · ${view.phase === 'lobby' ? 'waiting for the facilitator to start' : view.phase === 'finished' ? `the game is over after ${view.rounds} rounds` : `round ${view.round} of ${view.rounds} (${view.roundDays} working days each)`}</p>
      ${this.renderTimer(view)}
      ${
        view.phase === 'lobby'
          ? html`<p>Teams in: ${view.teams
              .filter((t) => !t.removed)
              .map((t) => t.name)
              .join(', ')}</p>${briefingSection(view)}`
          : d && view.phase !== 'finished'
            ? html`<form @submit=${this.submitDecision}>
              <label>Release every (working days, ${limits.releaseIntervalDays.min}–${limits.releaseIntervalDays.max})<input name="releaseIntervalDays" type="number" min=${limits.releaseIntervalDays.min} max=${limits.releaseIntervalDays.max} step="1" .value=${String(d.releaseIntervalDays)} ?disabled=${!deciding} /></label>
              <label>Manual test passes (${limits.regressionPasses.min}–${limits.regressionPasses.max})<input name="regressionPasses" type="number" min=${limits.regressionPasses.min} max=${limits.regressionPasses.max} step="1" .value=${String(d.regressionPasses)} ?disabled=${!deciding} /></label>
              <label>Team on automation (%)<input name="automationShare" type="number" min="0" max=${limits.automationShare.max * 100} step="5" .value=${String(Math.round(d.automationShare * 100))} ?disabled=${!deciding} /></label>
              <label class="check"><input name="freezeMerges" type="checkbox" .checked=${d.freezeMerges} ?disabled=${!deciding} /><span>Freeze merges this round</span></label>
              <button type="submit" ?disabled=${!deciding}>${view.teams[(view.viewer as { team: number }).team]?.decided ? 'Change decision' : 'Decide'}</button>
            </form>`
            : nothing
      }
      ${view.phase === 'hidden' ? html`<p>The round has run. Results come when the facilitator reveals them.</p>` : nothing}
      ${view.standings.length === 0 ? html`<p>${view.scoringRule}</p>` : nothing}
      ${this.renderStandings(view)}
      ${debriefSection(view)}
      ${view.phase === 'lobby' ? nothing : briefingSection(view)}`;
  }

  private renderFacilitator() {
    const view = this.view;
    if (!view)
      return html`<h1>Facilitate a workshop game</h1>
        ${this.games.length > 0 ? html`<h2>Games on this server</h2><ul>${this.games.map((g) => html`<li><a href=${`?facilitate&game=${g.code}${window.location.hash}`}>${g.code}</a>: ${g.teams} team(s), ${g.phase}</li>`)}</ul>` : nothing}
        <h2>New game</h2>
        <form @submit=${this.submitCreate}>
          <label>Starting team<select name="preset">${GAME_PRESETS.map((p) => html`<option value=${p.id} ?selected=${p.id === 'spiral'}>${p.label}</option>`)}</select></label>
          <label>Rounds<input name="rounds" type="number" min="1" max="24" value="6" /></label>
          <label>Working days a round<input name="roundDays" type="number" min="5" max="120" value="20" /></label>
          <label>Seed<input name="seed" type="number" min="0" value="1" /></label>
          <button type="submit">Create the game</button>
        </form>`;
    const qr = this.qr.startsWith(view.code) ? this.qr.slice(view.code.length + 1) : '';
    const act = (message: Parameters<WorkshopConnection['send']>[0]) => () => this.send(message);
    return html`<h1>Facilitator: game <span class="code">${view.code}</span></h1>
      <p>Teams join at <code>${this.joinAddress(view.code)}</code>${qr ? html`<br /><img class="qr" src=${qr} alt=${`QR code for ${this.joinAddress(view.code)}`} />` : nothing}</p>
      ${view.phase === 'lobby' ? briefingSection(view) : html`<p>Round ${view.round} of ${view.rounds} · ${view.phase}</p>`}
      ${this.renderTimer(view)}
      <div class="controls">
        ${view.phase === 'lobby' ? html`<button @click=${act({ type: 'start' })}>Start round 1</button>` : nothing}
        ${view.phase === 'deciding' ? html`<button @click=${act({ type: 'run' })}>Run the round</button>` : nothing}
        ${view.phase === 'hidden' ? html`<button @click=${act({ type: 'reveal' })}>Reveal results</button>` : nothing}
        ${view.phase === 'revealed' ? html`<button @click=${act({ type: 'next' })}>${view.round >= view.rounds ? 'End the game' : 'Next round'}</button>` : nothing}
        ${view.phase !== 'lobby' && view.phase !== 'finished' ? html`<button @click=${act({ type: 'pause', paused: !view.paused })}>${view.paused ? 'Resume' : 'Pause'}</button>` : nothing}
        <label>Timer (minutes)<input name="minutes" type="number" min="1" max="60" value="5" /></label>
        <button @click=${() => {
          const input = this.renderRoot.querySelector<HTMLInputElement>('[name="minutes"]');
          this.send({ type: 'timer', seconds: Math.round(Number(input?.value) * 60) });
        }}>Start timer</button>
        ${
          view.phase === 'deciding'
            ? html`<label>Shock for all this round<select @change=${(e: Event) => {
                const value = (e.target as HTMLSelectElement).value;
                this.send({ type: 'shock', shock: value === '' ? null : (value as GameShock) });
              }}><option value="" ?selected=${!view.shock}>None</option>${GAME_SHOCKS.map((s) => html`<option value=${s} ?selected=${view.shock === s}>${SHOCK_WORDS[s]}</option>`)}</select></label>`
            : nothing
        }
      </div>
      <h2>Teams</h2>
      <table><thead><tr><th scope="col">Team</th><th scope="col">This round</th><th scope="col">Actions</th></tr></thead>
      <tbody>${view.teams
        .filter((t) => !t.removed)
        .map(
          (
            t,
          ) => html`<tr><th scope="row">${t.name}</th><td>${view.phase === 'deciding' ? (t.decided ? 'decided' : 'deciding…') : '–'}</td><td>
            <button @click=${() => {
              const name = window.prompt(`New name for ${t.name}`, t.name);
              if (name) this.send({ type: 'rename', team: t.index, name });
            }}>Rename</button>
            <button @click=${() => {
              if (window.confirm(`Remove ${t.name} from the game?`))
                this.send({ type: 'remove', team: t.index });
            }}>Remove</button></td></tr>`,
        )}</tbody></table>
      ${this.renderStandings(view)}
      ${notesSection(view)}
      ${debriefSection(view)}
      <p>Projector: <a href=${`?watch=${view.code}`}>open the projector view</a>.</p>`;
  }

  private renderProjector() {
    const view = this.view;
    if (!view)
      return html`<h1>Projector</h1><p>Open this page with the game's code: <code>?watch=CODE</code>.</p>`;
    return html`<div>
      <h1>Game <span class="code">${view.code}</span> · ${view.phase === 'lobby' ? 'join now' : `round ${view.round} of ${view.rounds}`}</h1>
      ${this.renderTimer(view)}
      ${view.phase === 'revealed' || view.phase === 'finished' ? nothing : this.renderDecided(view)}
      ${view.phase === 'lobby' ? briefingSection(view) : nothing}
      ${debriefSection(view)}
      ${this.renderStandings(view)}
    </div>`;
  }

  override render() {
    const body =
      this.screen === 'facilitator'
        ? this.renderFacilitator()
        : this.screen === 'projector'
          ? this.renderProjector()
          : this.renderTeam();
    return html`<main>${this.renderStatus()}${body}</main>`;
  }
}

defineElement('dds-workshop', DdsWorkshop);
