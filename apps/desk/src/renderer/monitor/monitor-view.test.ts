import type { SyncState } from '@queue/client';
import {
  type DeskId,
  type DeskState,
  type StaffId,
  instant,
  serviceCode,
  ticketId,
  ticketTableOf,
} from '@queue/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { T0, centre, queueOf, ticketOf } from '../logic/fixtures';
import { AT_RISK_RATIO, monitorViewOf, servicesToShow, waitRisk } from './monitor-view';

const MINUTE = 60_000;
const desk = (id: string, state: Omit<DeskState, 'id' | 'privilegedStreak'>): DeskState => ({
  id: id as DeskId,
  privilegedStreak: 0,
  ...state,
});

describe('waitRisk', () => {
  it('is ok below 80% of the standard, at risk from there, over from the standard on', () => {
    expect(waitRisk(11, 15)).toBe('ok');
    expect(waitRisk(12, 15)).toBe('at-risk');
    expect(waitRisk(14, 15)).toBe('at-risk');
    expect(waitRisk(15, 15)).toBe('over');
  });

  it('never improves as the wait grows', () => {
    const order = { ok: 0, 'at-risk': 1, over: 2 };
    fc.assert(
      fc.property(fc.nat(600), fc.nat(600), fc.integer({ min: 1, max: 240 }), (a, b, standard) => {
        const [shorter, longer] = a <= b ? [a, b] : [b, a];
        expect(order[waitRisk(shorter, standard)]).toBeLessThanOrEqual(order[waitRisk(longer, standard)]);
        expect(waitRisk(longer, standard) === 'ok').toBe(longer < standard * AT_RISK_RATIO);
      }),
    );
  });
});

describe('monitorViewOf', () => {
  const now = T0 + 20 * MINUTE;
  const serving = ticketOf({
    status: 'serving',
    deskId: 'desk-1' as DeskId,
    calledAt: instant(T0 + 13 * MINUTE),
    servingStartedAt: instant(T0 + 14 * MINUTE),
  });
  const waitedLong = ticketOf({ queuedAt: instant(T0) });
  const waitedSome = ticketOf({ queuedAt: instant(T0 + 7 * MINUTE) });
  const postponed = ticketOf({ status: 'postponed', queuedAt: instant(T0) });
  const other = ticketOf({ serviceCode: serviceCode('bill-explain'), queuedAt: instant(T0 + 8 * MINUTE) });
  const queue = {
    ...queueOf([serving, waitedLong, waitedSome, postponed, other]),
    desks: {
      ['desk-1' as DeskId]: desk('desk-1', {
        status: 'open',
        operatorId: 'operator1' as StaffId,
        currentTicketId: serving.id,
        since: instant(T0),
      }),
      ['desk-2' as DeskId]: desk('desk-2', {
        status: 'paused',
        pauseReason: 'Обід',
        operatorId: 'operator2' as StaffId,
        since: instant(T0 + 15 * MINUTE),
      }),
    },
  };
  const sync: SyncState = {
    seq: 1,
    calls: [],
    clockOffsetMs: 0,
    centre,
    queue,
    alerts: [{ deviceId: 'kiosk-1', kind: 'paper-out', since: instant(T0), message: 'paper out' }],
  };
  const view = monitorViewOf(sync, now);

  it('shows each desk: serving whom since the call, paused with its reason, closed', () => {
    expect(view.desks).toHaveLength(centre.desks.length);
    expect(view.desks[0]).toMatchObject({
      status: 'open',
      ticket: { id: serving.id },
      minutes: 7,
      operatorId: 'operator1',
    });
    expect(view.desks[1]).toMatchObject({ status: 'paused', pauseReason: 'Обід', minutes: 5 });
    expect(view.desks[2]).toEqual({ desk: centre.desks[2], status: 'closed' });
  });

  it('counts waiting visitors, the longest wait and those past the standard (15 min)', () => {
    const reconcile = view.services.find((row) => row.service.code === 'bill-reconcile');
    expect(reconcile).toMatchObject({
      waiting: 2,
      longestWaitMinutes: 20,
      overStandard: 1,
      risk: 'over',
      openDesks: 1,
    });
    const explain = view.services.find((row) => row.service.code === 'bill-explain');
    expect(explain).toMatchObject({ waiting: 1, longestWaitMinutes: 12, overStandard: 0, risk: 'at-risk' });
    expect(view.warnings.map((row) => row.service.code)).toEqual(['bill-reconcile', 'bill-explain']);
    expect(view.alerts.map((alert) => alert.kind)).toEqual(['paper-out']);
  });

  it('lists services with a queue first, and every service on request', () => {
    const localize = (text: { en: string }) => text.en;
    expect(servicesToShow(view.services, false, localize).map((row) => row.service.code)).toEqual([
      'bill-reconcile',
      'bill-explain',
    ]);
    expect(servicesToShow(view.services, true, localize)).toHaveLength(centre.services.length);
  });

  it('is empty before the first snapshot', () => {
    expect(monitorViewOf({ seq: 0, calls: [], clockOffsetMs: 0 }, now)).toEqual({
      desks: [],
      services: [],
      alerts: [],
      warnings: [],
    });
  });

  it('never counts a finished visit', () => {
    const done = ticketOf({ status: 'completed', queuedAt: instant(T0), id: ticketId('done-1') });
    const finished = monitorViewOf({ ...sync, queue: { ...queue, ticketTable: ticketTableOf([done]) } }, now);
    expect(finished.services.every((row) => row.waiting === 0)).toBe(true);
  });
});
