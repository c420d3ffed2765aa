/**
 * Electron main process of the desk: everything lives in the shared shell; this file only
 * names the kind of screen. It runs bundled (`npm run build:shell`) as `main.cjs`, next to
 * `preload.cjs`.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runShell } from '@queue/shell/run';

runShell({
  kind: 'desk',
  appFolder: dirname(fileURLToPath(import.meta.url)),
  version: process.env.QUEUE_SHELL_VERSION ?? '0.1.0',
}).catch((error: unknown) => {
  process.stderr.write(
    `The desk could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
