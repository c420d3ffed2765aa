/**
 * Entry used by each app's Electron main process: loads Electron at run time (so nothing
 * else needs the binary), reads the shell's settings from its data folder, and starts it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startShell, type ShellStorage } from './create-shell';
import type { ElectronLike } from './electron-api';
import { createShellPrinter } from './kiosk-printer';
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

export const runShell = async (kind: ShellKind, preloadPath: string, version: string): Promise<void> => {
  // A variable module name keeps bundlers and type checkers from demanding the binary here.
  const moduleName = 'electron';
  const electron = (await import(moduleName)) as ElectronLike;
  const folder = electron.app.getPath('userData');
  const storage = fileStorage(folder);
  const config = readShellConfig(kind, storage.read('config.json'), process.env);
  const printer = config.printer
    ? createShellPrinter(config.printer, {
        ...(process.env.QUEUE_PRINTER_PROFILES ? { profilesDir: process.env.QUEUE_PRINTER_PROFILES } : {}),
      })
    : undefined;
  await startShell({ electron, config, preloadPath, storage, version, ...(printer ? { printer } : {}) });
};
