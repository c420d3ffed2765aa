/**
 * When a command may be sent again under the same request id: the answer did not come
 * (the link was down, or dropped while waiting), so the server may or may not have carried
 * it out. A retry of the same command with the same id is then done at most once.
 */
import type { Ack } from '@queue/protocol';

/** The answers `connection.request` gives when no answer came from the server. */
export const isTransportFailure = (answer: Ack<unknown>): boolean =>
  !answer.ok &&
  answer.error.code === 'INTERNAL' &&
  (answer.error.message === 'offline' || answer.error.message === 'timeout');

/** The same command with the same content is the same action, retried. */
export const retryKey = (event: string, payload: unknown): string => `${event}:${JSON.stringify(payload)}`;

/** The id to send: the one kept for a retry of this action, or a fresh one. */
export const requestIdFor = (kept: ReadonlyMap<string, string>, key: string, fresh: () => string): string =>
  kept.get(key) ?? fresh();
