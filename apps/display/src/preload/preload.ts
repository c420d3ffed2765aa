/**
 * Preload of the sandboxed renderer: exposes `window.queueShell` with the display's functions
 * and nothing else. A sandboxed preload may only require Electron's own modules, hence
 * `require`; it is bundled to `preload.cjs` by `npm run build:shell`.
 */
import { exposeBridge, type PreloadElectron } from '@queue/shell/preload';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- sandboxed preloads are CommonJS
exposeBridge('display', require('electron') as PreloadElectron);
