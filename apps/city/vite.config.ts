/**
 * Build of the city hub's pages, served by the hub under `/city/` (apps/hub/src/city-pages.ts):
 * one app, two pages chosen by path (the public page and `/city/live`).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('src/renderer', import.meta.url)),
  base: '/city/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: { outDir: '../../dist', emptyOutDir: true },
});
