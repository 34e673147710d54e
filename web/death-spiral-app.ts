import { css, html, LitElement } from 'lit';
import { findPreset, PRESETS, presetParams, type SimulationResult, simulate } from '../src/index';

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const days = (value: number) =>
  value < 1 ? `${(value * 24).toFixed(1)} h` : `${value.toFixed(1)} days`;

/**
 * The simulator's first screen: pick a preset and read its DORA scorecard and flow figures,
 * computed in the browser by the same engine the command line uses.
 *
 * @csspart scorecard - The table of figures.
 */
export class DeathSpiralApp extends LitElement {
  static override styles = css`
    :host {
      display: block;
      max-width: 60rem;
      margin: 0 auto;
      padding: 1.5rem;
    }
    h1 {
      font-size: 1.6rem;
      margin: 0 0 0.25rem;
    }
    p {
      margin: 0 0 1rem;
      line-height: 1.4;
    }
    label {
      font-weight: 600;
      margin-right: 0.5rem;
    }
    select {
      font: inherit;
      padding: 0.3rem;
    }
    select:focus-visible {
      outline: 3px solid #0b57d0;
      outline-offset: 2px;
    }
    table {
      border-collapse: collapse;
      margin-top: 1rem;
      background: #fff;
      min-width: 28rem;
    }
    th,
    td {
      text-align: left;
      padding: 0.45rem 0.9rem;
      border-bottom: 1px solid #d6d9de;
    }
    .level {
      font-weight: 700;
      text-transform: uppercase;
    }
  `;

  static override properties = {
    presetId: { state: true },
  };

  /** The preset whose summary is shown. */
  presetId = 'medium';

  private result: SimulationResult | null = null;

  private runPreset(): SimulationResult {
    const preset = findPreset(this.presetId) ?? PRESETS[0];
    return simulate(presetParams(preset), {
      days: preset.days ?? 520,
      seed: 1,
      interventions: preset.interventions,
    });
  }

  private handlePresetChange(event: Event): void {
    this.presetId = (event.target as HTMLSelectElement).value;
  }

  override willUpdate(): void {
    this.result = this.runPreset();
  }

  override render() {
    const summary = this.result!.summary;
    const preset = findPreset(this.presetId)!;
    return html`
      <h1>Deployment death spiral</h1>
      <p>Why big, infrequent deployments hurt software teams, and how they get out. Choose a team to see two years of its pipeline, summarised.</p>
      <label for="preset">Team</label>
      <select id="preset" @change=${this.handlePresetChange}>
        ${PRESETS.map((p) => html`<option value=${p.id} ?selected=${p.id === this.presetId}>${p.label}</option>`)}
      </select>
      <p>${preset.summary}</p>
      <table part="scorecard" aria-label="Summary of the simulated team">
        <tbody>
          <tr><th scope="row">DORA level (2023)</th><td class="level" data-metric="doraLevel">${summary.doraLevel}</td></tr>
          <tr><th scope="row">Deployments per week</th><td data-metric="deploymentsPerWeek">${summary.deploymentsPerWeek.toFixed(2)}</td></tr>
          <tr><th scope="row">Lead time (median)</th><td>${days(summary.leadTimeDays)}</td></tr>
          <tr><th scope="row">Change failure rate</th><td>${percent(summary.changeFailureRate)}</td></tr>
          <tr><th scope="row">Time to restore (median)</th><td>${days(summary.timeToRestoreHours / 24)}</td></tr>
          <tr><th scope="row">Undeployed code (mean)</th><td>${Math.round(summary.meanWipLines).toLocaleString('en-GB')} lines</td></tr>
          <tr><th scope="row">Deployment size (mean)</th><td>${Math.round(summary.meanDeploymentSizeLines).toLocaleString('en-GB')} lines</td></tr>
          <tr><th scope="row">Time on new work</th><td>${percent(summary.newWorkShare)}</td></tr>
        </tbody>
      </table>
    `;
  }
}

customElements.define('death-spiral-app', DeathSpiralApp);

declare global {
  interface HTMLElementTagNameMap {
    'death-spiral-app': DeathSpiralApp;
  }
}
