import { css, html, LitElement, nothing } from 'lit';
import { defineElement } from '../components/define-element.ts';
import { download } from '../components/download.ts';
import { emit } from '../components/events.ts';
import {
  MAX_SNAPSHOTS,
  readSnapshots,
  type Snapshot,
  type SnapshotStore,
  storeProblems,
  writeSnapshots,
} from '../state/snapshots.ts';

/**
 * Named snapshots kept in the browser: save the scenario on screen under a name, load one back,
 * delete one, or pick two to compare side by side.
 *
 * @event dds-snapshot-load - Load a snapshot; `detail.query` is its URL query.
 * @event dds-snapshots-compare - Compare two; `detail.left` and `detail.right` are snapshots.
 * @event dds-snapshot-problem - Something could not be read or kept; `detail.message` says what.
 */
export class DdsSnapshots extends LitElement {
  static override styles = css`
    :host { display: block; background: #fff; border: 1px solid #d6d9de; border-radius: 6px; padding: 0.5rem 0.8rem; font-size: 0.85rem; }
    h2 { font-size: 1rem; margin: 0 0 0.3rem; }
    form { display: flex; gap: 0.4rem; flex-wrap: wrap; }
    input, button { font: inherit; }
    input[type='text'] { flex: 1; min-width: 8rem; }
    ul { list-style: none; padding: 0; margin: 0.4rem 0; }
    li { display: flex; gap: 0.4rem; align-items: center; padding: 0.15rem 0; border-bottom: 1px solid #eceef1; }
    li .name { flex: 1; }
    button:focus-visible, input:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
  `;

  static override properties = {
    currentQuery: { attribute: false },
    store: { state: true },
    picked: { state: true },
    name: { state: true },
  };

  /** The URL query of the scenario on screen, which Save keeps. */
  currentQuery = '';
  private store: SnapshotStore = { snapshots: [], unreadable: [], unreadableText: null };
  private get snapshots(): Snapshot[] {
    return this.store.snapshots;
  }
  private picked: string[] = [];
  private name = '';

  override connectedCallback(): void {
    super.connectedCallback();
    try {
      this.store = readSnapshots(window.localStorage);
    } catch {
      this.problem('This browser does not allow keeping snapshots here.');
      return;
    }
    const problems = storeProblems(this.store);
    if (problems.length > 0) this.problem(`Saved snapshots: ${problems.join('; ')}.`);
  }

  private problem(message: string): void {
    emit(this, 'dds-snapshot-problem', { message });
  }

  /** Keeps the new list, with everything this version cannot read left as it was. */
  private keep(snapshots: Snapshot[]): void {
    const next = { ...this.store, snapshots };
    const error = writeSnapshots(window.localStorage, next);
    if (error) this.problem(error);
    else this.store = next;
  }

  private handleSave(event: Event): void {
    event.preventDefault();
    const name = this.name.trim() || `Snapshot ${this.snapshots.length + 1}`;
    const others = this.snapshots.filter((s) => s.name !== name);
    if (others.length >= MAX_SNAPSHOTS) {
      this.problem(
        `This browser keeps at most ${MAX_SNAPSHOTS} snapshots and has ${others.length}: delete one to save another, or save the scenario to a file.`,
      );
      return;
    }
    this.keep([...others, { name, query: this.currentQuery, savedAt: new Date().toISOString() }]);
    this.name = '';
  }

  private handleDelete(name: string): void {
    this.keep(this.snapshots.filter((s) => s.name !== name));
    this.picked = this.picked.filter((p) => p !== name);
  }

  private togglePick(name: string, checked: boolean): void {
    this.picked = checked
      ? [...this.picked.filter((p) => p !== name), name].slice(-2)
      : this.picked.filter((p) => p !== name);
  }

  private handleCompare(): void {
    const [left, right] = this.picked.map((name) => this.snapshots.find((s) => s.name === name)!);
    emit(this, 'dds-snapshots-compare', { left, right });
  }

  override render() {
    return html`<h2>Snapshots</h2>
      <form @submit=${this.handleSave}>
        <input type="text" aria-label="Snapshot name" placeholder="Name this scenario" maxlength="80" .value=${this.name}
          @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)} />
        <button type="submit">Save snapshot</button>
      </form>
      ${
        this.snapshots.length === 0
          ? html`<p>No snapshots yet. They stay in this browser.</p>`
          : html`<ul>
            ${this.snapshots.map(
              (s) => html`<li>
                <input type="checkbox" aria-label=${`Pick ${s.name} to compare`} .checked=${this.picked.includes(s.name)}
                  @change=${(e: Event) => this.togglePick(s.name, (e.target as HTMLInputElement).checked)} />
                <span class="name">${s.name}</span>
                <button type="button" @click=${() => emit(this, 'dds-snapshot-load', { query: s.query })}
                  aria-label=${`Load ${s.name}`}>Load</button>
                <button type="button" @click=${() => this.handleDelete(s.name)} aria-label=${`Delete ${s.name}`}>Delete</button>
              </li>`,
            )}
          </ul>
          <button type="button" ?disabled=${this.picked.length !== 2} @click=${this.handleCompare}>Compare the two picked side by side</button>
          ${this.picked.length !== 2 ? html`<span> (pick two)</span>` : nothing}`
      }
      ${this.renderKeptAside()}`;
  }

  /** Entries this version cannot use: listed with the reason, kept, and downloadable. */
  private renderKeptAside() {
    const { unreadable, unreadableText } = this.store;
    if (unreadable.length === 0 && unreadableText === null) return nothing;
    return html`<ul class="unreadable" aria-label="Snapshots this version cannot use">
      ${unreadable.map(
        (entry, i) => html`<li><span class="name">Kept, not usable here: ${entry.reason}</span>
          <button type="button" @click=${() => download(`snapshot-kept-${i + 1}.json`, JSON.stringify(entry.raw, null, 2), 'application/json')}>Download</button></li>`,
      )}
      ${
        unreadableText === null
          ? nothing
          : html`<li><span class="name">Saved snapshots that could not be read, kept aside</span>
          <button type="button" @click=${() => download('snapshots-unreadable.txt', unreadableText)}>Download</button></li>`
      }
    </ul>`;
  }
}

defineElement('dds-snapshots', DdsSnapshots);

declare global {
  interface HTMLElementTagNameMap {
    'dds-snapshots': DdsSnapshots;
  }
  interface AppEvents {
    /** A snapshot could not be saved or read; `message` says why. */
    'dds-snapshot-problem': { message: string };
    /** Two picked snapshots, to show side by side. */
    'dds-snapshots-compare': { left: Snapshot; right: Snapshot };
    /** A snapshot to load, as its address query. */
    'dds-snapshot-load': { query: string };
  }
}
