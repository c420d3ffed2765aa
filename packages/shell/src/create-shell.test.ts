import { describe, expect, it, vi } from 'vitest';
import { hashPin, startShell } from './create-shell';
import { IPC } from './ipc';
import { readShellConfig } from './shell-config';
import { fakeElectron, memoryStorage } from './testing/fake-electron';

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
