import { afterEach, describe, expect, it } from 'vitest';
import { ScenarioStore } from '../../web/state/store.ts';
import { syncWithUrl, type UrlSync } from '../../web/state/url-sync.ts';

const idle = () => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 500 }));

let sync: UrlSync | null = null;
const start = window.location.href;

afterEach(() => {
  sync?.stop();
  sync = null;
  window.history.replaceState(null, '', start);
});

describe('address bar sync', () => {
  it('a slider drag leaves the address alone inside its input events and writes it once the page is idle', async () => {
    const store = new ScenarioStore();
    sync = syncWithUrl(store, () => {});
    const entries = window.history.length;
    for (const size of [9, 10, 11, 12]) store.setParam('teamSize', size, 'input');
    expect(window.location.search).not.toContain('teamSize');
    await idle();
    expect(new URLSearchParams(window.location.search).get('teamSize')).toBe('12');
    expect(window.history.length - entries).toBeLessThanOrEqual(1);
  });

  it('every deliberate change gets its own history entry, however quickly they follow each other', async () => {
    const store = new ScenarioStore();
    sync = syncWithUrl(store, () => {});
    const entries = window.history.length;
    store.setPreset('low');
    store.setPreset('high');
    store.setPreset('elite');
    await idle();
    expect(window.history.length - entries).toBe(3);
    expect(window.location.search).toContain('preset=elite');
  });

  it('a write asked for now comes after the change that was due, and stopping writes what is due', async () => {
    const store = new ScenarioStore();
    sync = syncWithUrl(store, () => {});
    store.setParam('teamSize', 13, 'input');
    sync.write(false);
    expect(new URLSearchParams(window.location.search).get('teamSize')).toBe('13');
    store.setParam('teamSize', 14, 'input');
    sync.stop();
    sync = null;
    expect(new URLSearchParams(window.location.search).get('teamSize')).toBe('14');
  });

  it('the address is current in the frame that draws the run, so a reload straight after a drag keeps it', async () => {
    const store = new ScenarioStore();
    sync = syncWithUrl(store, () => {});
    store.setParam('teamSize', 15, 'input');
    sync.runArrived();
    expect(window.location.search).not.toContain('teamSize');
    // The charts' frame: anything the page does after it may come after a reload has begun.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(new URLSearchParams(window.location.search).get('teamSize')).toBe('15');
  });
});
