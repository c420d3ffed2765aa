/**
 * A shell's settings, one small JSON file per machine (`config.json` in the app's data
 * folder), each field overridable by an environment variable so an installer or an IT
 * person can set them:
 *
 * | field         | env                  | meaning                                               |
 * | ------------- | -------------------- | ----------------------------------------------------- |
 * | `serverUrl`   | `QUEUE_SERVER_URL`   | the queue server; when absent it is found on the LAN |
 * | `serverId`    | `QUEUE_SERVER_ID`    | with discovery, accept only this server              |
 * | `deviceToken` | `QUEUE_DEVICE_TOKEN` | a paired kiosk's or board's token                    |
 * | `deviceName`  | `QUEUE_DEVICE_NAME`  | this machine's name, for logs and the shell's info    |
 * | `display`     | `QUEUE_DISPLAY`      | `primary`, `secondary`, `id:N`, `index:N`, `label:…`  |
 * | `exitPinHash` | —                    | scrypt hash of the kiosk's administrator PIN         |
 * | `printer`     | `QUEUE_PRINTER`      | the kiosk's own ticket printer (JSON)                |
 *
 * A field that is not valid is ignored and reported, never fatal: a kiosk with a typo in its
 * settings still starts (and finds its server by itself).
 */
import { z } from 'zod';
import { PIN_HASH_PATTERN } from './admin-pin';
import { type DisplayChoice, parseDisplayChoice } from './displays';
import { type ShellPrinterSettings, shellPrinterSchema } from './kiosk-printer';

export type ShellKind = 'kiosk' | 'display' | 'desk';

export interface ShellConfig {
  readonly kind: ShellKind;
  /** The queue server, e.g. `http://192.168.1.10:8080`; undefined: find it with mDNS. */
  readonly serverUrl?: string;
  readonly serverId?: string;
  /** Device token for kiosks and boards (paired devices). */
  readonly deviceToken?: string;
  readonly deviceName?: string;
  readonly display: DisplayChoice;
  readonly exitPinHash?: string;
  /** The kiosk's own ticket printer (USB or a device file); network printers are the server's. */
  readonly printer?: ShellPrinterSettings;
}

const httpUrl = z
  .url({ protocol: /^https?$/ })
  .max(300)
  .transform((url) => url.replace(/\/+$/, ''));
const text = z.string().trim().min(1).max(200);

const FIELDS = {
  serverUrl: { schema: httpUrl, env: 'QUEUE_SERVER_URL' },
  serverId: { schema: z.string().min(1).max(64), env: 'QUEUE_SERVER_ID' },
  deviceToken: { schema: text, env: 'QUEUE_DEVICE_TOKEN' },
  deviceName: { schema: text, env: 'QUEUE_DEVICE_NAME' },
  display: {
    schema: z.string().regex(/^(primary|secondary|id:-?\d+|index:\d+|label:.+)$/),
    env: 'QUEUE_DISPLAY',
  },
  exitPinHash: { schema: z.string().regex(PIN_HASH_PATTERN), env: undefined },
  printer: { schema: shellPrinterSchema, env: 'QUEUE_PRINTER' },
} as const;
type Field = keyof typeof FIELDS;
type Values = { [K in Field]?: z.output<(typeof FIELDS)[K]['schema']> };

const parseFile = (
  fileText: string | undefined,
  report: (problem: string) => void,
): Record<string, unknown> => {
  if (!fileText) return {};
  try {
    const parsed: unknown = JSON.parse(fileText);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  report('config.json is not a JSON object; using the defaults');
  return {};
};

/** `QUEUE_PRINTER` holds JSON; every other variable is a plain string. */
const fromEnv = (field: Field, raw: string): unknown => {
  if (field !== 'printer') return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
};

/** Merge the stored file (may be missing or broken) with the environment, which wins. */
export const readShellConfig = (
  kind: ShellKind,
  fileText: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  report: (problem: string) => void = () => undefined,
): ShellConfig => {
  const stored = parseFile(fileText, report);
  const values: Record<string, unknown> = {};
  for (const field of Object.keys(FIELDS) as Field[]) {
    const { schema, env: variable } = FIELDS[field];
    const raw = variable && env[variable] !== undefined ? fromEnv(field, env[variable]) : stored[field];
    if (raw === undefined) continue;
    const parsed = schema.safeParse(raw);
    if (parsed.success) values[field] = parsed.data;
    else report(`${variable && env[variable] !== undefined ? variable : field} is not valid and is ignored`);
  }
  const { display, printer, ...rest } = values as Values;
  return {
    kind,
    ...rest,
    display: parseDisplayChoice(display),
    // Only a kiosk prints by itself; a board or a desk never touches a printer.
    ...(kind === 'kiosk' && printer ? { printer } : {}),
  };
};

/** The page a shell loads: the server serves every renderer, so updating it updates every screen. */
export const screenUrl = (config: ShellConfig, serverUrl: string): string => {
  const url = new URL(`${serverUrl.replace(/\/+$/, '')}/${config.kind}/`);
  if (config.deviceToken) url.searchParams.set('device', config.deviceToken);
  return url.toString();
};
