/**
 * A shell against real servers over HTTP on loopback: it pairs with the first server, keeps
 * its identity across that server's restart, and refuses a second server (a developer's)
 * that is found where its own used to be, even one announcing the same id and fingerprint.
 */
import { proveServer } from '@queue/discovery';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PINNED_SERVER_FILE, startShell } from '../../packages/shell/src/create-shell';
import { OFFLINE_MESSAGES } from '../../packages/shell/src/offline-page';
import { readShellConfig } from '../../packages/shell/src/shell-config';
import { fakeElectron, memoryStorage } from '../../packages/shell/src/testing/fake-electron';
import { type TestServer, startServer } from './harness';

describe('a shell paired with one of two servers', () => {
  let centre: TestServer;
  let developer: TestServer;
  beforeAll(async () => {
    [centre, developer] = await Promise.all([startServer(), startServer()]);
  });
  afterAll(async () => {
    await Promise.all([centre.close(), developer.close()]);
  });

  it('remembers its server, and refuses the other one announced in its place', async () => {
    const storage = memoryStorage();
    let answering = (): TestServer => centre;
    const boot = async () => {
      const fake = fakeElectron();
      const shell = await startShell({
        electron: fake.electron,
        config: readShellConfig('display', undefined, {}),
        preloadPath: '/app/preload.cjs',
        storage,
        version: '0.1.0',
        retryDelayMs: 10,
        // The LAN, as the developer's server would announce itself: our id and fingerprint.
        findServer: async () => ({
          source: 'mdns',
          url: answering().url,
          serverId: centre.app.identity.serverId,
          fingerprint: centre.app.identity.fingerprint,
        }),
        // The real check, over HTTP to the servers on loopback.
        proveServer: (options) => proveServer(options),
      });
      return { fake, connected: shell?.connected };
    };

    const first = await boot();
    await first.connected;
    expect(first.fake.loaded.at(-1)).toBe(`${centre.url}/display/`);
    expect(JSON.parse(storage.files[PINNED_SERVER_FILE] ?? '{}')).toMatchObject(centre.app.identity);

    // The machine restarts while only the developer's server answers.
    answering = () => developer;
    const second = await boot();
    await vi.waitFor(() =>
      expect(decodeURIComponent(second.fake.loaded.at(-1) ?? '')).toContain(
        OFFLINE_MESSAGES.en.mismatchTitle,
      ),
    );
    expect(second.fake.loaded.filter((url) => url.startsWith(developer.url))).toEqual([]);
    answering = () => centre;
    await second.connected;
    expect(second.fake.loaded.at(-1)).toBe(`${centre.url}/display/`);

    // The centre's server restarts on its database: still the same server to the shell.
    await centre.restart();
    second.fake.contentEvents.get('did-fail-load')?.({}, -102, 'ERR_CONNECTION_REFUSED', centre.url, true);
    await vi.waitFor(() =>
      expect(second.fake.loaded.filter((url) => url === `${centre.url}/display/`)).toHaveLength(2),
    );
  });
});
