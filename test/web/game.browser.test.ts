import { afterEach, describe, expect, it } from 'vitest';
import { DdsGame } from '../../web/game/dds-game.ts';
import { mount, seriousViolations } from './axe.ts';

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

  it('briefs the teams before round 1, notes each round against the escape steps, and debriefs at the end', async () => {
    const game = await mount(new DdsGame());
    const root = game.shadowRoot!;
    const form = root.querySelector<HTMLFormElement>('form[aria-label="Game set-up"]')!;
    form.querySelector<HTMLInputElement>('[name="rounds"]')!.value = '1';
    form.requestSubmit();
    await game.updateComplete;
    expect(root.querySelector('#briefing-title')?.textContent).toBe('Briefing for the teams');
    expect(root.textContent).toContain('lines are waiting to ship as the game begins');
    const interval = root.querySelector<HTMLInputElement>('#d-0-releaseIntervalDays')!;
    interval.value = '5';
    interval.dispatchEvent(new Event('change'));
    await game.updateComplete;
    const press = async (label: string) => {
      [...root.querySelectorAll('button')].find((b) => b.textContent?.startsWith(label))!.click();
      await game.updateComplete;
    };
    await press('Run round');
    await press('Reveal results');
    await expect.poll(() => game.dataset.resultsFor).toBe('1');
    await game.updateComplete;
    const notes = root.querySelector('[data-round-notes]')!.textContent!;
    expect(notes).toMatch(/released every 5 days \(step 3\)\. Waiting code (fell|rose|stayed)/);
    expect(notes).toContain('changed nothing');
    await press('Finish and debrief');
    const teams = root.querySelector('[data-debrief-teams]')!.textContent!;
    expect(teams).toContain('took escape step 3.');
    expect(teams).toContain('took none of the escape steps.');
    expect(await seriousViolations(game)).toEqual([]);
  });
});
