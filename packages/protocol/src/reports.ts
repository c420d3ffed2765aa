/**
 * Reports: supervisors and administrators ask for figures over a range of service days,
 * grouped one way, on screen (`report:run`) or as a file (`GET /api/reports/export`).
 */
import { REPORT_GROUPINGS, type Report, type StaffingPlan } from '@queue/core';
import { z } from 'zod';

/** The longest period one report may cover (a year and a little). */
export const MAX_REPORT_DAYS = 370;

const DAY_MS = 86_400_000;

const ServiceDayText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine((value) => {
    const parsed = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
  }, 'not a calendar date');

const reportFields = {
  /** First service day, inclusive. */
  from: ServiceDayText,
  /** Last service day, inclusive. */
  to: ServiceDayText,
  groupBy: z.enum(REPORT_GROUPINGS),
  organisationId: z.string().min(1).max(64).optional(),
};

const periodIsSound = (query: { from: string; to: string }): boolean => {
  const span = (Date.parse(query.to) - Date.parse(query.from)) / DAY_MS;
  return span >= 0 && span < MAX_REPORT_DAYS;
};
const periodMessage = {
  message: `from must not be after to, and the period at most ${MAX_REPORT_DAYS} days`,
};

export const ReportRunPayload = z.strictObject(reportFields).refine(periodIsSound, periodMessage);
export type ReportRunPayload = z.infer<typeof ReportRunPayload>;

export const REPORT_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ReportExportFormat = (typeof REPORT_EXPORT_FORMATS)[number];

/** The export's query string: the report's fields, the file format and the headings' language. */
export const ReportExportQuery = z
  .strictObject({
    ...reportFields,
    format: z.enum(REPORT_EXPORT_FORMATS),
    lang: z.enum(['uk', 'ru', 'en']).optional(),
  })
  .refine(periodIsSound, periodMessage);
export type ReportExportQuery = z.infer<typeof ReportExportQuery>;

/** A report with the names the screen cannot know by itself (operators are not in the configuration). */
export interface ReportView extends Report {
  readonly operatorNames: Readonly<Record<string, string>>;
}

/** Tomorrow's plan: the desks a day needs per hour and organisation (`report:staffing`). */
export const StaffingPlanPayload = z.strictObject({
  day: ServiceDayText,
  organisationId: z.string().min(1).max(64).optional(),
});
export type StaffingPlanPayload = z.infer<typeof StaffingPlanPayload>;
export type StaffingPlanAnswer = StaffingPlan;
