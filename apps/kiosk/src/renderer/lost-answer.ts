/**
 * A request whose answer was lost (the connection dropped, the server did not answer in
 * time) may still have been carried out. Repeating it with the same request id makes the
 * server answer the first attempt again (the same ticket) instead of acting twice or
 * refusing the repeat ("already checked in"); anything definite starts afresh.
 */
import type { WireError } from '@queue/protocol';

export interface Unanswered {
  /** What the request was for: a service code, a booking code. */
  readonly subject: string;
  readonly requestId: string;
}

/** The id for a request about `subject`: the lost one's when it is the same, else a new one. */
export const requestIdFor = (
  unanswered: Unanswered | undefined,
  subject: string,
  fresh: () => string,
): string => (unanswered?.subject === subject ? unanswered.requestId : fresh());

/** What to remember after an answer: the request again if its answer was lost, else nothing. */
export const unansweredAfter = (
  answer: { readonly ok: true } | { readonly ok: false; readonly error: Pick<WireError, 'code'> },
  subject: string,
  requestId: string,
): Unanswered | undefined =>
  !answer.ok && answer.error.code === 'INTERNAL' ? { subject, requestId } : undefined;
