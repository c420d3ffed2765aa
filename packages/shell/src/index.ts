export * from './electron-api';
export * from './displays';
export * from './window-state';
export * from './shell-config';
export * from './ipc';
export * from './create-shell';
export * from './kiosk-printer';
