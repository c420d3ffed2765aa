/**
 * A service's outcomes as the administrator edits them: a code and a name in every language
 * each, in the order the desk lists them. The checks here are the configuration's own
 * (`validateCentre` and the document's shape), told per outcome before anything is sent.
 */
import type { Language, LocalizedText, Outcome } from '@queue/core';
import { LANGUAGES } from '@queue/core';

/** The most outcomes a service may have (the document's shape). */
export const MAX_OUTCOMES = 50;

/** What an identifier in the configuration may hold. */
export const CODE_PATTERN = /^[a-z0-9._-]{1,64}$/;

export type OutcomeProblem =
  | { readonly index: number; readonly kind: 'emptyCode' }
  | { readonly index: number; readonly kind: 'badCode'; readonly code: string }
  | { readonly index: number; readonly kind: 'duplicate'; readonly code: string; readonly first: number }
  | { readonly index: number; readonly kind: 'emptyName'; readonly language: Language };

const EMPTY: LocalizedText = { uk: '', ru: '', en: '' };

/** The outcomes in a draft (the document's list, or nothing yet). */
export const outcomesOf = (value: unknown): readonly Outcome[] =>
  Array.isArray(value)
    ? value.map((entry: Partial<Outcome>) => ({
        code: typeof entry?.code === 'string' ? entry.code : '',
        name: { ...EMPTY, ...(entry?.name ?? {}) },
      }))
    : [];

export const blankOutcome = (): Outcome => ({ code: '', name: EMPTY });

/** Every problem of the list, in the order of the outcomes; none means it may be saved. */
export const outcomeProblems = (outcomes: readonly Outcome[]): OutcomeProblem[] => {
  const firstOf = new Map<string, number>();
  return outcomes.flatMap((outcome, index): OutcomeProblem[] => {
    const problems: OutcomeProblem[] = [];
    const code = outcome.code;
    if (code.trim() === '') problems.push({ index, kind: 'emptyCode' });
    else if (!CODE_PATTERN.test(code)) problems.push({ index, kind: 'badCode', code });
    else {
      const first = firstOf.get(code);
      if (first === undefined) firstOf.set(code, index);
      else problems.push({ index, kind: 'duplicate', code, first });
    }
    for (const language of LANGUAGES) {
      if ((outcome.name[language] ?? '').trim() === '') problems.push({ index, kind: 'emptyName', language });
    }
    return problems;
  });
};
