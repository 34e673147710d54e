/// <reference types="vite/client" />
import './components/dds-app';

// The built app keeps its files for offline use (a workshop room without internet); the
// development server (which has hot reload) must not be cached.
if (
  !import.meta.hot &&
  'serviceWorker' in navigator &&
  window.location.protocol.startsWith('http')
) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch(() => {
      // Without a service worker the app still works online; nothing to tell the user.
    });
  });
}
