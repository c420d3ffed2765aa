import { DEMO_CENTRE, type DeskId, type Instant, type ServiceCode } from '@queue/core';
import { describe, expect, it } from 'vitest';
import { deskWindow, findWindowDesk } from './desk-window';
import type { CallView, PublicSummary } from './views';

const call = (seq: number, deskId: string, number: string, kind: CallView['kind'] = 'call'): CallView => ({
  seq,
  kind,
  number,
  serviceCode: 'doc-residence' as ServiceCode,
  deskId: deskId as DeskId,
  at: 1_000 as Instant,
});

const summary = (
  seq: number,
  deskTickets: Record<string, string>,
  status: 'open' | 'paused' = 'open',
): PublicSummary => ({
  at: 1_000 as Instant,
  services: {},
  desks: [{ id: 'desk-5' as DeskId, status }],
  deskTickets,
  seq,
});

describe('what a window display shows', () => {
  it('finds its desk by number or by id, and no other', () => {
    expect(findWindowDesk(DEMO_CENTRE, '5')?.id).toBe('desk-5');
    expect(findWindowDesk(DEMO_CENTRE, 'desk-13')?.number).toBe(13);
    expect(findWindowDesk(DEMO_CENTRE, '99')).toBeUndefined();
    expect(findWindowDesk(DEMO_CENTRE, '5a')).toBeUndefined();
    expect(findWindowDesk(DEMO_CENTRE, undefined)).toBeUndefined();
    expect(deskWindow(DEMO_CENTRE, undefined, [], '99')).toEqual({ kind: 'unknown' });
  });

  it('shows the desk’s newest call at once, before the summary has its number', () => {
    const calls = [call(3, 'desk-5', 'П-001'), call(4, 'desk-1', 'А-001'), call(6, 'desk-5', 'П-002')];
    const view = deskWindow(DEMO_CENTRE, summary(5, { 'desk-5': 'П-001' }), calls, '5');
    expect(view).toMatchObject({ kind: 'called', number: 'П-002', call: { seq: 6 } });
  });

  it('is free once a summary that includes the call says the desk holds no number', () => {
    const calls = [call(3, 'desk-5', 'П-001'), call(4, 'desk-1', 'А-001')];
    expect(deskWindow(DEMO_CENTRE, summary(4, { 'desk-5': 'П-001' }), calls, '5')).toMatchObject({
      kind: 'called',
      number: 'П-001',
    });
    expect(deskWindow(DEMO_CENTRE, summary(7, { 'desk-1': 'А-001' }), calls, '5')).toMatchObject({
      kind: 'free',
      status: 'open',
    });
    expect(deskWindow(DEMO_CENTRE, summary(7, {}, 'paused'), calls, '5')).toMatchObject({ status: 'paused' });
    // A desk not opened today is not in the summary: closed.
    expect(deskWindow(DEMO_CENTRE, summary(7, {}), [], '9')).toMatchObject({
      kind: 'free',
      status: 'closed',
    });
  });

  it('says the number is served once the summary that includes the call marks the visitor come', () => {
    const calls = [call(3, 'desk-5', 'П-001')];
    const come = { ...summary(4, { 'desk-5': 'П-001' }), servingDesks: ['desk-5' as DeskId] };
    expect(deskWindow(DEMO_CENTRE, come, calls, '5')).toMatchObject({ number: 'П-001', serving: true });
    expect(deskWindow(DEMO_CENTRE, summary(4, { 'desk-5': 'П-001' }), calls, '5')).not.toHaveProperty(
      'serving',
    );
    // A newer call than the summary knows is a call, whatever the summary said of the last one.
    const next = [...calls, call(6, 'desk-5', 'П-002')];
    expect(deskWindow(DEMO_CENTRE, come, next, '5')).not.toHaveProperty('serving');
  });

  it('keeps the call when the server sends no desk numbers (an older server)', () => {
    const { deskTickets: _omitted, seq: _none, ...old } = summary(9, {});
    expect(deskWindow(DEMO_CENTRE, old, [call(3, 'desk-5', 'П-001')], '5')).toMatchObject({ kind: 'called' });
  });
});
