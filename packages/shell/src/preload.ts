/**
 * The preload script of every shell: with context isolation and the sandbox on, it exposes
 * a few named functions as `window.queueShell` and nothing of Node or Electron itself.
 */
import { IPC, type ShellBridge } from './ipc';

export interface PreloadElectron {
  contextBridge: { exposeInMainWorld(key: string, api: unknown): void };
  ipcRenderer: { invoke(channel: string, ...args: unknown[]): Promise<unknown> };
}

export const createBridge = (ipcRenderer: PreloadElectron['ipcRenderer']): ShellBridge => ({
  info: () => ipcRenderer.invoke(IPC.shellInfo) as ReturnType<ShellBridge['info']>,
  exitKiosk: async (pin) => (await ipcRenderer.invoke(IPC.exitKiosk, String(pin).slice(0, 32))) === true,
  reload: async () => {
    await ipcRenderer.invoke(IPC.reload);
  },
  printerStatus: () => ipcRenderer.invoke(IPC.printerStatus) as ReturnType<ShellBridge['printerStatus']>,
  printTicket: (view, template) =>
    ipcRenderer.invoke(IPC.printTicket, view, template) as ReturnType<ShellBridge['printTicket']>,
});

export const exposeBridge = (electron: PreloadElectron): void => {
  electron.contextBridge.exposeInMainWorld('queueShell', createBridge(electron.ipcRenderer));
};
