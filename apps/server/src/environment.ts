/**
 * The server's settings from the environment (see the table in README), checked in one place
 * before anything starts: `readEnvironment` returns them typed, with the defaults filled in,
 * or throws one Error that names every bad variable, what it expects and what it got, e.g.
 * `QUEUE_BACKUP_HOURS: expected a number between 0.05 and 168, got "0"`. A variable set to
 * an empty string counts as unset. Booleans take `0`/`1`/`true`/`false`.
 */
import type { KioskPrinter } from '@queue/core';
import { z } from 'zod';
import type { LogLevel } from './logger';
import { isAddressOrRange } from './client-address';
import { normalizeOrigin, parseAllowedOrigins } from './origin';
import { parseKioskPrinters } from './printing/printer-settings';
import { DEFAULT_RETENTION_DAYS } from './retention';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const satisfies readonly LogLevel[];

/** A DNS name: dot-separated labels of letters, digits and inner hyphens. */
const HOST_NAME =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\.?$/;

export const BACKUP_HOURS = { min: 0.05, max: 168 } as const;
export const BACKUP_KEEP = { min: 1, max: 1000 } as const;

/** A value refused, with the message an operator reads after the variable's name. */
class Refusal {
  constructor(readonly message: string) {}
}
const expected = (what: string, raw: string): Refusal =>
  new Refusal(`expected ${what}, got ${JSON.stringify(raw)}`);

/**
 * One variable: unset (or empty) gives `fallback`; otherwise `parse` turns the text into the
 * value, or refuses it.
 */
const variable = <T>(fallback: T, parse: (text: string) => T | Refusal) =>
  z
    .string()
    .optional()
    .transform((raw, ctx): T => {
      if (raw === undefined || raw.trim() === '') return fallback;
      const value = parse(raw);
      if (value instanceof Refusal) {
        ctx.addIssue({ code: 'custom', message: value.message });
        return z.NEVER;
      }
      return value;
    });

/** Text as it is (paths, host names, ids). */
const text = <T extends string | undefined>(fallback: T) => variable<string | T>(fallback, (raw) => raw);

/** A number as `Number` reads it (surrounding spaces allowed), within bounds. */
const number = (
  fallback: number,
  bounds: { readonly min: number; readonly max: number; readonly integer?: boolean },
  what: string,
) =>
  variable(fallback, (raw) => {
    const value = Number(raw);
    const fits =
      Number.isFinite(value) &&
      value >= bounds.min &&
      value <= bounds.max &&
      (!bounds.integer || Number.isInteger(value));
    return fits ? value : expected(what, raw);
  });

const BOOLEANS: Readonly<Record<string, boolean>> = { '0': false, false: false, '1': true, true: true };
const flag = (fallback: boolean) =>
  variable(fallback, (raw) => BOOLEANS[raw.trim().toLowerCase()] ?? expected('0, 1, true or false', raw));

