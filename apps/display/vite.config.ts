/**
 * Build of the hall board. Besides the app it copies the offline speech engine (npm
 * `espeak-ng`, GPL-3.0-or-later) unchanged, with its licence, into `dist/espeak/<version>/`;
 * the board loads it from there only when it needs it (src/renderer/sound/paths.ts).
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Plugin, defineConfig } from 'vite';
import {
  FRONT_END_AREAS,
  frontEndMessages,
  isFirstLanguageMessages,
} from '../../packages/ui/src/i18n/build-plugin.ts';
import { ESPEAK_DIR, ESPEAK_VERSION } from './src/renderer/sound/paths.ts';

const outDir = fileURLToPath(new URL('dist', import.meta.url));

const copyEspeak = (): Plugin => ({
  name: 'copy-espeak-ng',
  apply: 'build',
  writeBundle() {
    const packageJson = createRequire(import.meta.url).resolve('espeak-ng/package.json');
    const root = dirname(packageJson);
    const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
    if (version !== ESPEAK_VERSION) {
      throw new Error(`espeak-ng ${version} is installed; sound/paths.ts expects ${ESPEAK_VERSION}`);
    }
    const target = join(outDir, ESPEAK_DIR);
    mkdirSync(target, { recursive: true });
    for (const file of ['dist/espeak-ng.js', 'dist/espeak-ng.wasm', 'LICENSE', 'README.md']) {
      copyFileSync(join(root, file), join(target, file.replace(/^dist\//, '')));
    }
  },
});

/**
 * Libraries in chunks of their own, named by content hash like every asset, so a new build of
 * the board's code leaves them cached (the server serves assets as immutable). The announcer
 * is split off by a dynamic import (src/renderer/state/controller.ts).
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
 * schemas, and with them zod, out of the board (it only uses the protocol's call helpers).
 */
const PURE_PACKAGES = [{ test: /packages[\\/](protocol|core)[\\/]src[\\/].*\.ts$/, sideEffects: false }];

const root = fileURLToPath(new URL('src/renderer', import.meta.url));

/**
 * Two pages: the hall board (`/display/`) and the window display above one desk (built to
 * `dist/window/`, served by the queue server at `/window/` too). They share the libraries'
 * chunks and the device pairing.
 */
const PAGES = { board: join(root, 'index.html'), window: join(root, 'window/index.html') };

export default defineConfig({
  root,
  base: '/display/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir,
    emptyOutDir: true,
    rolldownOptions: {
      input: PAGES,
      treeshake: { moduleSideEffects: PURE_PACKAGES },
      output: { codeSplitting: { groups: VENDOR_CHUNKS } },
    },
  },
  // The board's and the window display's own messages only, Ukrainian up front (build-plugin.ts).
  plugins: [copyEspeak(), frontEndMessages(FRONT_END_AREAS.display)],
});
