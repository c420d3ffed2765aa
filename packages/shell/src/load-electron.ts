/**
 * Electron is loaded only at run time, inside the packaged app where it is the runtime
 * itself. This repository never installs it (see docs/decisions/004-electron-pinning.md),
 * so anywhere else the shell stops with a message saying what to do instead of a stack.
 */
import type { ElectronLike } from './electron-api';

/** The Electron version the installers are built with; electron-builder.yml pins the same. */
export const ELECTRON_VERSION = '45.4.1';

export const ELECTRON_MISSING_MESSAGE = [
  `Electron is not installed here: this repository pins Electron ${ELECTRON_VERSION} for the`,
  'installers but never downloads it (docs/decisions/004-electron-pinning.md).',
  '- To use a screen now, open it in a browser: http://<server>:8080/kiosk/, /display/ or /desk/.',
  '- To run a shell, install the kiosk, board or desk package built by `npm run package:<app>`',
  '  on a machine with internet access (docs/deployment.md).',
].join('\n');

export class ElectronMissingError extends Error {
  constructor(cause: unknown) {
    super(ELECTRON_MISSING_MESSAGE, { cause });
    this.name = 'ElectronMissingError';
  }
}

const isElectronRuntime = (module: unknown): module is ElectronLike =>
  typeof module === 'object' &&
  module !== null &&
  typeof (module as Partial<ElectronLike>).app?.requestSingleInstanceLock === 'function';

/**
 * `importer` is `import('electron')` in real use. Under plain Node the `electron` npm
 * package (if someone installed it) exports the binary's path, not the API: also "missing".
 */
export const loadElectron = async (importer: () => Promise<unknown>): Promise<ElectronLike> => {
  let loaded: unknown;
  try {
    loaded = await importer();
  } catch (error) {
    throw new ElectronMissingError(error);
  }
  const candidate = (loaded as { default?: unknown }).default ?? loaded;
  if (isElectronRuntime(loaded)) return loaded;
  if (isElectronRuntime(candidate)) return candidate;
  throw new ElectronMissingError(new Error('the electron module is not the Electron runtime'));
};
