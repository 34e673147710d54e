import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

/** Content types of the files a Vite build writes. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * Serves the built app from `root`: a file under it, or index.html for any other path (the app
 * reads its own address). Nothing outside `root` is ever read.
 */
export function serveStatic(
  root: string,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const base = resolve(root);
  let path: string;
  try {
    path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
  } catch {
    response.writeHead(400).end();
    return;
  }
  let file = normalize(join(base, path));
  if (file !== base && !file.startsWith(base + sep)) {
    response.writeHead(403).end();
    return;
  }
  if (!existsSync(file) || !statSync(file).isFile()) file = join(base, 'index.html');
  if (!existsSync(file)) {
    response
      .writeHead(404, { 'content-type': 'text/plain' })
      .end('Build the app first (npm run build).');
    return;
  }
  response.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    'cache-control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600',
  });
  createReadStream(file).pipe(response);
}
