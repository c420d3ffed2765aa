/**
 * The bundles electron-builder packs, built for real (esbuild, no Electron anywhere): the
 * main process started under plain Node stops with the clear "Electron is not installed"
 * message; the preload, run as Electron's sandbox would run it (only `electron` may be
 * required), exposes exactly its app's named functions and nothing else.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { ELECTRON_MISSING_MESSAGE, IPC } from '@queue/shell';
import { BRIDGE_FUNCTIONS } from '@queue/shell/preload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHELL_APPS, type ShellApp, buildShell } from '../../scripts/build-shells';

const root = mkdtempSync(join(tmpdir(), 'queue-shells-'));
const folder = (app: ShellApp) => join(root, app);

/** Run a preload as the sandbox does, and return what it exposed and what it invoked. */
const runPreload = (app: ShellApp) => {
  const exposed = new Map<string, Record<string, unknown>>();
  const invoked: unknown[][] = [];
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api),
    },
    ipcRenderer: { invoke: async (...args: unknown[]) => (invoked.push(args), true) },
  };
  const required: string[] = [];
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
    return electron;
  };
  runInNewContext(readFileSync(join(folder(app), 'preload.cjs'), 'utf8'), { require: sandboxRequire });
  return { exposed, invoked, required };
};

describe('shell bundles', () => {
  beforeAll(async () => {
    for (const app of SHELL_APPS) await buildShell(app, folder(app));
  }, 60_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each(SHELL_APPS)('%s: the main process says clearly that Electron is missing', (app) => {
    const run = spawnSync(process.execPath, [join(folder(app), 'main.cjs')], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(ELECTRON_MISSING_MESSAGE);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it.each(SHELL_APPS)('%s: the preload exposes exactly its named functions', async (app) => {
    const { exposed, invoked, required } = runPreload(app);
    expect([...exposed.keys()]).toEqual(['queueShell']);
    const api = exposed.get('queueShell') ?? {};
    expect(Object.keys(api)).toEqual([...BRIDGE_FUNCTIONS[app]]);
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true);
    expect(Object.isFrozen(api)).toBe(true);
    expect(required).toEqual(['electron']);
    await (api.info as () => Promise<unknown>)();
    expect(invoked).toEqual([[IPC.shellInfo]]);
  });

  it('packs the kiosk with its printer profiles and printing packages, the others with none', () => {
    const manifest = (app: ShellApp) =>
      JSON.parse(readFileSync(join(folder(app), 'package.json'), 'utf8')) as {
        main: string;
        dependencies: Record<string, string>;
      };
    expect(manifest('kiosk').main).toBe('main.cjs');
    expect(Object.keys(manifest('kiosk').dependencies).sort()).toEqual(['dejavu-fonts-ttf', 'usb']);
    expect(readdirSync(join(folder('kiosk'), 'printers'))).toContain('epson-80.json');
    expect(manifest('display').dependencies).toEqual({});
    expect(existsSync(join(folder('desk'), 'printers'))).toBe(false);
  });
});
