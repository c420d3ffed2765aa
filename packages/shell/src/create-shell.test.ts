import { describe, expect, it, vi } from 'vitest';
import { hashPin, startShell, type ShellStorage } from './create-shell';
import type { BrowserWindowLike, BrowserWindowOptions, DisplayInfo, ElectronLike } from './electron-api';
import { IPC } from './ipc';
import { readShellConfig } from './shell-config';

const display = (id: number, x: number): DisplayInfo => ({
  id,
  bounds: { x, y: 0, width: 1920, height: 1080 },
  workArea: { x, y: 0, width: 1920, height: 1040 },
});

/** A stand-in for Electron that records what the shell asked of it. */
const fakeElectron = (options: { locked?: boolean } = {}) => {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const appEvents = new Map<string, () => void>();
  const windowEvents = new Map<string, () => void>();
  const contentEvents = new Map<string, (...args: unknown[]) => void>();
  const created: BrowserWindowOptions[] = [];
  const calls: string[] = [];
  let kiosk = false;
  const window: BrowserWindowLike = {
    webContents: {
      on: (event: string, listener: (...args: unknown[]) => void) => contentEvents.set(event, listener),
      reload: () => calls.push('reload'),
      setWindowOpenHandler: () => calls.push('deny-popups'),
    } as BrowserWindowLike['webContents'],
    loadURL: async (url) => {
      calls.push(`load ${url}`);
    },
    on: (event, listener) => windowEvents.set(event, listener),
    getBounds: () => ({ x: 10, y: 20, width: 1200, height: 700 }),
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
    screen: {
      getAllDisplays: () => [display(1, 0), display(2, 1920)],
      getPrimaryDisplay: () => display(1, 0),
    },
    powerSaveBlocker: { start: (type) => (calls.push(`blocker ${type}`), 7) },
    ipcMain: { handle: (channel, listener) => handlers.set(channel, listener) },
  };
  return { electron, created, calls, handlers, appEvents, windowEvents, contentEvents, isKiosk: () => kiosk };
};

const memoryStorage = (
  initial: Record<string, string> = {},
): ShellStorage & { files: Record<string, string> } => {
  const files = { ...initial };
  return { files, read: (name) => files[name], write: (name, text) => void (files[name] = text) };
};

const start = (
  kind: 'kiosk' | 'display' | 'desk',
  fake = fakeElectron(),
  extra: Record<string, string> = {},
) =>
  startShell({
    electron: fake.electron,
    config: readShellConfig(kind, JSON.stringify({ exitPinHash: hashPin('4321'), ...extra }), {
      QUEUE_SERVER_URL: 'http://10.0.0.5:8080',
    }),
    preloadPath: '/app/preload.js',
    storage: memoryStorage(),
    version: '0.1.0',
    reloadDelayMs: 0,
  });

describe('Electron shell', () => {
  it('runs once: a second instance quits and the first comes to the front', async () => {
    const fake = fakeElectron({ locked: true });
    expect(await start('kiosk', fake)).toBeUndefined();
    expect(fake.calls).toContain('quit');
    expect(fake.created).toHaveLength(0);

    const first = fakeElectron();
    await start('desk', first);
    first.appEvents.get('second-instance')?.();
    expect(first.calls).toEqual(expect.arrayContaining(['restore', 'focus']));
  });

  it('locks the kiosk full screen with isolation and sandbox, and keeps the screen awake', async () => {
    const fake = fakeElectron();
    await start('kiosk', fake);
    const options = fake.created[0];
    expect(options?.kiosk).toBe(true);
    expect(options?.fullscreen).toBe(true);
    expect(options?.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(fake.calls).toContain('blocker prevent-display-sleep');
    expect(fake.calls).toContain('load http://10.0.0.5:8080/kiosk/');
    expect(fake.calls).toContain('deny-popups');
  });

  it('leaves kiosk mode only with the administrator PIN', async () => {
    const fake = fakeElectron();
    await start('kiosk', fake);
    const exit = fake.handlers.get(IPC.exitKiosk);
    expect(await exit?.({}, '0000')).toBe(false);
    expect(fake.isKiosk()).toBe(true);
    expect(await exit?.({}, '4321')).toBe(true);
    expect(fake.isKiosk()).toBe(false);
  });

  it('reloads a renderer that crashed or hung', async () => {
    vi.useFakeTimers();
    try {
      const fake = fakeElectron();
      await start('display', fake);
      fake.contentEvents.get('render-process-gone')?.({}, { reason: 'crashed' });
      await vi.runAllTimersAsync();
      expect(fake.calls.filter((call) => call === 'reload')).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('puts the board on the chosen monitor', async () => {
    const fake = fakeElectron();
    await start('display', fake, { display: 'secondary' });
    expect(fake.created[0]).toMatchObject({ x: 1920, fullscreen: true, kiosk: false });
  });

  it('remembers the desk window and does not block sleep', async () => {
    const fake = fakeElectron();
    const storage = memoryStorage();
    await startShell({
      electron: fake.electron,
      config: readShellConfig('desk', undefined, {}),
      preloadPath: '/p.js',
      storage,
      version: '1',
    });
    expect(fake.created[0]).toMatchObject({ fullscreen: false, frame: true });
    fake.windowEvents.get('close')?.();
    expect(JSON.parse(storage.files['window-state.json'] ?? '{}')).toEqual({
      bounds: { x: 10, y: 20, width: 1200, height: 700 },
      maximized: false,
    });
    expect(fake.calls.some((call) => call.startsWith('blocker'))).toBe(false);
  });
});
