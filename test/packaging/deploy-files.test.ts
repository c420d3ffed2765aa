/**
 * The files an IT person installs next to the packages: the server's systemd unit (checked by
 * `systemd-analyze verify` where systemd is installed, and for the keys the deployment guide
 * relies on everywhere), and the kiosk's and board's autostart entries for Linux desktops.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../server/harness';

type IniFile = Map<string, Map<string, string[]>>;

/** systemd's and freedesktop's INI dialect: sections, `Key=value`, repeated keys kept in order. */
const parseIni = (text: string): IniFile => {
  const sections: IniFile = new Map();
  let current: Map<string, string[]> | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      current = new Map();
      sections.set(section[1] ?? '', current);
      continue;
    }
    const separator = line.indexOf('=');
    if (!current || separator < 1) throw new Error(`not a key=value line: ${line}`);
    const key = line.slice(0, separator).trim();
    current.set(key, [...(current.get(key) ?? []), line.slice(separator + 1).trim()]);
  }
  return sections;
};

const UNIT_PATH = join(REPO_ROOT, 'deploy/systemd/queue-centre.service');
const unitText = readFileSync(UNIT_PATH, 'utf8');
const unit = parseIni(unitText);
const service = unit.get('Service') ?? new Map<string, string[]>();
const one = (key: string) => service.get(key)?.at(-1);
const environment = new Map(
  (service.get('Environment') ?? []).map((pair) => [
    pair.slice(0, pair.indexOf('=')),
    pair.slice(pair.indexOf('=') + 1),
  ]),
);

const systemdAnalyze = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
const hasSystemdAnalyze = systemdAnalyze.status === 0;

describe('the server’s systemd unit', () => {
  it('runs as its own user, with the database and backups in its state folder', () => {
    expect([...unit.keys()]).toEqual(['Unit', 'Service', 'Install']);
    expect(one('User')).toBe('queue-centre');
    expect(one('StateDirectory')?.split(' ')).toEqual(['queue-centre', 'queue-centre/backups']);
    expect(environment.get('QUEUE_DB')).toBe('/var/lib/queue-centre/queue.sqlite');
    expect(environment.get('QUEUE_BACKUP_DIR')).toBe('/var/lib/queue-centre/backups');
    expect(environment.get('QUEUE_DEMO')).toBe('0');
    expect(one('EnvironmentFile')).toBe('-/etc/queue-centre/queue-centre.env');
    expect(one('ExecStart')).toBe('/usr/bin/node --import tsx apps/server/src/main.ts');
  });

  it('restarts after a failure, stops cleanly, starts at boot, and is hardened', () => {
    expect(one('Restart')).toBe('on-failure');
    expect(one('KillSignal')).toBe('SIGTERM');
    expect(unit.get('Install')?.get('WantedBy')).toEqual(['multi-user.target']);
    expect(unit.get('Unit')?.get('After')).toEqual(['network-online.target']);
    for (const [key, value] of [
      ['NoNewPrivileges', 'yes'],
      ['ProtectSystem', 'strict'],
      ['ProtectHome', 'yes'],
      ['PrivateTmp', 'yes'],
      ['CapabilityBoundingSet', ''],
    ])
      expect(one(key ?? ''), key).toBe(value);
    // Node's JIT needs writable executable memory: that hardening option would kill the server.
    expect(service.has('MemoryDenyWriteExecute')).toBe(false);
  });

  it.skipIf(!hasSystemdAnalyze)(
    'passes systemd-analyze verify without a warning (skipped without systemd-analyze)',
    () => {
      const folder = mkdtempSync(join(tmpdir(), 'queue-unit-'));
      try {
        // verify checks that ExecStart's program exists: point it at this machine's Node.
        const copy = join(folder, 'queue-centre.service');
        writeFileSync(copy, unitText.replace('ExecStart=/usr/bin/node ', `ExecStart=${process.execPath} `));
        const verify = spawnSync('systemd-analyze', ['verify', copy], { encoding: 'utf8' });
        expect(verify.stderr).toBe('');
        expect(verify.status).toBe(0);

        // And it does complain about a mistake, so the empty output above means something.
        writeFileSync(copy, unitText.replace('Restart=on-failure', 'Restart=sometimes'));
        expect(spawnSync('systemd-analyze', ['verify', copy], { encoding: 'utf8' }).stderr).toContain(
          'restart',
        );
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  );
});

describe('the window LED driver’s systemd unit', () => {
  const ledText = readFileSync(join(REPO_ROOT, 'deploy/systemd/queue-window-led.service'), 'utf8');
  const led = parseIni(ledText).get('Service') ?? new Map<string, string[]>();

  it('runs the driver as its own user in dialout, with only the serial devices', () => {
    expect(led.get('User')).toEqual(['queue-window-led']);
    expect(led.get('SupplementaryGroups')).toEqual(['dialout']);
    expect(led.get('ExecStart')).toEqual([
      '/usr/bin/node --import tsx hardware/window-led/src/main.ts --config /etc/queue-centre/window-led.json',
    ]);
    expect(led.get('DevicePolicy')).toEqual(['closed']);
    expect(led.get('DeviceAllow')).toEqual(['char-ttyUSB rw', 'char-ttyACM rw', 'char-ttyS rw']);
    expect(led.get('Restart')).toEqual(['on-failure']);
  });

  it.skipIf(!hasSystemdAnalyze)('passes systemd-analyze verify (skipped without systemd-analyze)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'queue-unit-'));
    try {
      const copy = join(folder, 'queue-window-led.service');
      writeFileSync(copy, ledText.replace('ExecStart=/usr/bin/node ', `ExecStart=${process.execPath} `));
      const verify = spawnSync('systemd-analyze', ['verify', copy], { encoding: 'utf8' });
      expect(verify.stderr).toBe('');
      expect(verify.status).toBe(0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('autostart on Linux desktops', () => {
  it.each(['kiosk', 'display'])('%s: a desktop entry that starts the installed app', (app) => {
    const entry = parseIni(
      readFileSync(join(REPO_ROOT, `deploy/autostart/queue-${app}.desktop`), 'utf8'),
    ).get('Desktop Entry');
    expect(entry?.get('Type')).toEqual(['Application']);
    expect(entry?.get('Exec')).toEqual([`queue-${app}`]);
    expect(entry?.get('Name[uk]')?.[0]).toMatch(/^Черга — /);
    const builder = readFileSync(join(REPO_ROOT, `apps/${app}/electron-builder.yml`), 'utf8');
    expect(builder).toContain(`executableName: queue-${app}`);
  });
});
