import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    target: 'es2022',
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
  },
});