/** Every variable the server reads at start, with its default and bounds. */
export const environmentSchema = z.object({
  QUEUE_PORT: number(8080, { min: 0, max: 65_535, integer: true }, 'a port number from 0 to 65535'),
  QUEUE_HOST: text('0.0.0.0'),
  QUEUE_DB: text('data/queue.sqlite'),
  QUEUE_DEMO: flag(true),
  QUEUE_DEMO_AUTOPAIR: flag(true),
  QUEUE_LOG_LEVEL: variable<LogLevel>('info', (raw) => {
    const level = raw.trim().toLowerCase();
    return (LOG_LEVELS as readonly string[]).includes(level)
      ? (level as LogLevel)
      : expected(`one of ${LOG_LEVELS.join(', ')}`, raw);
  }),
  QUEUE_TIME_START: variable<string | undefined>(undefined, (raw) =>
    Number.isNaN(Date.parse(raw)) ? expected('a date and time such as 2026-11-24T10:00:00+02:00', raw) : raw,
  ),
  QUEUE_KIOSK_PRINTERS: variable<Record<string, KioskPrinter> | undefined>(undefined, (raw) => {
    try {
      return parseKioskPrinters(raw);
    } catch (error) {
      const reason = error instanceof Error ? error.message.replace(/^QUEUE_KIOSK_PRINTERS:?\s*/, '') : '';
      return new Refusal(`expected kiosk printers by device id as JSON (see README): ${reason}`);
    }
  }),
  QUEUE_BACKUP_DIR: text(undefined),
  QUEUE_BACKUP_HOURS: number(6, BACKUP_HOURS, `a number between ${BACKUP_HOURS.min} and ${BACKUP_HOURS.max}`),
  QUEUE_BACKUP_KEEP: number(
    28,
    { ...BACKUP_KEEP, integer: true },
    `a whole number from ${BACKUP_KEEP.min} to ${BACKUP_KEEP.max}`,
  ),
  QUEUE_PRINTER_POLL_SECONDS: number(10, { min: 2, max: 3_600 }, 'a number of seconds from 2 to 3600'),
  QUEUE_RETENTION_DAYS: number(
    DEFAULT_RETENTION_DAYS,
    { min: 1, max: Number.MAX_SAFE_INTEGER, integer: true },
    'a whole number of days, at least 1',
  ),
  QUEUE_TLS_CERT: text(undefined),
  QUEUE_TLS_KEY: text(undefined),
  QUEUE_ALLOWED_ORIGINS: variable<string[]>([], (raw) => {
    const bad = raw
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0 && normalizeOrigin(entry) === undefined);
    return bad.length === 0
      ? parseAllowedOrigins(raw)
      : new Refusal(
          `expected comma-separated http(s) origins such as https://desk.example.org, got ${bad
            .map((entry) => JSON.stringify(entry))
            .join(', ')}`,
        );
  }),
  QUEUE_ALLOWED_HOSTS: variable<string[]>([], (raw) => {
    const names = raw
      .split(',')
      .map((entry) => entry.trim().toLowerCase())
      .filter((entry) => entry.length > 0);
    const bad = names.filter((name) => !HOST_NAME.test(name));
    return bad.length === 0
      ? names
      : new Refusal(
          `expected comma-separated host names such as queue.example.org, got ${bad.map((name) => JSON.stringify(name)).join(', ')}`,
        );
  }),
  QUEUE_TRUSTED_PROXIES: variable<string[]>([], (raw) => {
    const entries = raw
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0);
    const bad = entries.filter((entry) => !isAddressOrRange(entry));
    return bad.length === 0
      ? entries
      : new Refusal(
          `expected comma-separated addresses or ranges such as 10.0.0.5 or 10.0.0.0/24, got ${bad.map((entry) => JSON.stringify(entry)).join(', ')}`,
        );
  }),
  QUEUE_MDNS: flag(true),
  QUEUE_SERVER_ID: text(undefined),
  QUEUE_HUB_URL: variable<string | undefined>(undefined, (raw) => {
    const url = URL.canParse(raw.trim()) ? new URL(raw.trim()) : undefined;
    return url && (url.protocol === 'https:' || url.protocol === 'http:') && !url.search && !url.hash
      ? url.href.replace(/\/+$/, '')
      : expected("the city hub's http(s) URL such as https://hub.city.example", raw);
  }),
  QUEUE_HUB_KEY: variable<string | undefined>(undefined, (raw) =>
    /^[A-Za-z0-9_-]{20,200}$/.test(raw.trim())
      ? raw.trim()
      : expected('the centre key printed by `npm run hub:enrol` (letters, digits, - and _)', raw),
  ),
});

export interface Environment {
  readonly port: number;
  readonly host: string;
  /** As given; relative to the working directory. */
  readonly databaseFile: string;
  readonly demo: boolean;
  /** In demo mode, pair devices opened on the server's own machine without an approval. */
  readonly demoAutoPair: boolean;
  readonly logLevel: LogLevel;
  /** Start the clock at this instant (Date.parse reads it). */
  readonly timeStart: string | undefined;
  readonly kioskPrinters: Readonly<Record<string, KioskPrinter>> | undefined;
  readonly backup: {
    /** As given; unset: a `backups` folder beside the database (`backupFolderFor`). */
    readonly folder: string | undefined;
    readonly keep: number;
    readonly hours: number;
  };
  /** How often the server asks its printers how they are while they are idle. */
  readonly printerPollSeconds: number;
  readonly retentionDays: number;
  /** PEM files: serve HTTPS; both or neither. */
  readonly tls: { readonly certFile: string; readonly keyFile: string } | undefined;
  readonly allowedOrigins: readonly string[];
  /** Host names requests may be sent to besides the machine's own (a reverse proxy's). */
  readonly allowedHosts: readonly string[];
  /** Reverse proxies whose X-Forwarded-For names the client (client-address.ts). */
  readonly trustedProxies: readonly string[];
  readonly mdns: boolean;
  /** This server's id in the LAN announcement; the host name when unset. */
  readonly serverId: string | undefined;
  /** The city hub the centre ships its event log to, with its enrolled key; both or neither. */
  readonly hub: { readonly url: string; readonly key: string } | undefined;
}

