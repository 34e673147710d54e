import { InputError } from '../../src/index';
import type { ScenarioStore } from './store';
import { decodeScenario, encodeScenario } from './url-state';

/** Milliseconds a slider must rest before its value becomes a step in the browser history. */
const HISTORY_SETTLE_MS = 600;

function describeError(error: unknown): string {
  return error instanceof InputError ? error.message : `unreadable link (${String(error)})`;
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
): () => void {
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

  const write = (event: Event): void => {
    const reason = (event as CustomEvent<{ reason: string }>).detail.reason;
    if (reason === 'restore' || reason === 'baseline') return;
    const query = `?${encodeScenario(store.scenario)}${viewQuery()}`;
    if (query === window.location.search) return;
    const now = Date.now();
    const settle = reason === 'commit' || now - lastPush > HISTORY_SETTLE_MS;
    if (settle && query !== lastPushed) {
      window.history.pushState(null, '', query);
      lastPushed = query;
    } else {
      window.history.replaceState(null, '', query);
    }
    lastPush = now;
  };

  const onPopState = () => {
    onView(new URLSearchParams(window.location.search));
    if (!read()) {
      // Back to the bare address: the default scenario.
      if (window.location.search.length <= 1) store.replace(decodeScenario(''), 'restore');
    }
  };

  read();
  store.addEventListener('change', write);
  window.addEventListener('popstate', onPopState);
  return () => {
    store.removeEventListener('change', write);
    window.removeEventListener('popstate', onPopState);
  };
}
