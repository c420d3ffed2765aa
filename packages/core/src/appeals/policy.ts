/**
 * The terms a centre works appeals by, and how long it keeps applicants' personal data.
 * Defaults follow the client-department standard in `docs/appeals.md`: hand-over in 1 day,
 * an answer in 10, one extension of at most 10, 21 days in all.
 */
export const APPEAL_DAY_KINDS = ['calendar', 'working'] as const;
export type AppealDayKind = (typeof APPEAL_DAY_KINDS)[number];

export interface AppealPolicy {
  /** Registration, classification and hand-over to the responsible person. */
  readonly classifyDays: number;
  /** The answer, counted from registration. */
  readonly answerDays: number;
  /** The one extension an appeal may have, added to its answer term. */
  readonly extensionDays: number;
  /** No appeal's answer term, extended or not, goes past this, counted from registration. */
  readonly totalDays: number;
  readonly dayKind: AppealDayKind;
  /** Years the applicant's name, address and contacts are kept after the appeal closes. */
  readonly personalDataYears: number;
}

export const DEFAULT_APPEAL_POLICY: AppealPolicy = {
  classifyDays: 1,
  answerDays: 10,
  extensionDays: 10,
  totalDays: 21,
  dayKind: 'calendar',
  personalDataYears: 3,
};

/** A centre's settings over the defaults. */
export const appealPolicyOf = (settings: Partial<AppealPolicy> | undefined): AppealPolicy => ({
  ...DEFAULT_APPEAL_POLICY,
  ...settings,
});

/** Why a policy cannot be used, or undefined when it can. */
export const appealPolicyProblem = (policy: AppealPolicy): string | undefined => {
  const whole = (value: number, min: number, max: number) =>
    Number.isInteger(value) && value >= min && value <= max;
  if (!whole(policy.classifyDays, 0, 30)) return 'classifyDays must be a whole number of days, 0 to 30';
  if (!whole(policy.answerDays, 1, 90)) return 'answerDays must be a whole number of days, 1 to 90';
  if (!whole(policy.extensionDays, 0, 90)) return 'extensionDays must be a whole number of days, 0 to 90';
  if (!whole(policy.totalDays, 1, 180)) return 'totalDays must be a whole number of days, 1 to 180';
  if (policy.totalDays < policy.answerDays) return 'totalDays cannot be shorter than answerDays';
  if (policy.classifyDays > policy.answerDays) return 'classifyDays cannot be longer than answerDays';
  if (!whole(policy.personalDataYears, 1, 75)) return 'personalDataYears must be 1 to 75 years';
  return undefined;
};
