/**
 * A shell's settings: which server to load the screen from, which monitor, and for the
 * kiosk the administrator's exit PIN. Read from a JSON file in the app's data folder,
 * overridden by environment variables, so an installer or an IT person can set them.
 */
import { type DisplayChoice, parseDisplayChoice } from './displays';
import { type ShellPrinterSettings, shellPrinterSchema } from './kiosk-printer';

export type ShellKind = 'kiosk' | 'display' | 'desk';

export interface ShellConfig {
  readonly kind: ShellKind;
  /** The queue server, e.g. `http://192.168.1.10:8080`. */
  readonly serverUrl: string;
  /** Device token for kiosks and boards (paired devices). */
  readonly deviceToken?: string;
  readonly display: DisplayChoice;
  /** SHA-256 hex of the PIN that lets an administrator leave kiosk mode. */
  readonly exitPinHash?: string;
  /** The kiosk's own ticket printer (USB or a device file); network printers are the server's. */
  readonly printer?: ShellPrinterSettings;
}

export const DEFAULT_SERVER_URL = 'http://localhost:8080';

const isHttpUrl = (value: unknown): value is string => {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

/** `printer` from the file, or `QUEUE_PRINTER` (the same JSON); ignored when not valid. */
const readPrinter = (stored: unknown, fromEnv: string | undefined): ShellPrinterSettings | undefined => {
  let candidate = stored;
  if (fromEnv) {
    try {
      candidate = JSON.parse(fromEnv) as unknown;
    } catch {
      candidate = undefined;
    }
  }
  const parsed = shellPrinterSchema.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
};

/** Merge the stored file (may be missing or broken) with the environment. */
export const readShellConfig = (
  kind: ShellKind,
  fileText: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): ShellConfig => {
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = fileText ? JSON.parse(fileText) : {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      stored = parsed as Record<string, unknown>;
  } catch {
    stored = {};
  }
  const serverUrl = [env.QUEUE_SERVER_URL, stored.serverUrl].find(isHttpUrl) ?? DEFAULT_SERVER_URL;
  const deviceToken =
    env.QUEUE_DEVICE_TOKEN ?? (typeof stored.deviceToken === 'string' ? stored.deviceToken : undefined);
  const exitPinHash = typeof stored.exitPinHash === 'string' ? stored.exitPinHash : undefined;
  const printer = kind === 'kiosk' ? readPrinter(stored.printer, env.QUEUE_PRINTER) : undefined;
  return {
    kind,
    serverUrl: serverUrl.replace(/\/+$/, ''),
    display: parseDisplayChoice(
      env.QUEUE_DISPLAY ?? (typeof stored.display === 'string' ? stored.display : undefined),
    ),
    ...(deviceToken ? { deviceToken } : {}),
    ...(exitPinHash ? { exitPinHash } : {}),
    ...(printer ? { printer } : {}),
  };
};

/** The page a shell loads: the server serves every renderer, so updating it updates every screen. */
export const screenUrl = (config: ShellConfig): string => {
  const url = new URL(`${config.serverUrl}/${config.kind}/`);
  if (config.deviceToken) url.searchParams.set('device', config.deviceToken);
  return url.toString();
};
