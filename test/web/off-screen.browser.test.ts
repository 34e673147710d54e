import { LitElement } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { IdleWhenOffScreen } from '../../web/components/idle-when-off-screen';

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

const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

afterEach(() => document.body.replaceChildren());

describe('updates of an element out of view', () => {
  it('wait while it is off screen, catch up when the page is idle, and come at once when it scrolls into view', async () => {
    const spacer = Object.assign(document.createElement('div'), { style: 'height: 5000px' });
    const counter = new Counter();
    document.body.append(spacer, counter);
    await counter.updateComplete;
    await frame();
    await frame();
    const first = counter.renders;

    // A drag: half a second of changes, each followed by 12 ms of work for the charts in view,
    // leaves no idle time, and none of it is drawn out of view, however long it lasts.
    await new Promise<void>((done) => {
      const started = performance.now();
      // Each step queues the next at once (a message, not a clamped timer): the page never idles.
      const channel = new MessageChannel();
      let i = 0;
      channel.port1.onmessage = () => {
        counter.value = ++i;
        const until = performance.now() + 12;
        while (performance.now() < until);
        if (performance.now() - started < 500) channel.port2.postMessage(null);
        else done();
      };
      channel.port2.postMessage(null);
    });
    expect(counter.renders).toBe(first);
    const last = counter.value;
    // Idle again: the last value is drawn, once.
    await expect.poll(() => counter.renders, { timeout: 2000 }).toBe(first + 1);
    expect(counter.shadowRoot!.textContent).toBe(String(last));

    counter.value = 6;
    await counter.updateComplete;
    counter.scrollIntoView();
    await expect.poll(() => counter.shadowRoot!.textContent, { timeout: 1000 }).toBe('6');
  });
});
