/** The Electron shell's "leave kiosk mode" call, when the kiosk runs in a shell that has it. */
export const exitKiosk = (): ((pin: string) => Promise<boolean>) | undefined => {
  const shell = window.queueShell;
  return typeof shell?.exitKiosk === 'function' ? (pin) => shell.exitKiosk(pin) : undefined;
};
