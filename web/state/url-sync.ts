import { InputError } from '../../src/index';
import type { ScenarioStore } from './store';
import { decodeScenario, encodeScenario } from './url-state';

/** Milliseconds a slider must rest before its value becomes a step in the browser history. */
const HISTORY_SETTLE_MS = 600;

function describeError(error: unknown): string {
  return error instanceof InputError ? error.message : `unreadable link (${String(error)})`;
}

/** The address bar kept in step with a store. */
export interface UrlSync {
  /** Writes the address now, as a new history entry (`push`) or in place, dropping any write due. */
  write(push: boolean): void;
  /** A run has just been drawn: writes what is due once that frame is on screen. */
  afterPaint(): void;
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

  // The history is written once the run the change asked for is on screen (or when the page is
  // idle, if no run comes), not inside the slider's input event: writing it takes several
  // milliseconds that the charts should have. The address itself is taken at the change, so every
  // deliberate change (a commit) still gets its own entry.
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

  const write = (event: Event): void => {
    const reason = (event as CustomEvent<{ reason: string }>).detail.reason;
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
  store.addEventListener('change', write);
  window.addEventListener('popstate', onPopState);
  window.addEventListener('pagehide', flush);
  window.addEventListener('beforeunload', flush);
  return {
    write(push) {
      flush();
      writeQuery(currentQuery(), push, Date.now());
    },
    afterPaint() {
      if (pending) requestAnimationFrame(() => setTimeout(flush, 0));
    },
    stop() {
      flush();
      store.removeEventListener('change', write);
      window.removeEventListener('popstate', onPopState);
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
    },
  };
}
