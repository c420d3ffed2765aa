/** The profiles in hardware/printers load and agree with the schema; bad ones are refused. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PrinterProfileError, loadPrinterProfile, loadPrinterProfiles, parsePrinterProfile } from './profile';

const PROFILES_DIR = fileURLToPath(new URL('../../../hardware/printers/', import.meta.url));

describe('printer profiles', () => {
  it('loads the shipped profiles', async () => {
    const profiles = await loadPrinterProfiles(PROFILES_DIR);
    expect([...profiles.keys()]).toEqual(['epson-80', 'xprinter-58', 'xprinter-80']);
    expect(profiles.get('epson-80')).toMatchObject({
      codePage: 46,
      leaveDoubleByteMode: false,
      charsPerLine: 48,
    });
    expect(profiles.get('xprinter-80')).toMatchObject({
      codePage: 73,
      leaveDoubleByteMode: true,
      dotsPerLine: 576,
    });
    expect(profiles.get('xprinter-58')).toMatchObject({
      render: 'raster',
      dotsPerLine: 384,
      charsPerLine: 32,
    });
  });

  it('refuses a profile with a wrong field, naming the field', async () => {
    const good = await loadPrinterProfile(join(PROFILES_DIR, 'epson-80.json'));
    expect(() => parsePrinterProfile({ ...good, dotsPerLine: 570 })).toThrow(/dotsPerLine/);
    expect(() => parsePrinterProfile({ ...good, codePage: 300 })).toThrow(PrinterProfileError);
    expect(() => parsePrinterProfile({ ...good, encoding: 'utf-8' })).toThrow(/encoding/);
    expect(() => parsePrinterProfile({ ...good, colour: true })).toThrow(PrinterProfileError);
    expect(() => parsePrinterProfile({ ...good, render: 'raster', rasterFallback: false })).toThrow(/raster/);
  });

  it('reports unreadable files and duplicate ids', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'profiles-'));
    await writeFile(join(dir, 'broken.json'), '{');
    await expect(loadPrinterProfile(join(dir, 'broken.json'))).rejects.toThrow(PrinterProfileError);
    const other = await mkdtemp(join(tmpdir(), 'profiles-'));
    const good = await loadPrinterProfile(join(PROFILES_DIR, 'epson-80.json'));
    await writeFile(join(other, 'a.json'), JSON.stringify(good));
    await writeFile(join(other, 'b.json'), JSON.stringify(good));
    await expect(loadPrinterProfiles(other)).rejects.toThrow(/duplicate/);
  });
});
