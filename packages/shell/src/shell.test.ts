import { describe, expect, it } from 'vitest';
import { chooseDisplay, parseDisplayChoice } from './displays';
import type { DisplayInfo } from './electron-api';
import { IPC } from './ipc';
import { bridgeFor, createBridge, exposeBridge } from './preload';
import { readShellConfig, screenUrl } from './shell-config';
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
    expect(parseDisplayChoice('id:')).toEqual({ kind: 'primary' });
    const labelled = [primary, { ...display(2, 1920), label: 'SAMSUNG TV (HDMI-1)' }];
    expect(chooseDisplay(labelled, primary, parseDisplayChoice('label:samsung tv')).id).toBe(2);
    expect(chooseDisplay(labelled, primary, parseDisplayChoice('label:LG')).id).toBe(1);
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
  it('reads the file, lets the environment override it, and reports what is not valid', () => {
    const file = JSON.stringify({
      serverUrl: 'http://192.168.0.2:8080/',
      deviceToken: 'abc',
      deviceName: 'Зал 1',
      display: 'index:1',
    });
    expect(readShellConfig('display', file, {})).toEqual({
      kind: 'display',
      serverUrl: 'http://192.168.0.2:8080',
      deviceToken: 'abc',
      deviceName: 'Зал 1',
      display: { kind: 'index', index: 1 },
    });
    const env = { QUEUE_SERVER_URL: 'http://10.1.1.1:9000', QUEUE_DISPLAY: 'label:Samsung' };
    expect(readShellConfig('display', file, env)).toMatchObject({
      serverUrl: 'http://10.1.1.1:9000',
      display: { kind: 'label', label: 'Samsung' },
    });

    const problems: string[] = [];
    const bad = JSON.stringify({
      serverUrl: 'javascript:alert(1)',
      exitPinHash: 'plain-1234',
      display: 'left',
    });
    expect(readShellConfig('kiosk', bad, {}, (problem) => problems.push(problem))).toEqual({
      kind: 'kiosk',
      display: { kind: 'primary' },
    });
    expect(problems).toEqual([
      'serverUrl is not valid and is ignored',
      'display is not valid and is ignored',
      'exitPinHash is not valid and is ignored',
    ]);
    problems.length = 0;
    expect(
      readShellConfig('kiosk', 'not json', { QUEUE_SERVER_URL: 'ftp://x' }, (p) => problems.push(p)),
    ).toEqual({ kind: 'kiosk', display: { kind: 'primary' } });
    expect(problems).toEqual([
      'config.json is not a JSON object; using the defaults',
      'QUEUE_SERVER_URL is not valid and is ignored',
    ]);
  });

  it('without a server URL, leaves the server to discovery', () => {
    expect(readShellConfig('desk', undefined, {}).serverUrl).toBeUndefined();
    expect(readShellConfig('desk', '{"serverId":"centre-a"}', {}).serverId).toBe('centre-a');
  });

  it('loads the renderer from the server, with the device token', () => {
    const config = readShellConfig('kiosk', JSON.stringify({ deviceToken: 't 1' }), {});
    expect(screenUrl(config, 'http://10.0.0.2:8080/')).toBe('http://10.0.0.2:8080/kiosk/?device=t+1');
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
      'onPrinterStatus',
      'printTicket',
      'printerStatus',
      'reload',
    ]);
    expect(await bridge.exitKiosk('1234')).toBe(true);
    expect(await bridge.info()).toEqual({ kind: 'kiosk', version: '1' });
    expect(invoked.map((call) => call[0])).toEqual([IPC.exitKiosk, IPC.shellInfo]);
  });
});

describe('preload surface per screen', () => {
  it('gives the kiosk its printer and PIN exit, the board and the desk only info and reload', () => {
    const invoke = async () => undefined;
    expect(Object.keys(bridgeFor('kiosk', { invoke }))).toEqual([
      'info',
      'exitKiosk',
      'reload',
      'printerStatus',
      'printTicket',
      'onPrinterStatus',
    ]);
    expect(Object.keys(bridgeFor('display', { invoke }))).toEqual(['info', 'reload']);
    expect(Object.keys(bridgeFor('desk', { invoke }))).toEqual(['info', 'reload']);
  });

  it('exposes one frozen object under one name', () => {
    const exposed: [string, unknown][] = [];
    exposeBridge('display', {
      contextBridge: { exposeInMainWorld: (key, api) => exposed.push([key, api]) },
      ipcRenderer: { invoke: async () => undefined },
    });
    expect(exposed.map(([key]) => key)).toEqual(['queueShell']);
    expect(Object.isFrozen(exposed[0]?.[1])).toBe(true);
  });
});
