import { describe, expect, it } from 'vitest';
import { requestIdFor, unansweredAfter } from './lost-answer';

describe('a request whose answer was lost', () => {
  const fresh = () => 'fresh';

  it('is repeated with its own id for the same subject, and only for it', () => {
    const lost = unansweredAfter({ ok: false, error: { code: 'INTERNAL' } }, '4821', 'first');
    expect(requestIdFor(lost, '4821', fresh)).toBe('first');
    expect(requestIdFor(lost, '4822', fresh)).toBe('fresh');
    expect(requestIdFor(undefined, '4821', fresh)).toBe('fresh');
  });

  it('is forgotten after any definite answer, a refusal included', () => {
    expect(unansweredAfter({ ok: true }, '4821', 'first')).toBeUndefined();
    expect(unansweredAfter({ ok: false, error: { code: 'NOT_FOUND' } }, '4821', 'first')).toBeUndefined();
  });
});
