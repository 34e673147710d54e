import { html, LitElement, nothing } from 'lit';
import {
  createGame,
  currentRound,
  DECISION_LIMITS,
  decide,
  errorMessage,
  GAME_PRESETS,
  GAME_SHOCKS,
  type GameShock,
  type GameState,
  MAX_ROUNDS,
  MAX_TEAMS,
  nextRound,
  PARAM_BY_ID,
  parseDecision,
  parseGameText,
  revealResults,
  roundsShown,
  runRound,
  SCORING_RULE,
  setPaused,
  setShock,
  startingDecision,
  type TeamDecision,
  type TeamStanding,
} from '../../src/index.ts';
import { formatCount } from '../charts/format.ts';
import { defineElement } from '../components/define-element.ts';
import { download } from '../components/download.ts';
import { takeChosenFile } from '../components/scenario-io.ts';
import { requestAnalysis } from '../worker/analysis-client.ts';
import { gameDebrief, SHOCK_WORDS } from './game-debrief.ts';
import {
  GAME_KEY,
  keepCurrentAsEarlier,
  loadGame,
  PREVIOUS_GAME_KEY,
  saveGame,
  storedText,
} from './game-storage.ts';
import { gameStyles } from './game-styles.ts';

const DEFAULT_NAMES = ['Red', 'Blue', 'Green', 'Gold', 'Violet', 'Teal', 'Silver', 'Coral'];
const PHASE_WORDS = {
  deciding: 'Teams are deciding',
  hidden: 'Round run: results hidden until revealed',
  revealed: 'Results shown',
  finished: 'Game over: debrief',
} as const;

type DecisionField = keyof TeamDecision;

/**
 * The workshop game: teams play the same starting team round by round, each deciding its
 * cadence, regression passes, automation share and whether to freeze merges; the facilitator
 * runs each round, reveals results and moves on; a scoreboard ranks teams and a debrief replays
 * each team's decisions against its outcomes. The game is kept in the browser and survives a
 * reload; it can be exported and imported as a file.
 */
export class DdsGame extends LitElement {
  static override styles = gameStyles;

  static override properties = {
    game: { state: true },
    message: { state: true },
    errors: { state: true },
    teamCount: { state: true },
    table: { state: true },
  };

  private game: GameState | null = null;
  private message = '';
  private damaged = false;
  private errors: Record<string, string> = {};

