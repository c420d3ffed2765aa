/**
 * Preload of the sandboxed renderer: exposes `window.queueShell` and nothing else. A
 * sandboxed preload may only require Electron's own modules, hence `require`.
 */
import { exposeBridge, type PreloadElectron } from '@queue/shell/preload';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- sandboxed preloads are CommonJS
exposeBridge(require('electron') as PreloadElectron);
