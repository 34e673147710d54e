import { execFileSync } from 'node:child_process';

/** Debian's Chromium: CHROMIUM_PATH, or whatever `chromium` is on the PATH. No browser is downloaded. */
export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    return 'chromium';
  }
}

/** Headless flags that keep Chromium off the network (it stalls trying to reach it otherwise). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
