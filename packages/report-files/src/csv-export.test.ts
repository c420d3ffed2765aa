/**
 * The CSV export against formula injection (OWASP "CSV injection"): a text cell that starts
 * with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`, so that a
 * spreadsheet shows it as text instead of running it; figures stay numbers.
 */
import { type Centre, DEMO_CENTRE, type ReportFigures } from '@queue/core';
import type { ReportView } from '@queue/protocol';
import { describe, expect, it } from 'vitest';
import { reportCsv } from './report-files';

const figures = (issued: number, waitMean: number | null = null): ReportFigures => ({
  issued,
  served: issued,
  noShow: 0,
  cancelled: 0,
  transferred: 0,
  wait: { count: issued, mean: waitMean, median: null, p90: null, max: null },
  service: { count: 0, mean: null, median: null, p90: null, max: null },
  withinStandard: { met: 0, total: 0, share: null },
  punctual: { met: 0, total: 0, share: null },
  priorityIssued: 0,
  priorityConfirmed: 0,
  ratings: { count: 0, mean: null },
});

const report = (
  groupBy: ReportView['groupBy'],
  rows: ReportView['rows'],
  total = figures(0),
): ReportView => ({
  from: '2026-11-24',
  to: '2026-11-24',
  groupBy,
  rows,
  total,
  arrivalsByHour: Array.from({ length: 24 }, () => 0),
  arrivalsByWeekday: Array.from({ length: 7 }, () => 0),
  waitDistribution: [],
  operatorNames: {},
});

/** The demo centre with its first services and organisations renamed. */
const renamed = (services: readonly string[], organisations: readonly string[]): Centre => ({
  ...DEMO_CENTRE,
  services: DEMO_CENTRE.services.map((service, index) =>
    index < services.length
      ? { ...service, name: { uk: services[index]!, ru: services[index]!, en: services[index]! } }
      : service,
  ),
  organisations: DEMO_CENTRE.organisations.map((organisation, index) =>
    index < organisations.length
      ? {
          ...organisation,
          name: { uk: organisations[index]!, ru: organisations[index]!, en: organisations[index]! },
        }
      : organisation,
  ),
});

/** The CSV's rows, without the byte-order mark, split on CRLF outside quotes (none span lines here). */
const lines = (csv: Buffer): string[] =>
  csv
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n');

describe('CSV export against formula injection', () => {
  const dangerous = ['=HYPERLINK("http://evil.example","x")', '@SUM(1)', '+1+2', '-2+3', '\tTab', '=1+2'];

  it('prefixes service names that a spreadsheet would run as formulas', () => {
    const centre = renamed(dangerous, []);
    const rows = dangerous.map((_, index) => ({
      key: DEMO_CENTRE.services[index]!.code,
      figures: figures(index + 1),
    }));
    const csv = lines(reportCsv(report('service', rows), centre, 'en'));
    expect(csv[1]).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")",1,1,0,0,0,,,,,,,,,,,0,0,0,`);
    expect(csv[2]?.startsWith("'@SUM(1),2,")).toBe(true);
    expect(csv[3]?.startsWith("'+1+2,3,")).toBe(true);
    expect(csv[4]?.startsWith("'-2+3,4,")).toBe(true);
    expect(csv[5]?.startsWith("'\tTab,5,")).toBe(true);
    expect(csv[6]?.startsWith("'=1+2,6,")).toBe(true);
  });

  it('prefixes organisation names, and a carriage return at the start is quoted as well', () => {
    const centre = renamed([], ['@SUM(1)', '\r=cmd']);
    const rows = [
      { key: DEMO_CENTRE.organisations[0]!.id, figures: figures(1) },
      { key: DEMO_CENTRE.organisations[1]!.id, figures: figures(2) },
    ];
    const text = reportCsv(report('organisation', rows), centre, 'en').toString('utf8');
    expect(text).toContain("\r\n'@SUM(1),1,");
    expect(text).toContain(`\r\n"'\r=cmd",2,`);
    expect(text).not.toMatch(/(^|[\n,])[=+\-@]/);
  });

  it('keeps figures as numbers, negative ones included, and harmless text unchanged', () => {
    const centre = renamed(['Paying for services'], []);
    const rows = [{ key: DEMO_CENTRE.services[0]!.code, figures: figures(-3, -90) }];
    const csv = lines(reportCsv(report('service', rows, figures(-3, -90)), centre, 'en'));
    expect(csv[1]).toBe('Paying for services,-3,-3,0,0,0,-1.5,,,,,,,,,,0,0,0,');
    expect(csv[2]?.startsWith('Total,-3,-3,')).toBe(true);
  });

  it('leaves a text cell that is a plain number unprefixed', () => {
    const rows = [{ key: '-3', figures: figures(1) }];
    const csv = lines(reportCsv(report('day', rows), DEMO_CENTRE, 'en'));
    expect(csv[1]?.startsWith('-3,1,')).toBe(true);
  });
});
