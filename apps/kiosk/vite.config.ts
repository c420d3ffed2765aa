import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('src/renderer', import.meta.url)),
  base: '/kiosk/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: { outDir: '../../dist', emptyOutDir: true },
});
