import { type Browser, chromium } from 'playwright-core';
import { build, type PreviewServer, preview } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium';

/** Launches headless Chromium with the flags that keep it off the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
}

/** Builds the app and serves it on a free local port; returns the server and its address. */
export async function serveBuiltApp(): Promise<{ server: PreviewServer; url: string }> {
  await build({ logLevel: 'silent' });
  const server = await preview({ logLevel: 'silent', preview: { host: '127.0.0.1', port: 0 } });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 4173;
  return { server, url: `http://127.0.0.1:${port}/` };
}
