/**
 * The preload script of every shell: with context isolation and the sandbox on, it exposes
 * a few named functions as `window.queueShell` and nothing of Node or Electron itself. Each
 * kind of screen gets only the functions it uses: the kiosk its printer and PIN exit, the
 * board and the desk just their info and a reload.
 */
import { IPC, type LocalPrinterStatus, type ShellBridge, type ShellInfo } from './ipc';

export interface PreloadElectron {
  contextBridge: { exposeInMainWorld(key: string, api: unknown): void };
  ipcRenderer: {
    invoke(channel: string, ...args: unknown[]): Promise<unknown>;
    /** Electron's always has these; a stand-in that only invokes gets no pushed events. */
    on?(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
    removeListener?(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  };
}

export const BRIDGE_FUNCTIONS = {
  kiosk: ['info', 'exitKiosk', 'reload', 'printerStatus', 'printTicket', 'onPrinterStatus'],
  display: ['info', 'reload'],
  desk: ['info', 'reload'],
} as const satisfies Record<ShellInfo['kind'], readonly (keyof ShellBridge)[]>;

export type BridgeFor<Kind extends ShellInfo['kind']> = Pick<
  ShellBridge,
  (typeof BRIDGE_FUNCTIONS)[Kind][number]
>;

export const createBridge = (ipcRenderer: PreloadElectron['ipcRenderer']): ShellBridge => ({
  info: () => ipcRenderer.invoke(IPC.shellInfo) as ReturnType<ShellBridge['info']>,
  exitKiosk: async (pin) => (await ipcRenderer.invoke(IPC.exitKiosk, String(pin).slice(0, 32))) === true,
  reload: async () => {
    await ipcRenderer.invoke(IPC.reload);
  },
  printerStatus: () => ipcRenderer.invoke(IPC.printerStatus) as ReturnType<ShellBridge['printerStatus']>,
  printTicket: (view, template) =>
    ipcRenderer.invoke(IPC.printTicket, view, template) as ReturnType<ShellBridge['printTicket']>,
  onPrinterStatus: (listener) => {
    // The page gets the status only, never Electron's event object.
    const relay = (_event: unknown, status: unknown): void => listener(status as LocalPrinterStatus);
    ipcRenderer.on?.(IPC.printerStatusChanged, relay);
    return () => void ipcRenderer.removeListener?.(IPC.printerStatusChanged, relay);
  },
});

/** The functions of one kind of screen, as a plain frozen object (what contextBridge copies). */
export const bridgeFor = <Kind extends ShellInfo['kind']>(
  kind: Kind,
  ipcRenderer: PreloadElectron['ipcRenderer'],
): BridgeFor<Kind> => {
  const all = createBridge(ipcRenderer);
  const names: readonly (keyof ShellBridge)[] = BRIDGE_FUNCTIONS[kind];
  return Object.freeze(Object.fromEntries(names.map((name) => [name, all[name]]))) as BridgeFor<Kind>;
};

export const exposeBridge = (kind: ShellInfo['kind'], electron: PreloadElectron): void => {
  electron.contextBridge.exposeInMainWorld('queueShell', bridgeFor(kind, electron.ipcRenderer));
};
