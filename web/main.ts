/// <reference types="vite/client" />
import './simulator/dds-app.ts';
import { registerServiceWorker } from './offline/updates.ts';

// Which build this is, for a reader of the page (and a test that builds two).
document.documentElement.dataset.build = import.meta.env.VITE_BUILD_ID ?? 'local';

// The built app keeps its files for offline use (a workshop room without internet); the
// development server (which has hot reload) must not be cached.
if (
  !import.meta.hot &&
  'serviceWorker' in navigator &&
  window.location.protocol.startsWith('http')
) {
  window.addEventListener('load', registerServiceWorker);
}
