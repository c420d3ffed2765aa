/**
 * Test stand-ins for the shell: a fake Electron that records what the shell asked of it
 * (windows, IPC handlers, power blocker), and storage in memory. Not part of the package API.
 */
import type { ShellStorage } from '../create-shell';
import type { BrowserWindowLike, BrowserWindowOptions, DisplayInfo, ElectronLike } from '../electron-api';

export const display = (id: number, x: number): DisplayInfo => ({
  id,
  bounds: { x, y: 0, width: 1920, height: 1080 },
  workArea: { x, y: 0, width: 1920, height: 1040 },
});

/** A stand-in for Electron that records what the shell asked of it. */
export const fakeElectron = (
  options: { locked?: boolean; displays?: DisplayInfo[]; failLoads?: number } = {},
) => {
  let displays = options.displays ?? [display(1, 0), display(2, 1920)];
  let failLoads = options.failLoads ?? 0;
  const screenEvents = new Map<string, () => void>();
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const appEvents = new Map<string, () => void>();
  const windowEvents = new Map<string, (event?: { preventDefault(): void }) => void>();
  const contentEvents = new Map<string, (...args: unknown[]) => void>();
  const created: BrowserWindowOptions[] = [];
  const calls: string[] = [];
  const loaded: string[] = [];
  /** What the main process sent to the page: channel and arguments. */
  const sent: unknown[][] = [];
  let kiosk = false;
  const window: BrowserWindowLike = {
    webContents: {
      on: (event: string, listener: (...args: unknown[]) => void) => contentEvents.set(event, listener),
      reload: () => calls.push('reload'),
      send: (channel: string, ...args: unknown[]) => sent.push([channel, ...args]),
      setWindowOpenHandler: () => calls.push('deny-popups'),
    } as BrowserWindowLike['webContents'],
    loadURL: async (url) => {
      calls.push(`load ${url.startsWith('data:') ? 'offline page' : url}`);
      loaded.push(url);
      if (!url.startsWith('data:') && failLoads > 0) {
        failLoads -= 1;
        throw new Error('ERR_CONNECTION_REFUSED');
      }
    },
    on: ((event: string, listener: (event?: { preventDefault(): void }) => void) =>
      windowEvents.set(event, listener)) as BrowserWindowLike['on'],
    getBounds: () => ({ x: 10, y: 20, width: 1200, height: 700 }),
    setBounds: (bounds) => calls.push(`bounds ${bounds.x},${bounds.y} ${bounds.width}x${bounds.height}`),
    isMaximized: () => false,
    maximize: () => calls.push('maximize'),
    setKiosk: (flag) => {
      kiosk = flag;
      calls.push(`kiosk ${flag}`);
    },
    setFullScreen: (flag) => calls.push(`fullscreen ${flag}`),
    setAlwaysOnTop: () => undefined,
    focus: () => calls.push('focus'),
    restore: () => calls.push('restore'),
    isMinimized: () => true,
    close: () => undefined,
  };
  const electron: ElectronLike = {
    app: {
      requestSingleInstanceLock: () => !options.locked,
      on: (event, listener) => appEvents.set(event, listener),
      whenReady: async () => undefined,
      getPath: () => '/tmp/shell-test',
      quit: () => calls.push('quit'),
      exit: () => undefined,
    },
    BrowserWindow: function BrowserWindow(this: unknown, windowOptions: BrowserWindowOptions) {
      created.push(windowOptions);
      kiosk = windowOptions.kiosk === true;
      return window;
    } as unknown as ElectronLike['BrowserWindow'],
    Menu: { setApplicationMenu: (menu) => calls.push(`menu ${String(menu)}`) },
    screen: {
      getAllDisplays: () => displays,
      getPrimaryDisplay: () => displays[0] ?? display(1, 0),
      on: (event, listener) => screenEvents.set(event, listener),
    },
    powerSaveBlocker: { start: (type) => (calls.push(`blocker ${type}`), 7) },
    ipcMain: { handle: (channel, listener) => handlers.set(channel, listener) },
  };
  return {
    electron,
    window,
    created,
    calls,
    loaded,
    sent,
    handlers,
    appEvents,
    windowEvents,
    contentEvents,
    isKiosk: () => kiosk,
    /** Try to close the window (Alt+F4); true when the shell let it close. */
    tryClose: (): boolean => {
      let prevented = false;
      windowEvents.get('close')?.({ preventDefault: () => (prevented = true) });
      return !prevented;
    },
    /** Plug or unplug monitors, as Electron's `screen` would tell the shell. */
    setDisplays: (next: DisplayInfo[], event = 'display-added') => {
      displays = next;
      screenEvents.get(event)?.();
    },
  };
};

export const memoryStorage = (
  initial: Record<string, string> = {},
): ShellStorage & { files: Record<string, string> } => {
  const files = { ...initial };
  return { files, read: (name) => files[name], write: (name, text) => void (files[name] = text) };
};
