/**
 * The kiosk's own printer, when the page runs in the Electron shell with a USB or device-file
 * printer: reached only through `window.queueShell`, the preload's named functions. In a
 * browser there is no such object and the server prints (or the ticket is shown on screen).
 */
import type { ShellBridge } from '@queue/shell/bridge';

declare global {
  interface Window {
    readonly queueShell?: ShellBridge;
  }
}

export const shellBridge = (): ShellBridge | undefined =>
  typeof window.queueShell?.printerStatus === 'function' ? window.queueShell : undefined;
