/**
 * A shell sticks to the server it paired with: the first server that proves its identity
 * is remembered (id, key and fingerprint), and from then on a server is loaded only after
 * it signs a fresh challenge with that key, whether it was found on the LAN or configured.
 * Another server answering is refused and the offline page says so until an administrator
 * re-pairs the device (deletes `server-identity.json`).
 */
import type { FindServerOptions, FoundServer } from '@queue/discovery';
import { describe, expect, it, vi } from 'vitest';
import { PINNED_SERVER_FILE, type ShellOptions, startShell } from './create-shell';
import { OFFLINE_MESSAGES, offlinePageHtml } from './offline-page';
import { readShellConfig } from './shell-config';
import { fakeElectron, memoryStorage } from './testing/fake-electron';
import { fakeLan, fakeServer } from './testing/fake-servers';

const HALL = 'http://192.168.1.7:8080';
const ELSEWHERE = 'http://192.168.1.66:8080';
const centre = fakeServer('centre-a');
const impostor = fakeServer('centre-a');
const developer = fakeServer('dev-laptop');

const pinnedTo = (server: typeof centre) => ({ [PINNED_SERVER_FILE]: JSON.stringify(server.pinned) });

const start = (
  fake: ReturnType<typeof fakeElectron>,
  options: {
    readonly file?: Record<string, unknown>;
    readonly storage?: ReturnType<typeof memoryStorage>;
    readonly findServer?: ShellOptions['findServer'];
    readonly proveServer: NonNullable<ShellOptions['proveServer']>;
  },
) =>
  startShell({
    electron: fake.electron,
    config: readShellConfig('kiosk', JSON.stringify({ deviceToken: 'k-1', ...options.file }), {}),
    preloadPath: '/app/preload.cjs',
    storage: options.storage ?? memoryStorage(),
    version: '0.1.0',
    retryDelayMs: 0,
    findServer:
      options.findServer ??
      (async () => {
        throw new Error('a configured server must not be looked for');
      }),
    proveServer: options.proveServer,
  });

const loads = (fake: ReturnType<typeof fakeElectron>): string[] =>
  fake.calls.filter((call) => call.startsWith('load'));
const offlinePages = (fake: ReturnType<typeof fakeElectron>): string[] =>
  fake.loaded.filter((url) => url.startsWith('data:')).map((url) => decodeURIComponent(url));

