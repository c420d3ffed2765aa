/**
 * The named channels between a renderer and its shell. The preload exposes exactly these,
 * typed, and nothing else.
 */
export const IPC = {
  shellInfo: 'shell:info',
  exitKiosk: 'shell:exit-kiosk',
  reload: 'shell:reload',
} as const;

export interface ShellInfo {
  readonly kind: 'kiosk' | 'display' | 'desk';
  readonly version: string;
}

/** What `window.queueShell` offers a renderer running inside Electron. */
export interface ShellBridge {
  info(): Promise<ShellInfo>;
  /** Leave kiosk mode with the administrator's PIN; false when the PIN is wrong. */
  exitKiosk(pin: string): Promise<boolean>;
  reload(): Promise<void>;
}
