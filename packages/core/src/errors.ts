/**
 * Typed refusals of the queue rules. Every rule returns a `Result` instead of throwing,
 * so adapters can turn a refusal into a clear answer for the client.
 */
export type QueueErrorCode =
  | 'UNKNOWN_SERVICE'
  | 'UNKNOWN_DESK'
  | 'UNKNOWN_TICKET'
  | 'DUPLICATE_TICKET'
  | 'SITE_CLOSED'
  | 'SERVICE_CLOSED'
  | 'DAILY_LIMIT_REACHED'
  | 'NO_DESK_FOR_SERVICE'
  | 'NOT_ON_KIOSK'
  | 'ILLEGAL_TRANSITION'
  | 'DESK_CLOSED'
  | 'DESK_PAUSED'
  | 'DESK_BUSY'
  | 'DESK_OCCUPIED'
  | 'NOT_AT_THIS_DESK'
  | 'QUEUE_EMPTY'
  | 'KEPT_FOR_BOOKING'
  | 'NOT_ELIGIBLE'
  | 'NO_SHOW_TOO_EARLY'
  | 'OUTCOME_REQUIRED'
  | 'UNKNOWN_OUTCOME'
  | 'INVALID_ARGUMENT';

export interface QueueError {
  readonly code: QueueErrorCode;
  readonly message: string;
}

export type Result<T, E = QueueError> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

export const fail = (code: QueueErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});
