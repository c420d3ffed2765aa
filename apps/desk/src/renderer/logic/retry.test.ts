import { describe, expect, it } from 'vitest';
import { isTransportFailure, requestIdFor, retryKey } from './retry';

describe('retrying a command without doing it twice', () => {
  it('treats only a missing answer as a transport failure', () => {
    expect(isTransportFailure({ ok: false, error: { code: 'INTERNAL', message: 'offline' } })).toBe(true);
    expect(isTransportFailure({ ok: false, error: { code: 'INTERNAL', message: 'timeout' } })).toBe(true);
    expect(isTransportFailure({ ok: false, error: { code: 'INTERNAL', message: 'The server failed' } })).toBe(
      false,
    );
    expect(isTransportFailure({ ok: false, error: { code: 'QUEUE_EMPTY', message: 'empty' } })).toBe(false);
    expect(isTransportFailure({ ok: true, data: null })).toBe(false);
  });

  it('reuses the kept id for the same command and content, a fresh one otherwise', () => {
    const kept = new Map([[retryKey('visit:complete', { ticketId: 't1', outcome: 'resolved' }), 'id-1']]);
    const fresh = () => 'id-new';
    expect(
      requestIdFor(kept, retryKey('visit:complete', { ticketId: 't1', outcome: 'resolved' }), fresh),
    ).toBe('id-1');
    expect(
      requestIdFor(kept, retryKey('visit:complete', { ticketId: 't1', outcome: 'refused' }), fresh),
    ).toBe('id-new');
    expect(requestIdFor(kept, retryKey('visit:no-show', { ticketId: 't1' }), fresh)).toBe('id-new');
  });
});
