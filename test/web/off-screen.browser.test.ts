import { LitElement } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { IdleWhenOffScreen } from '../../web/components/idle-when-off-screen.ts';

/** A component that counts its renders of `value`. */
class Counter extends IdleWhenOffScreen(LitElement) {
  static override properties = { value: {} };
  declare value: number;
  renders = 0;
  constructor() {
    super();
    this.value = 0;
  }
  override render() {
    this.renders++;
    return String(this.value);
  }
}
customElements.define('test-off-screen-counter', Counter);

/**
 * Keeps the page busy for `ms`: 12 ms of work at a time, each step queueing the next at once (a
 * message, not a clamped timer), so the page never idles; `step` runs before each.
 */
function busy(ms: number, step: () => void): Promise<void> {
  return new Promise((done) => {
    const started = performance.now();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      step();
      const until = performance.now() + 12;
      while (performance.now() < until);
      if (performance.now() - started < ms) channel.port2.postMessage(null);
      else done();
    };
    channel.port2.postMessage(null);
  });
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

afterEach(() => document.body.replaceChildren());

describe('updates of an element out of view', () => {
  it('wait while it is off screen and changing, catch up once the changes pause, and come at once when it scrolls into view', async () => {
    const spacer = Object.assign(document.createElement('div'), { style: 'height: 5000px' });
    const counter = new Counter();
    document.body.append(spacer, counter);
    await counter.updateComplete;
    await frame();
    await frame();
    const first = counter.renders;

    // A drag: half a second of changes, each followed by 12 ms of work for the charts in view,
    // leaves no idle time, and none of it is drawn out of view, however long it lasts.
    let i = 0;
    await busy(500, () => {
      counter.value = ++i;
    });
    expect(counter.renders).toBe(first);
    // Still busy, with no idle time, but the changes have paused: the last value is drawn, once.
    await busy(600, () => {});
    expect(counter.renders).toBe(first + 1);
    expect(counter.shadowRoot!.textContent).toBe(String(i));

    counter.value = 6;
    await counter.updateComplete;
    counter.scrollIntoView();
    await expect.poll(() => counter.shadowRoot!.textContent, { timeout: 1000 }).toBe('6');
  });

  it('just below the fold, catch up in the task after each change, not in it, even while the changes go on', async () => {
    const spacer = Object.assign(document.createElement('div'), {
      style: `height: ${window.innerHeight + 40}px`,
    });
    const counter = new Counter();
    document.body.append(spacer, counter);
    window.scrollTo(0, 0);
    await counter.updateComplete;
    await frame();
    await frame();
    const first = counter.renders;

    counter.value = 1;
    await counter.updateComplete;
    // Not drawn in the task of the change, where what is in view is drawn first...
    expect(counter.renders).toBe(first);
    // ...but in one soon after, long before the changes pause.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(counter.renders).toBe(first + 1);

    // A drag leaves no pause, and the element near the screen keeps up with it.
    let i = 1;
    await busy(300, () => {
      counter.value = ++i;
    });
    expect(counter.renders).toBeGreaterThan(first + 5);
  });
});
