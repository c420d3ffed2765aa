/**
 * A report as a table of numbers: the same columns and the same rounding for the screen,
 * the CSV and the XLSX export, so that what is exported is what was shown. Durations are in
 * minutes to one decimal, shares in percent to one decimal; a missing figure is null.
 */
import type { DurationSummary, ReportFigures, Share } from './types';

export const REPORT_COLUMNS = [
  'issued',
  'served',
  'noShow',
  'cancelled',
  'transferred',
  'waitMean',
  'waitMedian',
  'waitP90',
  'waitMax',
  'serviceMean',
  'serviceMedian',
  'serviceP90',
  'serviceMax',
  'withinStandardPercent',
  'punctualPercent',
  'priorityIssued',
  'priorityConfirmed',
  'ratingsCount',
  'ratingsMean',
] as const;
export type ReportColumn = (typeof REPORT_COLUMNS)[number];

export type ReportCells = Readonly<Record<ReportColumn, number | null>>;

const roundTo = (value: number, decimals: number): number => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

const inMinutes = (seconds: number | null): number | null =>
  seconds === null ? null : roundTo(seconds / 60, 1);

const percent = (share: Share): number | null =>
  share.share === null ? null : roundTo(share.share * 100, 1);

const durationCells = (summary: DurationSummary) => ({
  mean: inMinutes(summary.mean),
  median: inMinutes(summary.median),
  p90: inMinutes(summary.p90),
  max: inMinutes(summary.max),
});

export const reportCells = (figures: ReportFigures): ReportCells => {
  const wait = durationCells(figures.wait);
  const service = durationCells(figures.service);
  return {
    issued: figures.issued,
    served: figures.served,
    noShow: figures.noShow,
    cancelled: figures.cancelled,
    transferred: figures.transferred,
    waitMean: wait.mean,
    waitMedian: wait.median,
    waitP90: wait.p90,
    waitMax: wait.max,
    serviceMean: service.mean,
    serviceMedian: service.median,
    serviceP90: service.p90,
    serviceMax: service.max,
    withinStandardPercent: percent(figures.withinStandard),
    punctualPercent: percent(figures.punctual),
    priorityIssued: figures.priorityIssued,
    priorityConfirmed: figures.priorityConfirmed,
    ratingsCount: figures.ratings.count,
    ratingsMean: figures.ratings.mean === null ? null : roundTo(figures.ratings.mean, 2),
  };
};
