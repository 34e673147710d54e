import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium';
import { type StaticServer, serveFolder } from './static-server';

/** Launches headless Chromium with the flags that keep it off the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
}

/**
 * Builds the app and the embeddable element into a fresh folder (so test files building at the
 * same time never share one) and serves that folder with a plain static server.
 */
export async function serveBuiltApp(): Promise<StaticServer & { dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'death-spiral-build-'));
  // The test runner sets NODE_ENV to "test"; the app is built as it ships.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'silent', build: { outDir: dir } });
    await build({ logLevel: 'silent', mode: 'embed', build: { outDir: dir, emptyOutDir: false } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return { ...(await serveFolder(dir)), dir };
}
