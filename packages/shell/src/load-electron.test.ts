import { describe, expect, it } from 'vitest';
import { ELECTRON_MISSING_MESSAGE, ElectronMissingError, loadElectron } from './load-electron';
import { fakeElectron } from './testing/fake-electron';

describe('loading Electron', () => {
  it('explains what to do when Electron is not installed', async () => {
    const notFound = Object.assign(new Error("Cannot find package 'electron'"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    const error = await loadElectron(() => Promise.reject(notFound)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ElectronMissingError);
    expect((error as Error).message).toBe(ELECTRON_MISSING_MESSAGE);
    expect((error as Error).cause).toBe(notFound);
    expect(ELECTRON_MISSING_MESSAGE).toContain('/kiosk/');
  });

  it('treats the npm package under plain Node (a path to the binary) as missing', async () => {
    await expect(
      loadElectron(async () => ({ default: '/usr/lib/electron/electron' })),
    ).rejects.toBeInstanceOf(ElectronMissingError);
  });

  it('this machine has no Electron, and the real import says so clearly', async () => {
    const moduleName = 'electron';
    await expect(loadElectron(() => import(moduleName))).rejects.toThrow(ELECTRON_MISSING_MESSAGE);
  });

  it('returns the runtime, as a namespace or a default export', async () => {
    const { electron } = fakeElectron();
    expect(await loadElectron(async () => electron)).toBe(electron);
    expect(await loadElectron(async () => ({ default: electron }))).toBe(electron);
  });
});
