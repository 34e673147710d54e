import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * Writes `sw.js` into the build: the service worker with the list of every file the build
 * emitted (and the element script the second build adds), so the app works offline.
 */
export function precachePlugin(extraFiles: readonly string[]): Plugin {
  return {
    name: 'death-spiral-precache',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = [
        './',
        ...Object.keys(bundle).map((name) => `./${name}`),
        ...extraFiles.map((f) => `./${f}`),
      ];
      const version = String(
        files
          .join('|')
          .split('')
          .reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) >>> 0, 7),
      );
      const template = readFileSync(new URL('./service-worker.js', import.meta.url), 'utf8');
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: template
          .replace('__VERSION__', version)
          .replace('__FILES__', JSON.stringify(files)),
      });
    },
  };
}
