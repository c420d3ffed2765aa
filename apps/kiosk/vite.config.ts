import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import {
  FRONT_END_AREAS,
  frontEndMessages,
  isFirstLanguageMessages,
} from '../../packages/ui/src/i18n/build-plugin.ts';

/**
 * Libraries in chunks of their own, named by content hash like every asset, so a new build of
 * the kiosk's code leaves them cached (the server serves assets as immutable). Screens after
 * the first are split off by dynamic imports (src/renderer/screens.ts).
 */
const VENDOR_CHUNKS = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
  {
    name: 'socket',
    test: /node_modules[\\/](socket\.io-client|socket\.io-parser|engine\.io-client|engine\.io-parser|@socket\.io)[\\/]/,
  },
  { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
  // Ukrainian only: Russian and English are chunks of their own, loaded on a switch.
  { name: 'messages', test: isFirstLanguageMessages },
];

/**
 * The domain and protocol packages only declare (types, functions, zod schemas): nothing runs
 * on import, so a module none of whose exports is used is left out. This keeps the protocol's
 * schemas, and with them zod, out of the kiosk's first screen (only issuing needs them).
 */
const PURE_PACKAGES = [{ test: /packages[\\/](protocol|core)[\\/]src[\\/].*\.ts$/, sideEffects: false }];

export default defineConfig({
  root: fileURLToPath(new URL('src/renderer', import.meta.url)),
  base: '/kiosk/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  // The kiosk's own messages only, and only Ukrainian up front (build-plugin.ts).
  plugins: [frontEndMessages(FRONT_END_AREAS.kiosk)],
  build: {
    outDir: '../../dist',
    emptyOutDir: true,
    rolldownOptions: {
      treeshake: { moduleSideEffects: PURE_PACKAGES },
      output: { codeSplitting: { groups: VENDOR_CHUNKS } },
    },
  },
});
