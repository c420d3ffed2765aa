/**
 * Structured logs through pino: one JSON object a line (`time`, `level`, `msg`, then the
 * fields), so a centre's IT can grep them or ship them to a log store. The rest of the server
 * sees only the small `Logger` interface, so tests pass a silent one.
 *
 * Fields come from requests and devices, so they are not trusted to shape the line: a field
 * named like one of the line's own keys is written with a leading `_` instead of replacing
 * it, and an Error anywhere among the fields is written with its type, message and stack.
 */
import { destination as pinoDestination, pino, stdSerializers, stdTimeFunctions } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Keys pino writes itself (or reads from the merged object); fields may not take them. */
const OWN_KEYS = new Set(['time', 'level', 'msg', 'pid', 'hostname', 'err']);

const safeFields = (fields: Record<string, unknown>): Record<string, unknown> => {
  const safe: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    safe[OWN_KEYS.has(key) ? `_${key}` : key] = value instanceof Error ? stdSerializers.err(value) : value;
  }
  return safe;
};

/** A logger writing JSON lines to stdout, or to `write` (tests, tools). */
export const createLogger = (minimum: LogLevel = 'info', write?: (line: string) => void): Logger => {
  const stream = write ? { write: (line: string) => write(line.replace(/\n$/, '')) } : pinoDestination(1);
  const base = pino(
    {
      level: minimum,
      base: undefined,
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    stream,
  );
  const log = (level: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    if (fields) base[level](safeFields(fields), message);
    else base[level](message);
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
};

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
