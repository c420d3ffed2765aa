/**
 * The main process of every front end, configured per kind: one instance only; the kiosk
 * locked in kiosk mode (left only with the administrator's PIN); the board full screen on
 * its chosen monitor, following it when monitors change; kiosk and board never let the
 * screen sleep; the desk a normal window that remembers its size and place. A crashed or
 * hung renderer is reloaded. The window shows its server's pages and nothing else. A kiosk
 * with its own printer answers the renderer's status and print requests through it. The
 * server it pairs with is remembered in `server-identity.json`, and no other is loaded.
 */
import { findServer as findOnLan, pinnedServerSchema, proveServer as proveOverHttp } from '@queue/discovery';
import { createPinGuard } from './admin-pin';
import { createCrashReloader } from './crash-reload';
import { chooseDisplay } from './displays';
import type { BrowserWindowLike, ElectronLike, NavigationEvent } from './electron-api';
import { IPC, type LocalPrintResult, type LocalPrinterStatus, type ShellInfo } from './ipc';
import type { ShellPrinter } from './kiosk-printer';
import { type PollTimers, startKioskPrinterPoll } from './kiosk-printer-poll';
import { isServerPage } from './navigation';
import {
  type FindServer,
  type PinnedServerStore,
  type ProveServer,
  createServerConnection,
} from './server-connection';
import type { ShellConfig } from './shell-config';
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
  /** How long to wait before reloading a crashed renderer (doubles while it keeps crashing). */
  readonly reloadDelayMs?: number;
  /** The kiosk's own ticket printer (USB or device file), when it has one. */
  readonly printer?: ShellPrinter;
  /** The idle status poll of that printer: its interval and, for tests, its timers. */
  readonly printerPollMs?: number;
  readonly printerPollTimers?: PollTimers;
  /** Finds the server when none is configured; mDNS on the LAN by default. */
  readonly findServer?: FindServer;
  /** Asks a server to sign a challenge; over HTTP (`GET /api/identity`) by default. */
  readonly proveServer?: ProveServer;
  readonly discoveryTimeoutMs?: number;
  /** Pause between tries while the server is missing. */
  readonly retryDelayMs?: number;
  readonly now?: () => number;
  readonly log?: (message: string, fields?: Record<string, unknown>) => void;
}

export interface Shell {
  readonly window: BrowserWindowLike;
  readonly powerSaveBlockerId?: number;
  /** Resolves once the server's page has loaded. */
  readonly connected: Promise<void>;
}

const WINDOW_STATE_FILE = 'window-state.json';
/** The server this device is paired with; deleting the file is how an administrator re-pairs. */
export const PINNED_SERVER_FILE = 'server-identity.json';

const pinnedServerIn = (
  storage: ShellStorage,
  log: (message: string, fields?: Record<string, unknown>) => void,
): PinnedServerStore => ({
  read: () => {
    const text = storage.read(PINNED_SERVER_FILE);
    if (text === undefined) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const pinned = pinnedServerSchema.safeParse(parsed);
    if (pinned.success) return pinned.data;
    // Unreadable is not unpaired: trusting the next server to answer is the administrator's call.
    log('server-identity.json is not valid; no server is accepted until it is deleted');
    return { serverId: 'unknown', fingerprint: '-'.repeat(43), publicKey: '-' };
  },
  remember: (server) => storage.write(PINNED_SERVER_FILE, `${JSON.stringify(server, null, 2)}\n`),
});

