import { describe, expect, it } from 'vitest';
import { chooseDisplay, parseDisplayChoice } from './displays';
import type { DisplayInfo } from './electron-api';
import { IPC } from './ipc';
import { createBridge } from './preload';
import { DEFAULT_SERVER_URL, readShellConfig, screenUrl } from './shell-config';
import { restoreWindowState } from './window-state';

const display = (id: number, x: number): DisplayInfo => ({
  id,
  bounds: { x, y: 0, width: 1920, height: 1080 },
  workArea: { x, y: 0, width: 1920, height: 1040 },
});
const primary = display(1, 0);
const displays = [primary, display(2, 1920), display(3, 3840)];

describe('display choice', () => {
  it('picks by id, index or "not primary", and falls back to the primary', () => {
    expect(chooseDisplay(displays, primary, parseDisplayChoice('id:3')).id).toBe(3);
    expect(chooseDisplay(displays, primary, parseDisplayChoice('index:1')).id).toBe(2);
    expect(chooseDisplay(displays, primary, parseDisplayChoice('secondary')).id).toBe(2);
    expect(chooseDisplay(displays, primary, parseDisplayChoice('id:99')).id).toBe(1);
    expect(chooseDisplay([primary], primary, parseDisplayChoice('secondary')).id).toBe(1);
    expect(parseDisplayChoice('nonsense')).toEqual({ kind: 'primary' });
  });
});

describe('window state', () => {
  it('restores saved bounds that are on a connected display', () => {
    const saved = JSON.stringify({ bounds: { x: 2000, y: 50, width: 1200, height: 700 }, maximized: true });
    expect(restoreWindowState(saved, displays, primary)).toEqual({
      bounds: { x: 2000, y: 50, width: 1200, height: 700 },
      maximized: true,
    });
  });

  it('centres the window when the saved place is gone or the file is broken', () => {
    const offscreen = JSON.stringify({ bounds: { x: 9000, y: 0, width: 1200, height: 700 } });
    for (const stored of [offscreen, '{broken', undefined, JSON.stringify({ bounds: { x: 0 } })]) {
      const state = restoreWindowState(stored, displays, primary);
      expect(state.maximized).toBe(false);
      expect(state.bounds.x).toBeGreaterThanOrEqual(0);
      expect(state.bounds.x + state.bounds.width).toBeLessThanOrEqual(1920);
    }
  });
});

describe('shell config', () => {
  it('lets the environment override the file, and ignores what is not a URL', () => {
    const file = JSON.stringify({
      serverUrl: 'http://192.168.0.2:8080/',
      deviceToken: 'abc',
      display: 'index:1',
    });
    expect(readShellConfig('display', file, {})).toEqual({
      kind: 'display',
      serverUrl: 'http://192.168.0.2:8080',
      deviceToken: 'abc',
      display: { kind: 'index', index: 1 },
    });
    expect(readShellConfig('kiosk', file, { QUEUE_SERVER_URL: 'http://10.1.1.1:9000' }).serverUrl).toBe(
      'http://10.1.1.1:9000',
    );
    expect(readShellConfig('kiosk', '{"serverUrl":"javascript:alert(1)"}', {}).serverUrl).toBe(
      DEFAULT_SERVER_URL,
    );
    expect(readShellConfig('kiosk', 'not json', {}).serverUrl).toBe(DEFAULT_SERVER_URL);
  });

  it('loads the renderer from the server, with the device token', () => {
    const config = readShellConfig('kiosk', JSON.stringify({ deviceToken: 't 1' }), {});
    expect(screenUrl(config)).toBe(`${DEFAULT_SERVER_URL}/kiosk/?device=t+1`);
  });
});

describe('preload bridge', () => {
  it('exposes only named calls over fixed channels', async () => {
    const invoked: unknown[][] = [];
    const bridge = createBridge({
      invoke: async (...args: unknown[]) => {
        invoked.push(args);
        return args[0] === IPC.exitKiosk ? true : { kind: 'kiosk', version: '1' };
      },
    });
    expect(Object.keys(bridge).sort()).toEqual([
      'exitKiosk',
      'info',
      'printTicket',
      'printerStatus',
      'reload',
    ]);
    expect(await bridge.exitKiosk('1234')).toBe(true);
    expect(await bridge.info()).toEqual({ kind: 'kiosk', version: '1' });
    expect(invoked.map((call) => call[0])).toEqual([IPC.exitKiosk, IPC.shellInfo]);
  });
});
