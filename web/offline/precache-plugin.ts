import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Writes `sw.js` into the build: the service worker with the list of every file the build
 * emitted and of the fixed-name files the embed build put there first (the element script and
 * its example page), and a version hashed from all their contents.
 */
export function precachePlugin(fixedNames: readonly string[]): Plugin {
  let outDir = 'dist';
  return {
    name: 'death-spiral-precache',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    generateBundle(_options, bundle) {
      const hash = createHash('sha256');
      for (const [name, output] of Object.entries(bundle).sort(([a], [b]) => a.localeCompare(b)))
        hash.update(name).update(output.type === 'chunk' ? output.code : output.source);
      for (const name of fixedNames) {
        let contents: Buffer;
        try {
          contents = readFileSync(join(outDir, name));
        } catch {
          this.error(
            `${name} is not in ${outDir}: build the embeddable element first (npm run build does)`,
          );
        }
        hash.update(name).update(contents);
      }
      const files = [
        './',
        ...Object.keys(bundle).map((name) => `./${name}`),
        ...fixedNames.map((name) => `./${name}`),
      ];
      const template = readFileSync(new URL('./service-worker.js', import.meta.url), 'utf8');
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: template
          .replace('__VERSION__', hash.digest('hex').slice(0, 16))
          .replace('__FILES__', JSON.stringify(files))
          .replace('__FIXED_NAMES__', JSON.stringify(fixedNames.map((name) => `./${name}`))),
      });
    },
  };
}
