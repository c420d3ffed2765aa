import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { frontEndMessages } from '../../packages/ui/src/i18n/build-plugin.ts';

/** The desk shows every feature area's messages (administration, appeals, reports, …). */
const AREAS = readdirSync(new URL('../../packages/ui/src/i18n/areas', import.meta.url))
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts' && !file.endsWith('.test.ts'))
  .map((file) => file.slice(0, -'.ts'.length));

export default defineConfig({
  root: fileURLToPath(new URL('src/renderer', import.meta.url)),
  base: '/desk/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  // Ukrainian with the app; Russian and English in chunks of their own, loaded on a switch.
  plugins: [frontEndMessages(AREAS)],
  build: { outDir: '../../dist', emptyOutDir: true },
});
