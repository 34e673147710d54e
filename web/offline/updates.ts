/**
 * Registers the service worker and offers each new build when it is ready: "A new version is
 * available — Reload". Nothing changes under the user until they accept; a tab whose worker was
 * replaced from another tab is told so and reloads when the user chooses.
 */
export function registerServiceWorker(): void {
  let accepted = false;
  const offer = (text: string, act: () => void) => showUpdateBanner(text, act);
  navigator.serviceWorker
    .register('./sw.js')
    .then((registration) => {
      const offerWaiting = (worker: ServiceWorker) =>
        offer('A new version of the simulator is available.', () => {
          accepted = true;
          worker.postMessage('skip-waiting');
        });
      // Only an upgrade is offered: the first worker of a browser takes over silently.
      if (registration.waiting && navigator.serviceWorker.controller)
        offerWaiting(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed' && navigator.serviceWorker.controller)
            offerWaiting(worker);
        });
      });
    })
    .catch(() => {
      // Without a service worker the app still works online; nothing to tell the user.
    });
  let hadController = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (accepted) window.location.reload();
    else if (hadController)
      offer('The simulator was updated in another tab.', () => window.location.reload());
    hadController = true;
  });
}

/** The banner at the foot of the page; one at a time, text only, never HTML. */
function showUpdateBanner(text: string, act: () => void): void {
  document.querySelector('.update-banner')?.remove();
  const banner = document.createElement('div');
  banner.className = 'update-banner';
  banner.setAttribute('role', 'status');
  const message = document.createElement('span');
  message.textContent = `${text} `;
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = 'Reload';
  reload.addEventListener('click', act);
  const later = document.createElement('button');
  later.type = 'button';
  later.textContent = 'Later';
  later.addEventListener('click', () => banner.remove());
  banner.append(message, reload, later);
  document.body.append(banner);
}
