/**
 * The setup page's request: its shape checked by a schema (a malformed body is a 400 from
 * the HTTP layer), then what only this form has (the password typed twice, the hours) turned
 * into the setup's input or into problems by field, beside the setup's own (`first-run.ts`).
 */
import { type Centre, LANGUAGES, type WeeklyHours, isTime } from '@queue/core';
import { z } from 'zod';
import type { SetupInput } from '../first-run';
import type { PageProblemKey } from './messages';

/** An exported configuration is some tens of kB; the reference one about 60. */
export const MAX_SETUP_BYTES = 2 * 1024 * 1024;

const Hours = z.strictObject({ from: z.string().max(8), to: z.string().max(8) });

export const SetupBody = z.strictObject({
  /** The one-time code; needed only away from the server's machine. */
  code: z.string().max(64).optional(),
  /** The page's language: names the terminal paired with a setup from afar. */
  language: z.enum(LANGUAGES).optional(),
  centreName: z.string().max(200),
  timeZone: z.string().max(64),
  weekdays: Hours,
  /** Absent: closed at weekends. */
  weekend: Hours.optional(),
  admin: z.strictObject({
    login: z.string().max(64),
    name: z.string().max(200),
    password: z.string().max(256),
    passwordAgain: z.string().max(256),
  }),
  catalogue: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('reference') }),
    z.strictObject({ kind: z.literal('empty') }),
    /** The file's content as parsed JSON; checked as a configuration by the setup. */
    z.strictObject({ kind: z.literal('file'), centre: z.unknown() }),
  ]),
});

export type SetupBody = z.infer<typeof SetupBody>;

export interface PageProblem {
  readonly field: string;
  readonly key: PageProblemKey;
  readonly details?: readonly string[];
}

const hoursProblems = (field: string, range: { from: string; to: string }): PageProblem[] => {
  if (!isTime(range.from) || !isTime(range.to)) return [{ field, key: 'hoursFormat' }];
  return range.from < range.to ? [] : [{ field, key: 'hoursOrder' }];
};

/** The form's own problems: hours and the repeated password. */
export const formProblems = (body: SetupBody): PageProblem[] => [
  ...hoursProblems('weekdays', body.weekdays),
  ...(body.weekend ? hoursProblems('weekend', body.weekend) : []),
  ...(body.admin.password !== body.admin.passwordAgain
    ? [{ field: 'passwordAgain', key: 'passwordMismatch' } as const]
    : []),
];

export const setupInputOf = (body: SetupBody): SetupInput => {
  const weekday = [{ from: body.weekdays.from, to: body.weekdays.to }];
  const weekend = body.weekend ? [{ from: body.weekend.from, to: body.weekend.to }] : undefined;
  const hours: WeeklyHours = {
    1: weekday,
    2: weekday,
    3: weekday,
    4: weekday,
    5: weekday,
    ...(weekend ? { 6: weekend, 7: weekend } : {}),
  };
  const catalogue = body.catalogue.kind === 'file' ? (body.catalogue.centre as Centre) : body.catalogue.kind;
  return {
    centre: { name: body.centreName.trim(), timeZone: body.timeZone, hours, catalogue },
    admin: { login: body.admin.login, name: body.admin.name, password: body.admin.password },
  };
};
