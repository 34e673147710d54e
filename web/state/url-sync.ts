import { InputError } from '../../src/index.ts';
import type { ChangeReason, ScenarioStore } from './store.ts';
import { decodeScenario, encodeScenario } from './url-state.ts';

/** Milliseconds a slider must rest before its value becomes a step in the browser history. */
const HISTORY_SETTLE_MS = 600;

function describeError(error: unknown): string {
  return error instanceof InputError ? error.message : `unreadable link (${String(error)})`;
}

/** The address bar kept in step with a store. */
export interface UrlSync {
  /** Writes the address now, as a new history entry (`push`) or in place, dropping any write due. */
  write(push: boolean): void;
  /** A run has just arrived: writes what is due at the frame that draws it. */
  runArrived(): void;
  /** Writes what is due and stops following the store and the history. */
  stop(): void;
}

/**
 * Keeps the URL in step with the store: every input in the address bar, a history entry per
 * settled change so back and forward work, and a clear message (keeping the last good
 * scenario) when a link is malformed or tampered with.
 */
export function syncWithUrl(
  store: ScenarioStore,
  onError: (message: string) => void,
  viewQuery: () => string = () => '',
  onView: (query: URLSearchParams) => void = () => {},
): UrlSync {
  let lastPush = 0;
  let lastPushed = '';

  const read = (): boolean => {
    if (window.location.search.length <= 1) return false;
    try {
      store.replace(decodeScenario(window.location.search), 'restore');
      return true;
    } catch (error) {
      onError(
        `This link could not be read, so the last good scenario is shown: ${describeError(error)}`,
      );
      return false;
    }
  };

  // The history is written at the frame that draws the run the change asked for (or when the page
  // is idle, if no run comes), not inside the slider's input event: the run's request goes first.
  // Written after that frame, it raced a reload made straight after a drag, which then lost the
  // last value; written in it, the address is current as soon as the charts are. The address
  // itself is taken at the change, so every deliberate change gets its own history entry.
  let pending: { query: string; commit: boolean; at: number } | null = null;

  const currentQuery = () => `?${encodeScenario(store.scenario)}${viewQuery()}`;

  const writeQuery = (query: string, push: boolean, at: number): void => {
    if (query === window.location.search) return;
    if (push && query !== lastPushed) {
      window.history.pushState(null, '', query);
      lastPushed = query;
    } else {
      window.history.replaceState(null, '', query);
    }
    lastPush = at;
  };

  const flush = (): void => {
    if (!pending) return;
    const { query, commit, at } = pending;
    pending = null;
    writeQuery(query, commit || at - lastPush > HISTORY_SETTLE_MS, at);
  };

  const write = (reason: ChangeReason): void => {
    if (reason === 'restore' || reason === 'baseline') return;
    const commit = reason === 'commit';
    if (pending?.commit && commit) flush();
    const scheduled = pending !== null;
    pending = {
      query: currentQuery(),
      commit: commit || (pending?.commit ?? false),
      at: Date.now(),
    };
    if (scheduled) return;
    if ('requestIdleCallback' in window) requestIdleCallback(flush, { timeout: 500 });
    else setTimeout(flush, 100);
  };

  const onPopState = () => {
    // The history entry the user went to wins over a change not yet written.
    pending = null;
    onView(new URLSearchParams(window.location.search));
    if (!read()) {
      // Back to the bare address: the default scenario.
      if (window.location.search.length <= 1) store.replace(decodeScenario(''), 'restore');
    }
  };

  read();
  const stopHearingStore = store.onChange(write);
  window.addEventListener('popstate', onPopState);
  window.addEventListener('pagehide', flush);
  window.addEventListener('beforeunload', flush);
  return {
    write(push) {
      flush();
      writeQuery(currentQuery(), push, Date.now());
    },
    runArrived() {
      if (pending) requestAnimationFrame(flush);
    },
    stop() {
      flush();
      stopHearingStore();
      window.removeEventListener('popstate', onPopState);
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
    },
  };
}
