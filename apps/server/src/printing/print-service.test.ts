/** The status question's patience comes from the printer's profile, else the default. */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CENTRE, type Instant } from '@queue/core';
import { DEFAULT_STATUS_TIMEOUT_MS, type PrinterTransport } from '@queue/printer';
import { describe, expect, it } from 'vitest';
import { AlertCenter } from '../alerts';
import { silentLogger } from '../logger';
import { PrintService } from './print-service';

const PROFILES = new URL('../../../../hardware/printers/', import.meta.url);

/** A profiles folder with the shipped profiles, one of them given its own status timeout. */
const profilesWith = (profileId: string, statusTimeoutMs: number): string => {
  const dir = mkdtempSync(join(tmpdir(), 'profiles-'));
  for (const name of ['epson-80', 'xprinter-80', 'xprinter-58']) {
    copyFileSync(new URL(`${name}.json`, PROFILES), join(dir, `${name}.json`));
  }
  const file = join(dir, `${profileId}.json`);
  writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), statusTimeoutMs }));
  return dir;
};

const asked = async (profilesDir: string, profileId: string): Promise<number[]> => {
  const timeouts: number[] = [];
  const transport = {
    status: (timeoutMs: number) => {
      timeouts.push(timeoutMs);
      return Promise.resolve({ online: true, coverOpen: false, paperOut: false, paperNearEnd: false });
    },
  } as unknown as PrinterTransport;
  const centre = {
    ...DEMO_CENTRE,
    kiosks: [
      { deviceId: 'kiosk-1', name: 'Kiosk', printer: { transport: 'tcp', host: '127.0.0.1', profileId } },
    ],
  } as typeof DEMO_CENTRE;
  const service = new PrintService({
    centre: () => centre,
    alerts: new AlertCenter(silentLogger, () => 0 as Instant),
    logger: silentLogger,
    profilesDir,
    transportFor: () => transport,
  });
  await service.status('kiosk-1');
  return timeouts;
};

describe('the printer status question', () => {
  it('waits as long as the profile says, and the default otherwise', async () => {
    const dir = profilesWith('xprinter-80', 2_500);
    expect(await asked(dir, 'xprinter-80')).toEqual([2_500]);
    expect(await asked(dir, 'epson-80')).toEqual([DEFAULT_STATUS_TIMEOUT_MS]);
    // Three answers of 160 ms each, as cheap clones give them, fit the default.
    expect(DEFAULT_STATUS_TIMEOUT_MS).toBeGreaterThan(3 * 160 * 1.5);
  });
});