  /** Whether a decision on screen was refused: the round cannot run on a value no one chose. */
  private get hasInvalidEntry(): boolean {
    return Object.values(this.errors).some((message) => message !== '');
  }
  private teamCount = 2;
  private table: TeamStanding[] = [];
  private tableFor: [GameState | null, number] = [null, -1];
  /** Results are worked out in a worker; this counts requests so a late answer is dropped. */
  private tableTicket = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    const stored = loadGame();
    this.game = stored.game;
    this.damaged = stored.problem !== null && storedText() !== null;
    this.message = stored.problem ?? '';
  }

  override willUpdate(): void {
    const shown = this.game ? roundsShown(this.game) : 0;
    if (this.game && (this.tableFor[0] !== this.game || this.tableFor[1] !== shown)) {
      this.tableFor = [this.game, shown];
      void this.workOutStandings(this.game, shown);
    }
    this.dataset.phase = this.game ? this.game.phase : 'setup';
    this.dataset.round = this.game ? String(currentRound(this.game)) : '0';
  }

  private async workOutStandings(game: GameState, rounds: number): Promise<void> {
    const ticket = ++this.tableTicket;
    if (rounds === 0) {
      this.table = [];
      this.dataset.resultsFor = '0';
      return;
    }
    try {
      const table = await requestAnalysis({ kind: 'gameStandings', game, rounds });
      if (ticket !== this.tableTicket) return;
      this.table = table;
      // Lets a test know which rounds the tables show.
      this.dataset.resultsFor = String(rounds);
    } catch (error) {
      if (ticket === this.tableTicket)
        this.message = `The results could not be worked out: ${errorMessage(error)}`;
    }
  }

  /** Applies a move; a refused one leaves the game as it was and says why. */
  private applyMove(move: (game: GameState) => GameState): void {
    if (!this.game) return;
    try {
      this.game = move(this.game);
      this.message = saveGame(this.game) ?? '';
    } catch (error) {
      this.message = errorMessage(error);
    }
  }

  private handleStart(event: Event): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const teams = Array.from({ length: this.teamCount }, (_, i) =>
      String(form.get(`team${i}`) ?? '').trim(),
    );
    const preset = String(form.get('preset'));
    try {
      const game = createGame(
        {
          teams,
          rounds: Number(form.get('rounds')),
          roundDays: Number(form.get('roundDays')),
          preset,
          seed: Number(form.get('seed')),
        },
        startingDecision(preset),
      );
      const kept = keepCurrentAsEarlier();
      if (kept) {
        this.message = kept;
        return;
      }
      const wasDamaged = this.damaged;
      this.game = game;
      this.damaged = false;
      this.message =
        saveGame(game) ?? (wasDamaged ? 'The damaged save is kept as the earlier game.' : '');
    } catch (error) {
      this.message = `The game was not started: ${errorMessage(error)}`;
    }
  }

  private handleDecision(team: number, field: DecisionField, raw: unknown): void {
    if (!this.game) return;
    const key = `${team}.${field}`;
    const current = this.game.decisions[this.game.decisions.length - 1][team];
    try {
      const decision = parseDecision(
        { ...current, [field]: raw },
        `${this.game.config.teams[team]}`,
      );
      this.errors = { ...this.errors, [key]: '' };
      this.applyMove((game) => decide(game, team, decision));
    } catch (error) {
      this.errors = {
        ...this.errors,
        [key]: errorMessage(error),
      };
    }
  }

  private handleExport(): void {
    if (!this.game) return;
    download(
      'death-spiral-game.json',
      `${JSON.stringify(this.game, null, 2)}\n`,
      'application/json',
    );
  }

  private async handleImport(event: Event): Promise<void> {
    const file = takeChosenFile(event);
    if (!file) return;
    try {
      const game = parseGameText(await file.text(), file.name);
      const hadGame = storedText(GAME_KEY) !== null;
      const kept = keepCurrentAsEarlier();
      if (kept) {
        this.message = kept;
        return;
      }
      this.game = game;
      this.damaged = false;
      this.message =
        saveGame(game) ??
        `Imported ${file.name}.${hadGame ? ' The game you had is kept: "Bring back the earlier game" restores it.' : ''}`;
    } catch (error) {
      this.message = `That file was not imported, and the game you had is unchanged: ${errorMessage(error)}`;
    }
  }

  private handleRestorePrevious(): void {
    const previous = loadGame(PREVIOUS_GAME_KEY);
    if (!previous.game) {
      this.message = previous.problem ?? 'There is no earlier game to bring back.';
      return;
    }
    const kept = keepCurrentAsEarlier();
    if (kept) {
      this.message = kept;
      return;
    }
    this.game = previous.game;
    this.message =
      saveGame(previous.game) ??
      'The earlier game is back; the one you had is kept as the earlier game.';
  }

  private handleNewGame(): void {
    const kept = keepCurrentAsEarlier();
    if (kept) {
      this.message = kept;
      return;
    }
    this.game = null;
    this.damaged = false;
    saveGame(null);
    this.message = 'The last game is kept: "Bring back the earlier game" restores it.';
  }

  private renderSetup() {
    return html`<section aria-labelledby="setup-title">
      <h2 id="setup-title">Set up a workshop game</h2>
      <p>Every team starts with the same team and the same luck. Each round (a month by default) each team picks its release cadence, manual regression passes, share of the team on automation and whether to freeze merges; then the model runs the round. The team that delivers the most code to production wins, but watch the incidents and the code left waiting.</p>
      <form @submit=${this.handleStart} aria-label="Game set-up">
        <label>Teams <input type="number" min="1" max=${MAX_TEAMS} .value=${String(this.teamCount)}
          @change=${(e: Event) => (this.teamCount = Math.max(1, Math.min(MAX_TEAMS, Math.round(Number((e.target as HTMLInputElement).value)) || 1)))} /></label>
        ${Array.from({ length: this.teamCount }, (_, i) => html`<label>Team ${i + 1} name <input name=${`team${i}`} required maxlength="40" .value=${DEFAULT_NAMES[i]} /></label>`)}
        <label>Rounds <input name="rounds" type="number" min="1" max=${MAX_ROUNDS} value="6" required /></label>
        <label>Round length <select name="roundDays"><option value="10">Two weeks (10 working days)</option><option value="20" selected>A month (20 working days)</option><option value="60">A quarter (60 working days)</option></select></label>
        <label>Starting team <select name="preset">${GAME_PRESETS.map((p) => html`<option value=${p.id} ?selected=${p.id === 'spiral'}>${p.label}</option>`)}</select></label>
        <label>Luck (seed) <input name="seed" type="number" min="0" step="1" value="1" required /></label>
        <button type="submit">Start the game</button>
      </form>
      ${this.renderFileButtons()}
    </section>`;
  }

  private renderFileButtons() {
    return html`<div class="bar">
      ${this.game ? html`<button type="button" class="secondary" @click=${this.handleExport}>Export the game</button>` : nothing}
      <label class="file">Import a game<input class="visually-hidden" type="file" accept="application/json,.json" @change=${this.handleImport} /></label>
      ${storedText(PREVIOUS_GAME_KEY) !== null ? html`<button type="button" class="secondary" @click=${this.handleRestorePrevious}>Bring back the earlier game</button>` : nothing}
      ${this.damaged ? html`<button type="button" class="secondary" @click=${() => download('death-spiral-game-damaged.json', storedText(GAME_KEY) ?? '', 'application/json')}>Download the damaged save</button>` : nothing}
    </div>`;
  }

  private renderFacilitator(game: GameState) {
    const round = currentRound(game);
    const { paused, phase } = game;
    return html`<section aria-labelledby="facilitator-title">
      <h2 id="facilitator-title">Round ${round} of ${game.config.rounds} · <span class="phase" data-phase-text>${PHASE_WORDS[phase]}</span></h2>
      <div class="bar" role="group" aria-label="Facilitator controls">
        <button type="button" ?disabled=${paused || phase !== 'deciding' || this.hasInvalidEntry} @click=${() => this.applyMove(runRound)}>Run round ${round}</button>
        ${this.hasInvalidEntry && phase === 'deciding' ? html`<span class="hint" data-run-blocked>Correct the entries marked below to run the round.</span>` : nothing}
        <button type="button" ?disabled=${paused || phase !== 'hidden'} @click=${() => this.applyMove(revealResults)}>Reveal results</button>
        <button type="button" ?disabled=${paused || phase !== 'revealed'} @click=${() => this.applyMove(nextRound)}>${round >= game.config.rounds ? 'Finish and debrief' : 'Next round'}</button>
        <button type="button" class="secondary" aria-pressed=${paused ? 'true' : 'false'} @click=${() => this.applyMove((g) => setPaused(g, !g.paused))}>${paused ? 'Resume' : 'Pause'}</button>
        <button type="button" class="secondary" @click=${this.handleNewGame}>New game</button>
        <label>Shock for every team this round
          <select ?disabled=${paused || phase !== 'deciding'} @change=${(e: Event) => {
            const value = (e.target as HTMLSelectElement).value;
            this.applyMove((g) => setShock(g, value === 'none' ? null : (value as GameShock)));
          }}>
            <option value="none" ?selected=${game.shocks[game.shocks.length - 1] === null}>None</option>
            ${GAME_SHOCKS.map((shock) => html`<option value=${shock} ?selected=${game.shocks[game.shocks.length - 1] === shock}>${SHOCK_WORDS[shock]}</option>`)}
          </select>
        </label>
      </div>
      ${paused ? html`<p class="paused" role="status">Paused: decisions and rounds wait for the facilitator.</p>` : nothing}
      ${this.renderFileButtons()}
    </section>`;
  }

  private renderDecisionInput(
    game: GameState,
    team: number,
    field: DecisionField,
    decision: TeamDecision,
  ) {
    const disabled = game.paused || game.phase !== 'deciding';
    const name = game.config.teams[team];
    const error = this.errors[`${team}.${field}`];
    if (field === 'freezeMerges') {
      return html`<input type="checkbox" .checked=${decision.freezeMerges} ?disabled=${disabled} aria-label=${`${name}: freeze merges this round`}
        @change=${(e: Event) => this.handleDecision(team, field, (e.target as HTMLInputElement).checked)} />`;
    }
    const spec = PARAM_BY_ID.get(field)!;
    const { min, max, step } = DECISION_LIMITS[field];
    const id = `d-${team}-${field}`;
    return html`<input id=${id} type="number" min=${min} max=${max} step=${step} .value=${String(decision[field])} ?disabled=${disabled}
        aria-label=${`${name}: ${spec.label} (${spec.unit})`} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${`${id}-error`}
        @change=${(e: Event) => {
          const text = (e.target as HTMLInputElement).value;
          this.handleDecision(team, field, text.trim() === '' ? Number.NaN : Number(text));
        }} />
      <div class="error" id=${`${id}-error`} role=${error ? 'alert' : nothing}>${error ?? ''}</div>`;
  }

  private renderDecisions(game: GameState) {
    if (game.phase === 'finished') return nothing;
    const round = game.decisions[game.decisions.length - 1];
    return html`<section aria-labelledby="decisions-title">
      <h2 id="decisions-title">Decisions for round ${currentRound(game)}</h2>
      <div class="scroll" tabindex="0" role="region" aria-label="Decisions, scrolls sideways"><table>
        <thead><tr><th scope="col">Team</th><th scope="col">Days between releases</th><th scope="col">Manual regression passes</th><th scope="col">Share of team on automation (0–1)</th><th scope="col">Freeze merges</th></tr></thead>
        <tbody>${round.map(
          (decision, team) => html`<tr data-team=${team}>
            <th scope="row">${game.config.teams[team]}</th>
            <td>${this.renderDecisionInput(game, team, 'releaseIntervalDays', decision)}</td>
            <td>${this.renderDecisionInput(game, team, 'regressionPasses', decision)}</td>
            <td>${this.renderDecisionInput(game, team, 'automationShare', decision)}</td>
            <td>${this.renderDecisionInput(game, team, 'freezeMerges', decision)}</td>
          </tr>`,
        )}</tbody>
      </table></div>
    </section>`;
  }

  private renderScoreboard(game: GameState) {
    const shown = roundsShown(game);
    return html`<section aria-labelledby="score-title">
      <h2 id="score-title">Scoreboard${shown > 0 ? ` after round ${shown}` : ''}</h2>
      ${game.phase === 'hidden' ? html`<p>Round ${currentRound(game)} has been run. Its results stay hidden until the facilitator reveals them.</p>` : nothing}
      ${
        shown === 0
          ? html`<p>No results yet.</p>`
          : html`<p class="rule" data-scoring-rule>${SCORING_RULE}</p>
        <div class="scroll" tabindex="0" role="region" aria-label="Scoreboard, scrolls sideways"><table data-scoreboard>
        <thead><tr><th scope="col">Rank</th><th scope="col">Team</th><th scope="col" class="num">Score (cost units)</th><th scope="col" class="num">Shipped (thousand lines)</th><th scope="col">DORA level (last round)</th><th scope="col" class="num">Incidents (failed deployments)</th><th scope="col" class="num">Code waiting (lines)</th></tr></thead>
        <tbody>${this.table.map(
          (s) => html`<tr>
            <td data-rank>${s.rank}</td><th scope="row">${s.team}</th>
            <td class="num" data-score>${formatCount(s.netValue)}</td>
            <td class="num">${s.valueKloc.toFixed(1)}</td>
            <td>${s.doraLevel === null ? '–' : s.doraLevel === 'none' ? 'no deployments' : s.doraLevel}</td>
            <td class="num">${Math.round(s.incidents)}</td>
            <td class="num">${formatCount(s.wipLines)}</td>
          </tr>`,
        )}</tbody>
      </table></div>`
      }
    </section>`;
  }

  override render() {
    const game = this.game;
    return html`${this.message ? html`<p class="message" role="alert">${this.message}</p>` : nothing}
      ${
        game
          ? html`${this.renderFacilitator(game)}${this.renderDecisions(game)}${this.renderScoreboard(game)}${gameDebrief(game, this.table)}`
          : this.renderSetup()
      }`;
  }
}

defineElement('dds-game', DdsGame);

declare global {
  interface HTMLElementTagNameMap {
    'dds-game': DdsGame;
  }
}
