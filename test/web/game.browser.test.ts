import { afterEach, describe, expect, it } from 'vitest';
import { DdsGame } from '../../web/components/dds-game';
import { mount } from './axe';

afterEach(() => {
  document.body.replaceChildren();
  localStorage.clear();
});

describe('the game screen', () => {
  it('will not run a round while an entry is refused, and the refusal gives the game’s own limits', async () => {
    const game = await mount(new DdsGame());
    const root = game.shadowRoot!;
    root.querySelector<HTMLFormElement>('form[aria-label="Game set-up"]')!.requestSubmit();
    await game.updateComplete;
    const interval = root.querySelector<HTMLInputElement>('#d-0-releaseIntervalDays')!;
    expect(interval.max).toBe('60');
    interval.value = '100';
    interval.dispatchEvent(new Event('change'));
    await game.updateComplete;
    const run = [...root.querySelectorAll('button')].find((b) =>
      b.textContent?.startsWith('Run round'),
    )!;
    expect(run.disabled).toBe(true);
    expect(root.querySelector('#d-0-releaseIntervalDays-error')?.textContent).toContain(
      'a number from 1 to 60 (working days)',
    );
    interval.value = '7';
    interval.dispatchEvent(new Event('change'));
    await game.updateComplete;
    expect(run.disabled).toBe(false);
  });
});
