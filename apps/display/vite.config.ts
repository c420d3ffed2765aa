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

export default defineConfig({
  root: fileURLToPath(new URL('src/renderer', import.meta.url)),
  base: '/display/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: { outDir, emptyOutDir: true },
  plugins: [copyEspeak()],
});
