/**
 * The main process of every front end, configured per kind: one instance only; the kiosk
 * locked in kiosk mode (left only with the administrator's PIN); the board full screen on
 * its chosen monitor; kiosk and board never let the screen sleep; the desk a normal window
 * that remembers its size and place. A crashed or hung renderer is reloaded. A kiosk with its
 * own printer answers the renderer's status and print requests through it.
 */
import { createHash } from 'node:crypto';
import { chooseDisplay } from './displays';
import type { BrowserWindowLike, ElectronLike } from './electron-api';
import { IPC, type LocalPrintResult, type LocalPrinterStatus, type ShellInfo } from './ipc';
import type { ShellPrinter } from './kiosk-printer';
import { type ShellConfig, screenUrl } from './shell-config';
import { restoreWindowState } from './window-state';

export interface ShellStorage {
  read(name: string): string | undefined;
  write(name: string, text: string): void;
}

export interface ShellOptions {
  readonly electron: ElectronLike;
  readonly config: ShellConfig;
  readonly preloadPath: string;
  readonly storage: ShellStorage;
  readonly version: string;
  /** How long to wait before reloading a crashed renderer. */
  readonly reloadDelayMs?: number;
  /** The kiosk's own ticket printer (USB or device file), when it has one. */
  readonly printer?: ShellPrinter;
}

export interface Shell {
  readonly window: BrowserWindowLike;
  readonly powerSaveBlockerId?: number;
}

const WINDOW_STATE_FILE = 'window-state.json';

export const hashPin = (pin: string): string => createHash('sha256').update(pin).digest('hex');

/** Start the shell; resolves to undefined when another instance already runs. */
export const startShell = async (options: ShellOptions): Promise<Shell | undefined> => {
  const { electron, config } = options;
  const { app } = electron;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return undefined;
  }
  await app.whenReady();

  const displays = electron.screen.getAllDisplays();
  const primary = electron.screen.getPrimaryDisplay();
  const isDesk = config.kind === 'desk';
  const target = chooseDisplay(displays, primary, config.display);
  const saved = isDesk
    ? restoreWindowState(options.storage.read(WINDOW_STATE_FILE), displays, primary)
    : undefined;
  const bounds = saved?.bounds ?? target.bounds;

  const window = new electron.BrowserWindow({
    ...bounds,
    fullscreen: !isDesk,
    kiosk: config.kind === 'kiosk',
    frame: isDesk,
    autoHideMenuBar: true,
    backgroundColor: '#101820',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  if (saved?.maximized) window.maximize();
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  if (config.kind === 'kiosk')
    void window.webContents.setVisualZoomLevelLimits?.(1, 1).catch(() => undefined);

  const reloadLater = (): void => {
    setTimeout(() => window.webContents.reload(), options.reloadDelayMs ?? 1_000);
  };
  window.webContents.on('render-process-gone', reloadLater);
  window.webContents.on('unresponsive', reloadLater);
  window.webContents.on('did-fail-load', reloadLater);

  if (isDesk) {
    const remember = (): void =>
      options.storage.write(
        WINDOW_STATE_FILE,
        JSON.stringify({ bounds: window.getBounds(), maximized: window.isMaximized() }),
      );
    window.on('close', remember);
  }

  const powerSaveBlockerId = isDesk ? undefined : electron.powerSaveBlocker.start('prevent-display-sleep');

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    void options.printer?.close();
    app.quit();
  });

  const info: ShellInfo = { kind: config.kind, version: options.version };
  electron.ipcMain.handle(IPC.shellInfo, () => info);
  electron.ipcMain.handle(IPC.reload, () => window.webContents.reload());
  electron.ipcMain.handle(IPC.exitKiosk, (_event, pin) => {
    if (config.kind !== 'kiosk' || !config.exitPinHash || typeof pin !== 'string') return false;
    if (hashPin(pin) !== config.exitPinHash) return false;
    window.setKiosk(false);
    window.setFullScreen(false);
    return true;
  });

  const { printer } = options;
  electron.ipcMain.handle(IPC.printerStatus, (): Promise<LocalPrinterStatus> | LocalPrinterStatus =>
    config.kind === 'kiosk' && printer ? printer.status() : 'none',
  );
  electron.ipcMain.handle(
    IPC.printTicket,
    (_event, view, template): Promise<LocalPrintResult> | LocalPrintResult =>
      config.kind === 'kiosk' && printer ? printer.print(view, template) : { ok: false, error: 'no printer' },
  );

  await window.loadURL(screenUrl(config)).catch(reloadLater);
  return { window, ...(powerSaveBlockerId !== undefined ? { powerSaveBlockerId } : {}) };
};
