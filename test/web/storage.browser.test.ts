import { afterEach, describe, expect, it } from 'vitest';
import { DdsGame } from '../../web/game/dds-game.ts';
import { GAME_KEY, PREVIOUS_GAME_KEY } from '../../web/game/game-storage.ts';
import { DdsSnapshots } from '../../web/simulator/dds-snapshots.ts';
import {
  MAX_SNAPSHOTS,
  SNAPSHOT_KEY,
  UNREADABLE_SNAPSHOTS_KEY,
} from '../../web/state/snapshots.ts';
import { mount } from './axe.ts';

afterEach(() => {
  document.body.replaceChildren();
  localStorage.clear();
});

const problems: string[] = [];
document.addEventListener('dds-snapshot-problem', (e) =>
  problems.push((e as CustomEvent).detail.message),
);

/** Saves the scenario on screen under a name through the form, as a user does. */
async function save(panel: DdsSnapshots, name: string) {
  const input = panel.shadowRoot!.querySelector('input[type="text"]') as HTMLInputElement;
  input.value = name;
  input.dispatchEvent(new Event('input'));
  panel.shadowRoot!.querySelector('form')!.requestSubmit();
  await panel.updateComplete;
}

/** Deletes a snapshot through its button. */
async function remove(panel: DdsSnapshots, name: string) {
  panel
    .shadowRoot!.querySelector<HTMLButtonElement>(`button[aria-label="Delete ${name}"]`)!
    .click();
  await panel.updateComplete;
}

describe('stores never lose what they cannot read', () => {
  it('snapshots from a newer version and damaged entries survive saving and deleting', async () => {
    const newer = { name: 'from v2', query: 'v=2&preset=low&brandNewKnob=3', savedAt: 'x' };
    const damaged = { title: 'no name here' };
    localStorage.setItem(
      SNAPSHOT_KEY,
      JSON.stringify([newer, damaged, { name: 'ok', query: 'v=1&preset=low' }]),
    );
    const panel = await mount(
      Object.assign(new DdsSnapshots(), { currentQuery: 'v=1&preset=high' }),
    );
    await save(panel, 'mine');
    await remove(panel, 'ok');
    const stored = JSON.parse(localStorage.getItem(SNAPSHOT_KEY)!);
    expect(stored).toContainEqual(newer);
    expect(stored).toContainEqual(damaged);
    expect(stored.map((s: { name?: string }) => s.name)).toContain('mine');
    expect(stored.map((s: { name?: string }) => s.name)).not.toContain('ok');
    expect(panel.shadowRoot!.querySelectorAll('ul.unreadable li')).toHaveLength(2);
  });

  it('a store that is not readable at all is moved aside before anything is written over it', async () => {
    localStorage.setItem(SNAPSHOT_KEY, '{this is not json');
    const panel = await mount(
      Object.assign(new DdsSnapshots(), { currentQuery: 'v=1&preset=high' }),
    );
    expect(problems.at(-1)).toContain('kept aside');
    await save(panel, 'first');
    expect(localStorage.getItem(UNREADABLE_SNAPSHOTS_KEY)).toBe('{this is not json');
    expect(JSON.parse(localStorage.getItem(SNAPSHOT_KEY)!)).toHaveLength(1);
  });

  it('a full store says so and keeps every snapshot it has, however many', async () => {
    const many = Array.from({ length: MAX_SNAPSHOTS + 300 }, (_, i) => ({
      name: `s${i}`,
      query: 'v=1&preset=low',
      savedAt: '',
    }));
    localStorage.setItem(SNAPSHOT_KEY, JSON.stringify(many));
    const panel = await mount(
      Object.assign(new DdsSnapshots(), { currentQuery: 'v=1&preset=high' }),
    );
    await save(panel, 'one more');
    expect(problems.at(-1)).toContain(`at most ${MAX_SNAPSHOTS} snapshots`);
    expect(JSON.parse(localStorage.getItem(SNAPSHOT_KEY)!)).toHaveLength(many.length);
    await remove(panel, 's0');
    expect(JSON.parse(localStorage.getItem(SNAPSHOT_KEY)!)).toHaveLength(many.length - 1);
  });

  it('a damaged game save is kept as the earlier game when a new game starts', async () => {
    localStorage.setItem(GAME_KEY, '{"version":1,"teams":[oops');
    const game = await mount(new DdsGame());
    expect(game.shadowRoot!.textContent).toContain('could not be read');
    game
      .shadowRoot!.querySelector<HTMLFormElement>('form[aria-label="Game set-up"]')!
      .requestSubmit();
    await game.updateComplete;
    expect(localStorage.getItem(PREVIOUS_GAME_KEY)).toBe('{"version":1,"teams":[oops');
    expect(JSON.parse(localStorage.getItem(GAME_KEY)!).version).toBe(1);
    expect(game.shadowRoot!.textContent).toContain('kept as the earlier game');
  });
});
