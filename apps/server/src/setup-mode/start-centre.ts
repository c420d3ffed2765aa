/**
 * Starting the server: the centre at once when the database holds one (or the demo seeds
 * it); otherwise setup mode on the same address until the setup page has written the centre,
 * then the centre, in the same process and on the same listening server, without a restart.
 */
import { type AppOptions, type Application, NoCentreError, createApplication } from '../app';
import { holdDatabaseLock } from '../database-lock';
import { createLogger } from '../logger';
import { type SetupMode, type SetupModeOptions, openSetupMode } from './setup-server';

export interface StartedCentre {
  readonly app: Application;
  readonly port: number;
}

export interface StartHooks {
  /** Setup mode is listening: say where the page is, and the code (`close` stops it). */
  readonly onSetupMode?: (mode: SetupMode, port: number) => void;
  /** For tests: a known code, fewer attempts. */
  readonly setup?: Pick<SetupModeOptions, 'code' | 'attemptsPerMinute'>;
}

export const startCentre = async (
  options: AppOptions,
  port: number,
  host: string,
  hooks: StartHooks = {},
): Promise<StartedCentre> => {
  // Held from the first look at the database to the centre's close: nothing runs on it between.
  const lock = holdDatabaseLock(options.databaseFile, 'server');
  let app: Application;
  try {
    app = await createApplication({ ...options, databaseLock: lock });
  } catch (error) {
    if (!(error instanceof NoCentreError)) {
      lock.release();
      throw error;
    }
    const mode = openSetupMode(
      {
        databaseFile: options.databaseFile,
        logger: options.logger ?? createLogger(),
        ...(options.clock ? { now: () => options.clock?.now() ?? Date.now() } : {}),
        ...(options.tls ? { tls: options.tls } : {}),
        ...(options.allowedOrigins ? { allowedOrigins: options.allowedOrigins } : {}),
        ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
        ...(options.trustedProxies ? { trustedProxies: options.trustedProxies } : {}),
        ...hooks.setup,
      },
      lock,
    );
    const setupPort = await mode.listen(port, host);
    hooks.onSetupMode?.(mode, setupPort);
    const { lock: handedOver, httpServer } = await mode.finished;
    app = await createApplication({ ...options, databaseLock: handedOver, httpServer });
    return { app, port: await app.listen(setupPort, host) };
  }
  return { app, port: await app.listen(port, host) };
};