/** Reads the environment; throws an Error listing every bad variable, one a line. */
export const readEnvironment = (env: NodeJS.ProcessEnv): Environment => {
  const parsed = environmentSchema.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  const cert = env.QUEUE_TLS_CERT?.trim() ? env.QUEUE_TLS_CERT : undefined;
  const key = env.QUEUE_TLS_KEY?.trim() ? env.QUEUE_TLS_KEY : undefined;
  if ((cert === undefined) !== (key === undefined)) {
    problems.push(
      `${cert === undefined ? 'QUEUE_TLS_CERT' : 'QUEUE_TLS_KEY'}: expected both QUEUE_TLS_CERT and QUEUE_TLS_KEY (PEM files) or neither, got only ${cert === undefined ? 'QUEUE_TLS_KEY' : 'QUEUE_TLS_CERT'}`,
    );
  }
  const hubUrl = env.QUEUE_HUB_URL?.trim() ? env.QUEUE_HUB_URL : undefined;
  const hubKey = env.QUEUE_HUB_KEY?.trim() ? env.QUEUE_HUB_KEY : undefined;
  if ((hubUrl === undefined) !== (hubKey === undefined)) {
    problems.push(
      `${hubUrl === undefined ? 'QUEUE_HUB_URL' : 'QUEUE_HUB_KEY'}: expected both QUEUE_HUB_URL and QUEUE_HUB_KEY or neither, got only ${hubUrl === undefined ? 'QUEUE_HUB_KEY' : 'QUEUE_HUB_URL'}`,
    );
  }
  if (!parsed.success || problems.length > 0) {
    throw new Error(`Bad environment settings:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
  }
  const settings = parsed.data;
  return {
    port: settings.QUEUE_PORT,
    host: settings.QUEUE_HOST,
    databaseFile: settings.QUEUE_DB,
    demo: settings.QUEUE_DEMO,
    demoAutoPair: settings.QUEUE_DEMO_AUTOPAIR,
    logLevel: settings.QUEUE_LOG_LEVEL,
    timeStart: settings.QUEUE_TIME_START,
    kioskPrinters: settings.QUEUE_KIOSK_PRINTERS,
    backup: {
      folder: settings.QUEUE_BACKUP_DIR,
      keep: settings.QUEUE_BACKUP_KEEP,
      hours: settings.QUEUE_BACKUP_HOURS,
    },
    printerPollSeconds: settings.QUEUE_PRINTER_POLL_SECONDS,
    retentionDays: settings.QUEUE_RETENTION_DAYS,
    tls:
      settings.QUEUE_TLS_CERT !== undefined && settings.QUEUE_TLS_KEY !== undefined
        ? { certFile: settings.QUEUE_TLS_CERT, keyFile: settings.QUEUE_TLS_KEY }
        : undefined,
    allowedOrigins: settings.QUEUE_ALLOWED_ORIGINS,
    allowedHosts: settings.QUEUE_ALLOWED_HOSTS,
    trustedProxies: settings.QUEUE_TRUSTED_PROXIES,
    mdns: settings.QUEUE_MDNS,
    serverId: settings.QUEUE_SERVER_ID,
    hub:
      settings.QUEUE_HUB_URL !== undefined && settings.QUEUE_HUB_KEY !== undefined
        ? { url: settings.QUEUE_HUB_URL, key: settings.QUEUE_HUB_KEY }
        : undefined,
  };
};