describe('a shell and the server it is paired with', () => {
  it('remembers the first server that proves who it is', async () => {
    const fake = fakeElectron();
    const storage = memoryStorage();
    const lan = fakeLan({ [HALL]: centre });
    await (
      await start(fake, { file: { serverUrl: HALL }, storage, proveServer: lan.proveServer })
    )?.connected;
    expect(loads(fake)).toEqual([`load ${HALL}/kiosk/?device=k-1`]);
    expect(JSON.parse(storage.files[PINNED_SERVER_FILE] ?? '{}')).toEqual(centre.pinned);
  });

  it('refuses another server at its configured address, says so, and loads its own when it is back', async () => {
    const fake = fakeElectron();
    const storage = memoryStorage(pinnedTo(centre));
    const lan = fakeLan({ [HALL]: impostor });
    const shell = await start(fake, { file: { serverUrl: HALL }, storage, proveServer: lan.proveServer });
    await vi.waitFor(() => expect(offlinePages(fake).length).toBeGreaterThanOrEqual(2));
    expect(loads(fake).every((call) => call === 'load offline page')).toBe(true);
    const page = offlinePages(fake)[0] ?? '';
    expect(page).toContain(offlinePageHtml({ kind: 'mismatch', pairedWith: 'centre-a', serverUrl: HALL }));
    for (const messages of Object.values(OFFLINE_MESSAGES)) expect(page).toContain(messages.mismatchTitle);
    // Each try asks afresh: an answer recorded earlier proves nothing.
    expect(new Set(lan.challenges).size).toBe(lan.challenges.length);

    lan.at[HALL] = centre;
    await shell?.connected;
    expect(loads(fake).at(-1)).toBe(`load ${HALL}/kiosk/?device=k-1`);
    expect(JSON.parse(storage.files[PINNED_SERVER_FILE] ?? '{}')).toEqual(centre.pinned);
  });

  it('on the LAN, looks only for its server’s key and passes over a server that claims its id', async () => {
    const fake = fakeElectron();
    const asked: FindServerOptions[] = [];
    const answers: (FoundServer | undefined)[] = [
      // Announces our fingerprint but cannot sign with our key.
      { source: 'mdns', url: ELSEWHERE, serverId: 'centre-a', fingerprint: centre.pinned.fingerprint },
      undefined,
      { source: 'mdns', url: HALL, serverId: 'centre-a', fingerprint: centre.pinned.fingerprint },
    ];
    const lan = fakeLan({ [ELSEWHERE]: impostor, [HALL]: centre });
    const shell = await start(fake, {
      storage: memoryStorage(pinnedTo(centre)),
      proveServer: lan.proveServer,
      findServer: async (options) => {
        asked.push(options);
        if (asked.length === 2) options.onPassedOver?.({ url: ELSEWHERE, serverId: 'centre-a' });
        return answers.shift();
      },
    });
    await shell?.connected;
    expect(asked.map((options) => options.fingerprint)).toEqual(Array(3).fill(centre.pinned.fingerprint));
    expect(loads(fake).filter((call) => call !== 'load offline page')).toEqual([
      `load ${HALL}/kiosk/?device=k-1`,
    ]);
    const mismatches = offlinePages(fake).filter((page) => page.includes(OFFLINE_MESSAGES.en.mismatchTitle));
    expect(mismatches).toHaveLength(2);
    expect(mismatches[0]).toContain(ELSEWHERE);
  });

  it('proves the server again when it reconnects, and refuses a new server at the old address', async () => {
    const fake = fakeElectron();
    const lan = fakeLan({ [HALL]: centre });
    const shell = await start(fake, {
      storage: memoryStorage(),
      proveServer: lan.proveServer,
      findServer: async () => ({ source: 'mdns', url: HALL, serverId: 'centre-a' }),
    });
    await shell?.connected;
    // The centre's server went away; a developer's laptop took its address.
    lan.at[HALL] = developer;
    fake.contentEvents.get('did-fail-load')?.({}, -102, 'ERR_CONNECTION_REFUSED', HALL, true);
    await vi.waitFor(() =>
      expect(offlinePages(fake).some((page) => page.includes(OFFLINE_MESSAGES.uk.mismatchTitle))).toBe(true),
    );
    expect(loads(fake).filter((call) => call !== 'load offline page')).toHaveLength(1);
    lan.at[HALL] = centre;
    await vi.waitFor(() =>
      expect(loads(fake).filter((call) => call !== 'load offline page')).toHaveLength(2),
    );
  });

  it('without a paired server, attaches to the first answer as before, even one without a key', async () => {
    const fake = fakeElectron();
    const storage = memoryStorage();
    await (
      await start(fake, {
        file: { serverUrl: HALL },
        storage,
        proveServer: fakeLan({ [HALL]: 'old' }).proveServer,
      })
    )?.connected;
    expect(loads(fake)).toEqual([`load ${HALL}/kiosk/?device=k-1`]);
    expect(storage.files[PINNED_SERVER_FILE]).toBeUndefined();
  });

  it('once paired, refuses a server that proves nothing, and any server while the pin is unreadable', async () => {
    for (const [storage, answer] of [
      [memoryStorage(pinnedTo(centre)), 'old'],
      [memoryStorage({ [PINNED_SERVER_FILE]: '{not json' }), centre],
    ] as const) {
      const fake = fakeElectron();
      const lan = fakeLan({ [HALL]: answer });
      const shell = await start(fake, { file: { serverUrl: HALL }, storage, proveServer: lan.proveServer });
      await vi.waitFor(() => expect(lan.challenges.length).toBeGreaterThanOrEqual(3));
      expect(loads(fake).every((call) => call === 'load offline page')).toBe(true);
      expect(offlinePages(fake)[0]).toContain(OFFLINE_MESSAGES.ru.mismatchTitle);

      // The administrator re-pairs: the remembered server is deleted, the next one is taken.
      lan.at[HALL] = developer;
      delete storage.files[PINNED_SERVER_FILE];
      await shell?.connected;
      expect(loads(fake).at(-1)).toBe(`load ${HALL}/kiosk/?device=k-1`);
      expect(JSON.parse(storage.files[PINNED_SERVER_FILE] ?? '{}')).toEqual(developer.pinned);
    }
  });
});
