/**
 * Electron main process of the display: everything lives in the shared shell; this file only
 * names the kind of screen and where its preload script is.
 */
import { fileURLToPath } from 'node:url';
import { runShell } from '@queue/shell/run';

const preloadPath = fileURLToPath(new URL('../preload/preload.js', import.meta.url));

runShell('display', preloadPath, process.env.npm_package_version ?? '0.1.0').catch((error: unknown) => {
  process.stderr.write(`The display could not start: ${String(error)}\n`);
  process.exit(1);
});
