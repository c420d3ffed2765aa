/**
 * Entry used by each app's Electron main process (bundled to `main.cjs` next to
 * `preload.cjs` and the printer profiles): loads Electron, reads the machine's settings from
 * the app's data folder, and starts the shell.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startShell, type ShellStorage } from './create-shell';
import { createShellPrinter } from './kiosk-printer';
import { loadElectron } from './load-electron';
import { readShellConfig, type ShellKind } from './shell-config';

const readText = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

export const fileStorage = (folder: string): ShellStorage => ({
  read: (name) => readText(join(folder, name)),
  write: (name, text) => {
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, name), text);
  },
});

/** One JSON line per event on stderr: journald (Linux) or the app's log file keeps it. */
const log = (message: string, fields: Record<string, unknown> = {}): void => {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), msg: message, ...fields })}\n`);
};

export interface RunShellOptions {
  readonly kind: ShellKind;
  /** The folder of the bundled `main.cjs`, `preload.cjs` and `printers/`. */
  readonly appFolder: string;
  readonly version: string;
}

export const runShell = async (options: RunShellOptions): Promise<void> => {
  // A variable module name keeps bundlers and type checkers from demanding the binary here.
  // The bundled main process is CommonJS, where `require('electron')` is Electron's own way.
  const moduleName = 'electron';
  const electron = await loadElectron(() =>
    typeof require === 'function'
      ? // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
        Promise.resolve(require(moduleName) as unknown)
      : import(moduleName),
  );
  const storage = fileStorage(electron.app.getPath('userData'));
  const config = readShellConfig(options.kind, storage.read('config.json'), process.env, (problem) =>
    log('settings problem', { problem }),
  );
  const printer = config.printer
    ? createShellPrinter(config.printer, {
        profilesDir: process.env.QUEUE_PRINTER_PROFILES ?? join(options.appFolder, 'printers'),
      })
    : undefined;
  await startShell({
    electron,
    config,
    preloadPath: join(options.appFolder, 'preload.cjs'),
    storage,
    version: options.version,
    log,
    ...(printer ? { printer } : {}),
  });
};
