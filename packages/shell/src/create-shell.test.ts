import { describe, expect, it, vi } from 'vitest';
import { hashPin } from './admin-pin';
import { type ShellOptions, startShell } from './create-shell';
import { IPC, type ShellInfo } from './ipc';
import { offlinePageHtml } from './offline-page';
import { readShellConfig } from './shell-config';
import { display, fakeElectron, memoryStorage } from './testing/fake-electron';
import { fakeLan, fakeServer } from './testing/fake-servers';

const PIN_HASH = hashPin('4321');
const SERVER = 'http://10.0.0.5:8080';
/** A LAN where no server answers: no test asks the real one. */
const noDiscovery = (): Promise<undefined> => new Promise(() => undefined);
/** One centre's server, at every address these tests load. */
const CENTRE = fakeServer('centre-a');
const { proveServer } = fakeLan({
  [SERVER]: CENTRE,
  'http://192.168.1.7:8080': CENTRE,
  'http://192.168.1.9:8080': CENTRE,
});

const start = (
  kind: 'kiosk' | 'display' | 'desk',
  fake = fakeElectron(),
  file: Record<string, unknown> = {},
  extra: Partial<ShellOptions> = {},
) =>
  startShell({
    electron: fake.electron,
    config: readShellConfig(kind, JSON.stringify({ exitPinHash: PIN_HASH, serverUrl: SERVER, ...file }), {}),
    preloadPath: '/app/preload.cjs',
    storage: memoryStorage(),
    version: '0.1.0',
    reloadDelayMs: 0,
    retryDelayMs: 0,
    findServer: async () => {
      throw new Error('a configured server must not be looked for');
    },
    proveServer,
    ...extra,
  });