/** Start the shell; resolves to undefined when another instance already runs. */
export const startShell = async (options: ShellOptions): Promise<Shell | undefined> => {
  const { electron, config } = options;
  const { app, screen } = electron;
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => undefined);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return undefined;
  }
  await app.whenReady();

  const isDesk = config.kind === 'desk';
  const targetBounds = () =>
    chooseDisplay(screen.getAllDisplays(), screen.getPrimaryDisplay(), config.display).bounds;
  const saved = isDesk
    ? restoreWindowState(
        options.storage.read(WINDOW_STATE_FILE),
        screen.getAllDisplays(),
        screen.getPrimaryDisplay(),
      )
    : undefined;

  const window = new electron.BrowserWindow({
    ...(saved?.bounds ?? targetBounds()),
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
  if (config.kind === 'kiosk')
    void window.webContents.setVisualZoomLevelLimits?.(1, 1).catch(() => undefined);

  const connection = createServerConnection({
    window,
    config,
    findServer: options.findServer ?? findOnLan,
    proveServer: options.proveServer ?? proveOverHttp,
    pinned: pinnedServerIn(options.storage, log),
    discoveryTimeoutMs: options.discoveryTimeoutMs ?? 5_000,
    retryDelayMs: options.retryDelayMs ?? 5_000,
    log,
  });

  // Only the server's own pages: no pop-ups, no links or redirects elsewhere.
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const keepOnServer = (event: NavigationEvent, url: string): void => {
    const target = event.url ?? url;
    if (isServerPage(target, connection.serverUrl())) return;
    log('navigation blocked', { url: target });
    event.preventDefault();
  };
  window.webContents.on('will-navigate', keepOnServer);
  window.webContents.on('will-redirect', keepOnServer);

  const reloader = createCrashReloader({
    reload: () => window.webContents.reload(),
    now,
    baseDelayMs: options.reloadDelayMs ?? 1_000,
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    log('renderer gone', { reason: details.reason, crashes: reloader.count + 1 });
    reloader.crashed();
  });
  window.webContents.on('unresponsive', () => {
    log('renderer unresponsive', { crashes: reloader.count + 1 });
    reloader.crashed();
  });

  let inKioskMode = config.kind === 'kiosk';
  // No menu, so none of its shortcuts: Ctrl+R, Ctrl+Shift+I, Ctrl+W do nothing on a kiosk or board.
  if (!isDesk) electron.Menu.setApplicationMenu(null);
  if (config.kind === 'kiosk')
    window.on('close', (event) => {
      // Alt+F4 and the like: a locked kiosk closes only after the administrator's PIN.
      if (inKioskMode) event.preventDefault();
    });
  if (isDesk) {
    const remember = (): void =>
      options.storage.write(
        WINDOW_STATE_FILE,
        JSON.stringify({ bounds: window.getBounds(), maximized: window.isMaximized() }),
      );
    // Also shortly after a move or resize: a power cut never sends 'close'.
    let pendingSave: ReturnType<typeof setTimeout> | undefined;
    const rememberSoon = (): void => {
      clearTimeout(pendingSave);
      pendingSave = setTimeout(remember, 1_000);
    };
    window.on('resize', rememberSoon);
    window.on('move', rememberSoon);
    window.on('close', () => {
      clearTimeout(pendingSave);
      remember();
    });
  } else {
    // A monitor plugged in, unplugged or resized: back onto the chosen one, full screen.
    const replace = (): void => {
      if (!inKioskMode && config.kind === 'kiosk') return;
      window.setFullScreen(false);
      window.setBounds(targetBounds());
      window.setFullScreen(true);
    };
    screen.on('display-added', replace);
    screen.on('display-removed', replace);
    screen.on('display-metrics-changed', replace);
  }

  const powerSaveBlockerId = isDesk ? undefined : electron.powerSaveBlocker.start('prevent-display-sleep');

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  let stopPrinterPoll = (): void => undefined;
  app.on('window-all-closed', () => {
    stopPrinterPoll();
    void options.printer?.close();
    app.quit();
  });

  electron.ipcMain.handle(IPC.shellInfo, (): ShellInfo => ({
    kind: config.kind,
    version: options.version,
    ...(config.deviceName ? { deviceName: config.deviceName } : {}),
    crashes: reloader.count,
  }));
  electron.ipcMain.handle(IPC.reload, () => window.webContents.reload());

  const pinGuard = createPinGuard({ hash: config.exitPinHash, now });
  electron.ipcMain.handle(IPC.exitKiosk, (_event, pin) => {
    if (config.kind !== 'kiosk') return false;
    const result = pinGuard.attempt(pin);
    if (!result.ok) {
      log('kiosk exit refused', { reason: result.reason, retryAfterMs: result.retryAfterMs });
      return false;
    }
    log('kiosk mode left with the administrator PIN');
    inKioskMode = false;
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
  if (config.kind === 'kiosk' && printer) {
    // Changes go to the page, which tells the server (the shell has no connection of its own).
    const poll = startKioskPrinterPoll({
      printer,
      report: (status) => window.webContents.send(IPC.printerStatusChanged, status),
      log,
      ...(options.printerPollMs !== undefined ? { intervalMs: options.printerPollMs } : {}),
      ...(options.printerPollTimers ? { timers: options.printerPollTimers } : {}),
    });
    stopPrinterPoll = () => poll.stop();
  }

  const connected = connection.connect();
  return { window, connected, ...(powerSaveBlockerId !== undefined ? { powerSaveBlockerId } : {}) };
};
