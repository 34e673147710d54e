// The app's service worker: keeps every file of the build so the simulator opens with no
// network (a workshop room without internet). The build fills in the file list and version.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `death-spiral-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) =>
        cache.addAll(FILES.map((file) => new URL(file, self.registration.scope).href)),
      )
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith('death-spiral-') && key !== CACHE)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Pages: the network first, so a new build is picked up; the kept copy when offline.
    event.respondWith(
      fetch(request).catch(() =>
        caches
          .match(request, { ignoreSearch: true, ignoreVary: true })
          .then((hit) => hit ?? caches.match(new URL('./', self.registration.scope).href)),
      ),
    );
    return;
  }
  // Everything else has a hashed name or is versioned with the build: the kept copy first.
  event.respondWith(
    caches
      .match(request, { ignoreSearch: true, ignoreVary: true })
      .then((hit) => hit ?? fetch(request)),
  );
});
