/**
 * The driver's configuration file (JSON): where the queue server is, how the driver proves it
 * is a paired display, and one entry per LED display: its desk, its serial device, the line it
 * shows and how that line becomes bytes. Checked in full at start, so a typo stops the service
 * with a message instead of showing nothing.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { LED_ENCODINGS } from './encoding';

/** Placeholders a line template may use. */
export const PLACEHOLDERS = ['ticket', 'desk', 'deskName'] as const;

const hexBytes = z
  .string()
  .transform((text) => text.replace(/\s+/g, ''))
  .refine((text) => /^([0-9a-fA-F]{2})*$/.test(text), 'hex bytes, e.g. "02" or "1b 40"')
  .transform((text) => Uint8Array.from(text.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16)));

const template = z
  .string()
  .max(200)
  .refine(
    (text) =>
      [...text.matchAll(/\{([^}]*)\}/g)].every(([, name]) =>
        (PLACEHOLDERS as readonly string[]).includes(name ?? ''),
      ),
    `placeholders: ${PLACEHOLDERS.map((name) => `{${name}}`).join(', ')}`,
  );

export const LedDisplayConfig = z.strictObject({
  /** The desk: its number as visitors know it (`5`) or its id (`desk-5`). */
  desk: z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String),
  /** The serial device: `/dev/ttyUSB0`, `/dev/serial/by-id/…`, an RS-485 adapter's tty. */
  device: z.string().min(1),
  baudRate: z.number().int().positive().default(9600),
  /** Set the line up with `stty` before writing (raw, 8N1, the baud rate); off for a plain file. */
  stty: z.boolean().default(true),
  template: template.default('{ticket}'),
  /** What the display shows while the desk has nobody; used only with `clearOnIdle`. */
  idleTemplate: template.default(''),
  encoding: z.enum(LED_ENCODINGS).default('cp866'),
  /** Bytes sent before and after every line (the module's framing), in hex: `"02"`, `"03"`, `"0d0a"`. */
  prefix: hexBytes.default(() => new Uint8Array(0)),
  suffix: hexBytes.default(() => new Uint8Array(0)),
  /** When the desk lets the visitor go (or closes), send the idle line; else the last number stays. */
  clearOnIdle: z.boolean().default(true),
  /** Pad with spaces or cut to this many characters (modules with a fixed width). */
  width: z.number().int().positive().max(256).optional(),
});
export type LedDisplayConfig = z.infer<typeof LedDisplayConfig>;

export const WindowLedConfig = z
  .strictObject({
    /** The queue server: `http://192.168.1.10:8080`. */
    server: z.url(),
    /** A display device token, or… */
    deviceToken: z.string().min(1).optional(),
    /** …the file that keeps it; when missing, the driver pairs and writes the token there. */
    deviceTokenFile: z.string().min(1).optional(),
    /** The language of the desk names (`{deskName}`). */
    language: z.enum(['uk', 'ru', 'en']).default('uk'),
    displays: z.array(LedDisplayConfig).min(1),
  })
  .refine((config) => config.deviceToken || config.deviceTokenFile, {
    message: 'give deviceToken or deviceTokenFile',
  });
export type WindowLedConfig = z.infer<typeof WindowLedConfig>;

/** The configuration in `file`; a token file is taken relative to it. Throws with every problem. */
export const loadConfig = (file: string): WindowLedConfig => {
  const parsed = WindowLedConfig.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.') || '(file)'}: ${issue.message}`,
    );
    throw new Error(`${file} is not a valid window LED configuration:\n${problems.join('\n')}`);
  }
  const config = parsed.data;
  return config.deviceTokenFile
    ? { ...config, deviceTokenFile: resolve(dirname(file), config.deviceTokenFile) }
    : config;
};
