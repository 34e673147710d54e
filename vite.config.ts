import { defineConfig } from 'vite';
import { precachePlugin } from './web/offline/precache-plugin.ts';
import { pageWithPolicyPlugin, securityPolicyPlugin } from './web/security/policy-plugin.ts';

/**
 * `vite build --mode embed` builds the `<death-spiral-sim>` element as one classic script; it runs
 * before the app's build, which lists its files for offline use.
 */
const embed = defineConfig({
  publicDir: 'web/embed/public',
  plugins: [
    pageWithPolicyPlugin(
      new URL('./web/embed/example/embed-example.html', import.meta.url),
      'embed-example.html',
    ),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    lib: {
      entry: 'web/embed/death-spiral-sim.ts',
      name: 'DeathSpiralSim',
      formats: ['iife'],
      fileName: () => 'death-spiral-sim.js',
    },
  },
});

/**
 * `vite build --mode cli` bundles the command line for Node into build/cli, so the installed
 * `death-spiral` command needs no TypeScript loader; its dependencies stay outside the bundle.
 */
const cli = defineConfig({
  publicDir: false,
  build: {
    outDir: 'build/cli',
    emptyOutDir: true,
    target: 'node20',
    ssr: true,
    rollupOptions: {
      input: { 'death-spiral': 'src/cli/bin.ts', 'sweep-worker': 'src/cli/sweep-worker.ts' },
      // Chunks sit beside the entry: the workshop command finds the app from its own address.
      output: { entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
    },
  },
});

export default defineConfig(({ mode }) =>
  mode === 'cli'
    ? cli
    : mode === 'embed'
      ? embed
      : {
          base: './',
          publicDir: false,
          // The element script and its example page come from the second build; kept offline too.
          plugins: [
            securityPolicyPlugin(),
            precachePlugin([
              'death-spiral-sim.js',
              'embed-example.html',
              'embed-example.js',
              'embed-example.css',
            ]),
          ],
          build: {
            outDir: 'dist',
            // The embeddable element is built first into the same folder (its files are hashed
            // into the service worker's version), and `npm run build` empties the folder before.
            emptyOutDir: false,
            target: 'es2022',
            // The workshop's screens are a page of their own: the simulator's page never loads them.
            rollupOptions: { input: { main: 'index.html', workshop: 'workshop.html' } },
          },
          preview: {
            host: '127.0.0.1',
            port: 4173,
          },
        },
);
