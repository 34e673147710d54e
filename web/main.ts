import './components/dds-app';

// The built app keeps its files for offline use (a workshop room without internet).
if (import.meta.env.PROD && 'serviceWorker' in navigator && window.location.protocol.startsWith('http')) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch(() => {
      // Without a service worker the app still works online; nothing to tell the user.
    });
  });
}
