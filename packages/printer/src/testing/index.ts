/**
 * Helpers for tests of the printer and of the apps that print: the ESC/POS reader, golden
 * files, sample tickets. Exported as `@queue/printer/testing`; not for production code.
 */
export * from './decode';
export * from './fake-device-file';
export * from './fake-status';
export * from './fake-usb';
export * from './fixtures';
export * from './golden';
