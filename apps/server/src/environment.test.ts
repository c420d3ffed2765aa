/**
 * readEnvironment: the defaults of README's table, valid values read as before, and every bad
 * value refused with a message naming the variable, what it expects and what it got.
 */
import { describe, expect, it } from 'vitest';
import { readEnvironment } from './environment';

/** The message readEnvironment throws for `env`, or a failure when it does not throw. */
const refusal = (env: NodeJS.ProcessEnv): string => {
  try {
    readEnvironment(env);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
};

describe('readEnvironment', () => {
  it('fills in the defaults when nothing is set', () => {
    expect(readEnvironment({})).toEqual({
      port: 8080,
      host: '0.0.0.0',
      databaseFile: 'data/queue.sqlite',
      demo: true,
      demoAutoPair: true,
      logLevel: 'info',
      timeStart: undefined,
      kioskPrinters: undefined,
      backup: { folder: undefined, keep: 28, hours: 6 },
      printerPollSeconds: 10,
      retentionDays: 90,
      tls: undefined,
      allowedOrigins: [],
      allowedHosts: [],
      trustedProxies: [],
      mdns: true,
      serverId: undefined,
      hub: undefined,
    });
  });

  it('reads the city hub settings, both or neither, and refuses a bad URL or key', () => {
    const key = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_';
    expect(readEnvironment({ QUEUE_HUB_URL: 'https://hub.city.example/', QUEUE_HUB_KEY: key }).hub).toEqual({
      url: 'https://hub.city.example',
      key,
    });
    expect(refusal({ QUEUE_HUB_URL: 'https://hub.city.example' })).toContain(
      'QUEUE_HUB_KEY: expected both QUEUE_HUB_URL and QUEUE_HUB_KEY or neither, got only QUEUE_HUB_URL',
    );
    expect(refusal({ QUEUE_HUB_KEY: key })).toContain('QUEUE_HUB_URL: expected both');
    expect(refusal({ QUEUE_HUB_URL: 'ftp://hub.city.example', QUEUE_HUB_KEY: key })).toContain(
      'QUEUE_HUB_URL: expected the city hub',
    );
    expect(refusal({ QUEUE_HUB_URL: 'https://hub.city.example', QUEUE_HUB_KEY: 'short key' })).toContain(
      'QUEUE_HUB_KEY: expected the centre key',
    );
  });

  it('treats empty variables as unset and ignores variables it does not know', () => {
    expect(
      readEnvironment({ QUEUE_BACKUP_HOURS: '', QUEUE_HOST: '', QUEUE_LOG_LEVEL: '', PATH: '/bin' }),
    ).toEqual(readEnvironment({}));
  });

  it('reads valid values', () => {
    const environment = readEnvironment({
      QUEUE_PORT: '0',
      QUEUE_HOST: '127.0.0.1',
      QUEUE_DB: '/var/lib/queue/queue.sqlite',
      QUEUE_DEMO: '0',
      QUEUE_DEMO_AUTOPAIR: 'false',
      QUEUE_LOG_LEVEL: 'debug',
      QUEUE_TIME_START: '2026-11-24T10:00:00+02:00',
      QUEUE_KIOSK_PRINTERS: '{"kiosk-1":{"transport":"tcp","host":"192.168.1.50","profileId":"epson-80"}}',
      QUEUE_BACKUP_DIR: '/mnt/backups',
      QUEUE_BACKUP_HOURS: '0.5',
      QUEUE_BACKUP_KEEP: '1000',
      QUEUE_RETENTION_DAYS: '30',
      QUEUE_PRINTER_POLL_SECONDS: '5',
      QUEUE_TLS_CERT: 'cert.pem',
      QUEUE_TLS_KEY: 'key.pem',
      QUEUE_ALLOWED_ORIGINS: 'https://desk.example.org, http://10.0.0.5:5173',
      QUEUE_ALLOWED_HOSTS: 'Queue.Example.org, centre-1.local',
      QUEUE_TRUSTED_PROXIES: '10.0.0.5, fd00::/8',
      QUEUE_MDNS: '0',
      QUEUE_SERVER_ID: 'centre-1',
    });
    expect(environment).toEqual({
      port: 0,
      host: '127.0.0.1',
      databaseFile: '/var/lib/queue/queue.sqlite',
      demo: false,
      demoAutoPair: false,
      logLevel: 'debug',
      timeStart: '2026-11-24T10:00:00+02:00',
      kioskPrinters: { 'kiosk-1': { transport: 'tcp', host: '192.168.1.50', profileId: 'epson-80' } },
      backup: { folder: '/mnt/backups', keep: 1000, hours: 0.5 },
      printerPollSeconds: 5,
      retentionDays: 30,
      tls: { certFile: 'cert.pem', keyFile: 'key.pem' },
      allowedOrigins: ['https://desk.example.org', 'http://10.0.0.5:5173'],
      allowedHosts: ['queue.example.org', 'centre-1.local'],
      trustedProxies: ['10.0.0.5', 'fd00::/8'],
      mdns: false,
      serverId: 'centre-1',
    });
  });

  it('reads the bounds themselves and every spelling of a boolean', () => {
    expect(readEnvironment({ QUEUE_BACKUP_HOURS: '0.05', QUEUE_BACKUP_KEEP: '1' }).backup).toMatchObject({
      hours: 0.05,
      keep: 1,
    });
    expect(readEnvironment({ QUEUE_BACKUP_HOURS: '168', QUEUE_PORT: '65535' })).toMatchObject({
      backup: { hours: 168 },
      port: 65_535,
    });
    for (const [text, value] of [
      ['0', false],
      ['1', true],
      ['true', true],
      ['false', false],
      ['TRUE', true],
    ] as const) {
      expect(readEnvironment({ QUEUE_MDNS: text }).mdns).toBe(value);
    }
  });

  it.each([
    ['QUEUE_BACKUP_HOURS', '0', 'QUEUE_BACKUP_HOURS: expected a number between 0.05 and 168, got "0"'],
    ['QUEUE_BACKUP_HOURS', 'six', 'QUEUE_BACKUP_HOURS: expected a number between 0.05 and 168, got "six"'],
    ['QUEUE_BACKUP_HOURS', '169', 'QUEUE_BACKUP_HOURS: expected a number between 0.05 and 168, got "169"'],
    ['QUEUE_BACKUP_HOURS', '-1', 'QUEUE_BACKUP_HOURS: expected a number between 0.05 and 168, got "-1"'],
    ['QUEUE_BACKUP_KEEP', 'lots', 'QUEUE_BACKUP_KEEP: expected a whole number from 1 to 1000, got "lots"'],
    ['QUEUE_BACKUP_KEEP', '0', 'QUEUE_BACKUP_KEEP: expected a whole number from 1 to 1000, got "0"'],
    ['QUEUE_BACKUP_KEEP', '2.5', 'QUEUE_BACKUP_KEEP: expected a whole number from 1 to 1000, got "2.5"'],
    ['QUEUE_BACKUP_KEEP', '1001', 'QUEUE_BACKUP_KEEP: expected a whole number from 1 to 1000, got "1001"'],
    ['QUEUE_PORT', '65536', 'QUEUE_PORT: expected a port number from 0 to 65535, got "65536"'],
    ['QUEUE_PORT', 'http', 'QUEUE_PORT: expected a port number from 0 to 65535, got "http"'],
    ['QUEUE_PORT', '80.5', 'QUEUE_PORT: expected a port number from 0 to 65535, got "80.5"'],
    [
      'QUEUE_LOG_LEVEL',
      'verbose',
      'QUEUE_LOG_LEVEL: expected one of debug, info, warn, error, got "verbose"',
    ],
    ['QUEUE_DEMO', 'yes', 'QUEUE_DEMO: expected 0, 1, true or false, got "yes"'],
    ['QUEUE_DEMO_AUTOPAIR', 'off', 'QUEUE_DEMO_AUTOPAIR: expected 0, 1, true or false, got "off"'],
    ['QUEUE_MDNS', 'no', 'QUEUE_MDNS: expected 0, 1, true or false, got "no"'],
    [
      'QUEUE_RETENTION_DAYS',
      '0',
      'QUEUE_RETENTION_DAYS: expected a whole number of days, at least 1, got "0"',
    ],
    [
      'QUEUE_RETENTION_DAYS',
      '7.5',
      'QUEUE_RETENTION_DAYS: expected a whole number of days, at least 1, got "7.5"',
    ],
    ['QUEUE_TIME_START', 'tomorrow', 'QUEUE_TIME_START: expected a date and time such as'],
    [
      'QUEUE_KIOSK_PRINTERS',
      '{not json',
      'QUEUE_KIOSK_PRINTERS: expected kiosk printers by device id as JSON',
    ],
    [
      'QUEUE_KIOSK_PRINTERS',
      '{"kiosk-1":{"transport":"fax"}}',
      'QUEUE_KIOSK_PRINTERS: expected kiosk printers',
    ],
    [
      'QUEUE_ALLOWED_ORIGINS',
      'https://ok.example, ftp://x',
      'QUEUE_ALLOWED_ORIGINS: expected comma-separated',
    ],
    [
      'QUEUE_ALLOWED_HOSTS',
      'queue.example.org, http://x',
      'QUEUE_ALLOWED_HOSTS: expected comma-separated host names',
    ],
  ])('refuses %s=%j', (name, value, message) => {
    const text = refusal({ [name]: value });
    expect(text).toContain(message);
    expect(text.split('\n').filter((line) => line.trim().startsWith('QUEUE_'))).toHaveLength(1);
  });

  it('refuses a certificate without a key, and a key without a certificate', () => {
    expect(refusal({ QUEUE_TLS_CERT: 'cert.pem' })).toContain(
      'QUEUE_TLS_KEY: expected both QUEUE_TLS_CERT and QUEUE_TLS_KEY (PEM files) or neither, got only QUEUE_TLS_CERT',
    );
    expect(refusal({ QUEUE_TLS_KEY: 'key.pem' })).toContain('QUEUE_TLS_CERT: expected both');
  });

  it('lists every bad variable in one message', () => {
    const text = refusal({
      QUEUE_BACKUP_HOURS: '0',
      QUEUE_BACKUP_KEEP: 'x',
      QUEUE_LOG_LEVEL: 'loud',
      QUEUE_PORT: '-1',
      QUEUE_TLS_CERT: 'cert.pem',
    });
    expect(text.split('\n')).toEqual([
      'Bad environment settings:',
      '  QUEUE_PORT: expected a port number from 0 to 65535, got "-1"',
      '  QUEUE_LOG_LEVEL: expected one of debug, info, warn, error, got "loud"',
      '  QUEUE_BACKUP_HOURS: expected a number between 0.05 and 168, got "0"',
      '  QUEUE_BACKUP_KEEP: expected a whole number from 1 to 1000, got "x"',
      '  QUEUE_TLS_KEY: expected both QUEUE_TLS_CERT and QUEUE_TLS_KEY (PEM files) or neither, got only QUEUE_TLS_CERT',
    ]);
  });
});
