/**
 * Build of the public booking page's script and the appeals pages': small modules, named by
 * their content hash (cached for good), with a manifest the server reads to put the right
 * name in the page it renders (apps/server/src/bookings/book-page.ts, appeals/appeal-page.ts).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('src/renderer', import.meta.url)),
  base: '/book-app/',
  build: {
    outDir: '../../dist',
    emptyOutDir: true,
    manifest: true,
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('src/renderer/main.ts', import.meta.url)),
        // The appeals pages (`/appeal`, `/a/<code>`: apps/server/src/appeals/appeal-page.ts).
        appeal: fileURLToPath(new URL('src/renderer/appeal.ts', import.meta.url)),
      },
    },
  },
});
