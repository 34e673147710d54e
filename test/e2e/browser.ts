import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium.ts';
import { type StaticServer, serveFolder } from './static-server.ts';

/** Launches headless Chromium with the flags that keep it off the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
}

/**
 * Builds the embeddable element, then the app, into `dir` (emptied first) as `npm run build`
 * does; `define` sets build-time constants (a test builds a second, different version this way).
 */
export async function buildInto(dir: string, define: Record<string, string> = {}): Promise<void> {
  // The test runner sets NODE_ENV to "test"; the app is built as it ships.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    rmSync(dir, { recursive: true, force: true });
    await build({ logLevel: 'silent', mode: 'embed', define, build: { outDir: dir } });
    await build({ logLevel: 'silent', define, build: { outDir: dir } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/**
 * Builds the app and the embeddable element into a fresh folder (so test files building at the
 * same time never share one) and serves that folder with a plain static server.
 */
export async function serveBuiltApp(): Promise<StaticServer & { dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'death-spiral-build-'));
  await buildInto(dir);
  return { ...(await serveFolder(dir)), dir };
}

/** The engine bundled for browsers exactly as the app ships it, as the text of one ES module. */
export async function bundledEngineSource(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'engine-bundle-'));
  await build({
    logLevel: 'silent',
    configFile: false,
    build: {
      outDir,
      lib: { entry: 'src/index.ts', formats: ['es'], fileName: 'engine' },
      minify: true,
    },
  });
  return readFileSync(join(outDir, 'engine.js'), 'utf8');
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/**
 * Serious and critical accessibility violations on a page (inside `selector`, or all of it), as
 * ids with their targets. The page must let the injected checker past its Content-Security-Policy.
 */
export async function seriousViolations(page: Page, selector?: string): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const root = selector ? `document.querySelector(${JSON.stringify(selector)})` : 'document';
  return page.evaluate(`axe.run(${root}, { resultTypes: ['violations'] })
    .then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`);
}
