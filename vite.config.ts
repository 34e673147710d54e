import { defineConfig } from 'vite';
import { precachePlugin } from './web/offline/precache-plugin.ts';

/** `vite build --mode embed` builds the `<death-spiral-sim>` element as one classic script. */
const embed = defineConfig({
  publicDir: 'web/embed/public',
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

export default defineConfig(({ mode }) =>
  mode === 'embed'
    ? embed
    : {
        base: './',
        publicDir: false,
        // The element script and its example page come from the second build; kept offline too.
        plugins: [precachePlugin(['death-spiral-sim.js', 'embed-example.html'])],
        build: {
          outDir: 'dist',
          target: 'es2022',
        },
        preview: {
          host: '127.0.0.1',
          port: 4173,
        },
      },
);
