// The app's service worker: keeps every file of the build so the simulator opens with no
// network (a workshop room without internet). The build fills in the file list and a version
// hashed from the files' contents, so any change to any file installs a new worker.
//
// Upgrades never break an open tab: a new worker waits until the user accepts the new version
// (or no tab of the old build is left), the previous build's files stay cached for tabs still
// running it, and files whose names do not change with their contents are fetched afresh when
// the network is there.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const FIXED_NAMES = __FIXED_NAMES__;
const PREFIX = 'death-spiral-';
const CACHE = `${PREFIX}${VERSION}`;
const scoped = (file) => new URL(file, self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map(scoped))));
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  // Keep this build and the one before it (cache names come back in the order they were made).
  event.waitUntil(
    caches
      .keys()
      .then((keys) => {
        const builds = keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE);
        return Promise.all(builds.slice(0, -1).map((key) => caches.delete(key)));
      })
      .then(() => self.clients.claim()),
  );
});

const fromThisBuild = (request) =>
  caches
    .open(CACHE)
    .then((cache) => cache.match(request, { ignoreSearch: true, ignoreVary: true }));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  const fixedName = FIXED_NAMES.some((name) => url.href === scoped(name));
  if (request.mode === 'navigate' || fixedName) {
    // Pages and fixed-name files: the network first, so a new build is picked up; this build's
    // copy when offline.
    event.respondWith(
      fetch(request).catch(() =>
        fromThisBuild(request).then((hit) => hit ?? fromThisBuild(scoped('./'))),
      ),
    );
    return;
  }
  // Hashed names never change their contents: a copy from any kept build, so a tab still
  // running the previous build finds its lazily loaded files.
  event.respondWith(
    caches
      .match(request, { ignoreSearch: true, ignoreVary: true })
      .then((hit) => hit ?? fetch(request)),
  );
});
