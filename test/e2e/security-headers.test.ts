import { type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../web/security/policy.ts';
import { launchChromium, serveBuiltApp } from './browser.ts';

let server: PreviewServer;
let url: string;
let close: () => Promise<void>;

beforeAll(async () => {
  // Build once, then serve that folder with the project's own preview server.
  const built = await serveBuiltApp();
  await built.close();
  server = await preview({
    logLevel: 'silent',
    build: { outDir: built.dir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  url = server.resolvedUrls!.local[0];
  close = () => new Promise((resolve) => server.httpServer.close(() => resolve()));
}, 90000);

afterAll(async () => {
  await close?.();
});

describe('the preview server', () => {
  it('sends the Content-Security-Policy, no framing and no sniffing, on pages and scripts alike', async () => {
    for (const path of ['', 'embed-example.html', 'death-spiral-sim.js', 'sw.js']) {
      const response = await fetch(new URL(path, url));
      expect(response.status, path).toBe(200);
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        expect(response.headers.get(name), `${path} ${name}`).toBe(value);
    }
    const policy = SECURITY_HEADERS['Content-Security-Policy'];
    for (const directive of [
      "frame-ancestors 'none'",
      "form-action 'none'",
      "worker-src 'self'",
      "object-src 'none'",
    ])
      expect(policy).toContain(directive);
  });

  it('the app and the example page run under that policy without a violation', async () => {
    const browser = await launchChromium();
    try {
      for (const path of ['', 'embed-example.html']) {
        const page = await browser.newPage();
        const problems: string[] = [];
        page.on('console', (message) => {
          if (message.type() === 'error') problems.push(message.text());
        });
        page.on('pageerror', (error) => problems.push(error.message));
        await page.goto(new URL(path, url).href);
        await page.locator('svg path').first().waitFor({ timeout: 20000 });
        expect(problems, path).toEqual([]);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });
});