const navigate = (fake: ReturnType<typeof fakeElectron>, url: string): boolean => {
  let prevented = false;
  fake.contentEvents.get('will-navigate')?.({ preventDefault: () => (prevented = true) }, url);
  return prevented;
};

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
    await (
      await start('kiosk', fake, { deviceToken: 'k-1' })
    )?.connected;
    const options = fake.created[0];
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, frame: false });
    expect(options?.webPreferences).toEqual({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(fake.calls).toContain('blocker prevent-display-sleep');
    expect(fake.calls).toContain('menu null');
    expect(fake.calls).toContain(`load ${SERVER}/kiosk/?device=k-1`);
    expect(fake.calls).toContain('deny-popups');
  });

  it('leaves kiosk mode only with the administrator PIN, and slows down guessing', async () => {
    let now = 1_000_000;
    const fake = fakeElectron();
    await start('kiosk', fake, {}, { now: () => now });
    const exit = fake.handlers.get(IPC.exitKiosk);
    for (const guess of ['0000', '1111', '2222']) expect(await exit?.({}, guess)).toBe(false);
    expect(fake.isKiosk()).toBe(true);
    expect(await exit?.({}, '3333')).toBe(false);
    expect(fake.tryClose()).toBe(false);
    // Locked now: even the right PIN is refused until the wait is over.
    expect(await exit?.({}, '4321')).toBe(false);
    expect(fake.isKiosk()).toBe(true);
    now += 5_000;
    expect(await exit?.({}, '4321')).toBe(true);
    expect(fake.isKiosk()).toBe(false);
    expect(fake.tryClose()).toBe(true);
  });

  it('never leaves kiosk mode when no PIN is configured, nor on a board', async () => {
    const kiosk = fakeElectron();
    await start('kiosk', kiosk, { exitPinHash: undefined });
    expect(await kiosk.handlers.get(IPC.exitKiosk)?.({}, '')).toBe(false);
    expect(kiosk.isKiosk()).toBe(true);
    const board = fakeElectron();
    await start('display', board);
    expect(await board.handlers.get(IPC.exitKiosk)?.({}, '4321')).toBe(false);
  });

  it('reloads a renderer that crashed or hung, less often while it keeps crashing', async () => {
    vi.useFakeTimers();
    try {
      const fake = fakeElectron();
      await start('display', fake, {}, { reloadDelayMs: 1_000 });
      const reloads = () => fake.calls.filter((call) => call === 'reload').length;
      fake.contentEvents.get('render-process-gone')?.({}, { reason: 'crashed' });
      fake.contentEvents.get('unresponsive')?.();
      await vi.advanceTimersByTimeAsync(1_000);
      expect(reloads()).toBe(1);
      // The third and fourth events in ten minutes: one reload, after 1 s × 2² = 4 s.
      fake.contentEvents.get('render-process-gone')?.({}, { reason: 'oom' });
      fake.contentEvents.get('render-process-gone')?.({}, { reason: 'crashed' });
      await vi.advanceTimersByTimeAsync(3_900);
      expect(reloads()).toBe(1);
      await vi.advanceTimersByTimeAsync(100);
      expect(reloads()).toBe(2);
      const info = (await fake.handlers.get(IPC.shellInfo)?.({})) as ShellInfo;
      expect(info).toEqual({ kind: 'display', version: '0.1.0', crashes: 4 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('puts the board on the chosen monitor and follows it when monitors change', async () => {
    const fake = fakeElectron();
    await start('display', fake, { display: 'secondary' });
    expect(fake.created[0]).toMatchObject({ x: 1920, fullscreen: true, kiosk: false });
    fake.setDisplays([display(1, 0)], 'display-removed');
    expect(fake.calls.slice(-3)).toEqual(['fullscreen false', 'bounds 0,0 1920x1080', 'fullscreen true']);
    fake.setDisplays([display(1, 0), display(7, 1920)], 'display-added');
    expect(fake.calls.at(-2)).toBe('bounds 1920,0 1920x1080');
  });

  it('remembers the desk window and does not block sleep', async () => {
    const fake = fakeElectron();
    const storage = memoryStorage();
    await startShell({
      electron: fake.electron,
      config: readShellConfig('desk', JSON.stringify({ serverUrl: SERVER }), {}),
      preloadPath: '/p.js',
      storage,
      version: '1',
      findServer: noDiscovery,
      proveServer,
    });
    expect(fake.created[0]).toMatchObject({ fullscreen: false, frame: true });
    fake.windowEvents.get('close')?.();
    expect(JSON.parse(storage.files['window-state.json'] ?? '{}')).toEqual({
      bounds: { x: 10, y: 20, width: 1200, height: 700 },
      maximized: false,
    });
    expect(fake.calls.some((call) => call.startsWith('blocker'))).toBe(false);
    expect(fake.calls).not.toContain('menu null');

    const again = fakeElectron();
    await startShell({
      electron: again.electron,
      config: readShellConfig('desk', JSON.stringify({ serverUrl: SERVER }), {}),
      preloadPath: '/p.js',
      storage,
      version: '1',
      findServer: noDiscovery,
      proveServer,
    });
    expect(again.created[0]).toMatchObject({ x: 10, y: 20, width: 1200, height: 700 });
  });

  it('saves the desk window shortly after it is moved, in case the power goes', async () => {
    vi.useFakeTimers();
    try {
      const fake = fakeElectron();
      const storage = memoryStorage();
      await start('desk', fake, {}, { storage });
      fake.windowEvents.get('move')?.();
      fake.windowEvents.get('resize')?.();
      await vi.advanceTimersByTimeAsync(900);
      expect(storage.files['window-state.json']).toBeUndefined();
      await vi.advanceTimersByTimeAsync(100);
      expect(JSON.parse(storage.files['window-state.json'] ?? '{}')).toMatchObject({ maximized: false });
    } finally {
      vi.useRealTimers();
    }
  });

  it('stays on its server: navigation elsewhere is stopped', async () => {
    const fake = fakeElectron();
    await (
      await start('desk', fake)
    )?.connected;
    expect(navigate(fake, `${SERVER}/desk/?lang=en`)).toBe(false);
    expect(navigate(fake, 'https://example.com/')).toBe(true);
    expect(navigate(fake, 'http://10.0.0.5:9999/')).toBe(true);
    expect(navigate(fake, 'file:///etc/passwd')).toBe(true);
    // Electron 25+ puts the target on the event; the old argument may be stale.
    let prevented = false;
    fake.contentEvents.get('will-redirect')?.(
      { url: 'https://example.com/', preventDefault: () => (prevented = true) },
      `${SERVER}/desk/`,
    );
    expect(prevented).toBe(true);
  });
});

describe('Electron shell finding its server', () => {
  it('shows the offline page while searching, then loads the server found on the LAN', async () => {
    const fake = fakeElectron();
    const asked: unknown[] = [];
    const answers = [
      undefined,
      undefined,
      { source: 'mdns' as const, url: 'http://192.168.1.7:8080', serverId: 'a' },
    ];
    const shell = await start(
      'kiosk',
      fake,
      { serverUrl: undefined, serverId: 'a', deviceToken: 'k-1' },
      {
        findServer: async (options) => {
          asked.push(options);
          return answers.shift();
        },
      },
    );
    await shell?.connected;
    expect(asked).toEqual([
      { serverId: 'a', timeoutMs: 5_000 },
      { serverId: 'a', timeoutMs: 5_000 },
      { serverId: 'a', timeoutMs: 5_000 },
    ]);
    expect(fake.calls.filter((call) => call.startsWith('load'))).toEqual([
      'load offline page',
      'load http://192.168.1.7:8080/kiosk/?device=k-1',
    ]);
    expect(decodeURIComponent(fake.loaded[0] ?? '')).toContain(offlinePageHtml({ kind: 'searching' }));
    expect(navigate(fake, 'http://192.168.1.7:8080/kiosk/')).toBe(false);
  });

  it('uses the configured URL even when a server is on the LAN', async () => {
    const fake = fakeElectron();
    let asked = 0;
    const shell = await start(
      'display',
      fake,
      {},
      {
        findServer: async () => {
          asked += 1;
          return { source: 'mdns', url: 'http://192.168.1.7:8080', serverId: 'a' };
        },
      },
    );
    await shell?.connected;
    expect(asked).toBe(0);
    expect(fake.calls).toContain(`load ${SERVER}/display/`);
  });

  it('says the server does not answer, and looks for it again', async () => {
    const fake = fakeElectron({ failLoads: 1 });
    const answers = ['http://192.168.1.7:8080', 'http://192.168.1.9:8080'];
    const shell = await start(
      'display',
      fake,
      { serverUrl: undefined },
      {
        findServer: async () => ({ source: 'mdns', url: answers.shift() ?? '', serverId: 'a' }),
      },
    );
    await shell?.connected;
    expect(fake.calls.filter((call) => call.startsWith('load'))).toEqual([
      'load offline page',
      'load http://192.168.1.7:8080/display/',
      'load offline page',
      'load offline page',
      'load http://192.168.1.9:8080/display/',
    ]);
    expect(decodeURIComponent(fake.loaded[2] ?? '')).toContain('http://192.168.1.7:8080');
  });

  it('takes a load the page itself replaced (ERR_ABORTED) as loaded', async () => {
    const fake = fakeElectron();
    const aborted = Object.assign(new Error('ERR_ABORTED (-3) loading'), { errno: -3, code: 'ERR_ABORTED' });
    fake.window.loadURL = async (url) => {
      fake.calls.push(`load ${url}`);
      throw aborted;
    };
    await (
      await start('display', fake)
    )?.connected;
    expect(fake.calls.filter((call) => call.startsWith('load'))).toEqual([`load ${SERVER}/display/`]);
  });

  it('reconnects when a later load of the page fails', async () => {
    const fake = fakeElectron();
    const shell = await start('display', fake);
    await shell?.connected;
    const failLoad = fake.contentEvents.get('did-fail-load');
    failLoad?.({}, -3, 'ERR_ABORTED', SERVER, true);
    failLoad?.({}, -105, 'ERR_NAME_NOT_RESOLVED', 'http://cdn/x.js', false);
    expect(fake.calls.filter((call) => call.startsWith('load'))).toHaveLength(1);
    failLoad?.({}, -102, 'ERR_CONNECTION_REFUSED', SERVER, true);
    await vi.waitFor(() => expect(fake.calls.filter((call) => call.startsWith('load'))).toHaveLength(2));
  });
});
