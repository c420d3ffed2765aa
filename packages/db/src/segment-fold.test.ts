/**
 * The city hub folds centres' logs with core's `SegmentLedger`; the centre projects its own
 * with SQL (`visit-segments.ts`). Their rows must be the same, or a city report would not
 * equal the centre's own: random days of commands, decided by the core, go through both.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEMO_CENTRE,
  type QueueCommand,
  type QueueEvent,
  type QueueState,
  SegmentLedger,
  type VisitSegment,
  decide,
  deskId,
  emptyState,
  evolveAll,
  instant,
  serviceCode,
  staffId,
  ticketId,
  ticketOf,
} from '@queue/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './open';
import { QueueStore } from './queue-store';
import { ReportStore } from './report-store';

const MONDAY_9_KYIV = Date.parse('2026-11-23T09:00:00+02:00');
const staff = { kind: 'staff', staffId: staffId('operator1') } as const;
const kiosk = { kind: 'device', deviceId: 'kiosk-1' } as const;

const desks = DEMO_CENTRE.desks.slice(0, 3);
const services = [...new Set(desks.flatMap((desk) => desk.services.map((entry) => entry.code)))].slice(0, 4);

const KINDS = fc.constantFrom(
  'issue',
  'issue',
  'issue',
  'open',
  'open',
  'call',
  'call',
  'call',
  'serve',
  'serve',
  'complete',
  'complete',
  'transfer',
  'no-show',
  'cancel',
  'change',
  'review',
  'postpone',
  'recall',
  'pause',
  'close',
);

/** One step of a random day, by index into the tickets issued so far and the desks. */
const step = fc.record({
  kind: fc.oneof(
    { weight: 60, arbitrary: KINDS },
    // The rollover is rare, as in life: it closes the day's open visits and every desk.
    { weight: 1, arbitrary: fc.constant('next-day' as const) },
  ),
  ticket: fc.nat(30),
  desk: fc.nat(desks.length - 1),
  service: fc.nat(services.length - 1),
  minutes: fc.integer({ min: 0, max: 6 }),
  flag: fc.boolean(),
});

type StepInput = typeof step extends fc.Arbitrary<infer T> ? T : never;

const commandOf = (
  input: StepInput,
  issued: readonly string[],
  state: QueueState,
  at: number,
): QueueCommand | undefined => {
  const desk = desks[input.desk]!.id;
  const code = services[input.service]!;
  // Mostly the visitor at this desk, so that serving, completing and transfers happen often.
  const current = state.desks[desk]?.currentTicketId;
  const ticket =
    current && input.ticket % 4 !== 0
      ? current
      : issued.length > 0
        ? ticketId(issued[input.ticket % issued.length]!)
        : undefined;
  const base = { at: instant(at), actor: staff };
  const onTicket = ticket ? { ...base, deskId: desk, ticketId: ticket } : undefined;
  switch (input.kind) {
    case 'issue':
      return {
        type: 'issue-ticket',
        at: instant(at),
        actor: kiosk,
        ticketId: ticketId(`T${issued.length + 1}`),
        serviceCode: code,
        source: input.flag ? 'kiosk' : 'reception',
        ...(input.minutes % 5 === 0
          ? { priority: { category: 'disability' as never, confirmed: false } }
          : {}),
        // Some visitors have a second stop, so completions that send them on happen too.
        ...(input.minutes % 3 === 1 ? { itinerary: [services[(input.service + 1) % services.length]!] } : {}),
      };
    case 'open':
      return { type: 'open-desk', ...base, deskId: desk, operatorId: staffId(`op-${input.desk}`) };
    case 'call':
      return input.flag || !onTicket
        ? { type: 'call-next', ...base, deskId: desk }
        : { type: 'call-ticket', ...onTicket, reason: 'test' };
    case 'serve':
      return onTicket && { type: 'start-serving', ...onTicket };
    case 'complete':
      return onTicket && { type: 'complete', ...onTicket };
    case 'transfer':
      return onTicket && { type: 'transfer', ...onTicket, toServiceCode: code, returnToMe: input.flag };
    case 'no-show':
      return onTicket && { type: 'mark-no-show', ...onTicket };
    case 'cancel':
      return ticket && { type: 'cancel-ticket', ...base, ticketId: ticket, reason: 'test' };
    case 'change':
      return ticket && { type: 'change-service', ...base, ticketId: ticket, serviceCode: code, reason: 'x' };
    case 'review':
      return onTicket && { type: 'review-priority', ...onTicket, confirmed: input.flag };
    case 'postpone':
      return onTicket && { type: 'postpone', ...onTicket, minutes: 5 };
    case 'recall':
      return onTicket && { type: 'recall', ...onTicket };
    case 'pause':
      return { type: 'pause-desk', ...base, deskId: desk, reason: 'break' };
    case 'close':
      return { type: 'close-desk', ...base, deskId: desk };
    case 'next-day':
      return { type: 'tick', at: instant(at), actor: { kind: 'system' } };
    default:
      return undefined;
  }
};

const sorted = (segments: Iterable<VisitSegment>): VisitSegment[] =>
  [...segments].sort((a, b) =>
    a.ticketId === b.ticketId ? a.segment - b.segment : a.ticketId < b.ticketId ? -1 : 1,
  );

describe('the core fold of visit segments', () => {
  it('makes the same rows as the SQLite projection, for any day of commands', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 40, maxLength: 150 }), (steps) => {
        const dir = mkdtempSync(join(tmpdir(), 'queue-fold-'));
        const db = openDatabase(join(dir, 'queue.sqlite'));
        try {
          const store = new QueueStore(db);
          const ledger = new SegmentLedger();
          const issued: string[] = [];
          const events: QueueEvent[] = [];
          let state: QueueState = emptyState();
          let at = MONDAY_9_KYIV;
          for (const input of steps) {
            // A rollover jumps to the next morning; other steps move the clock a few minutes.
            at += input.kind === 'next-day' ? 24 * 3_600_000 : input.minutes * 60_000;
            const desk = desks[input.desk]!.id;
            // A desk that is not open is opened first: calls at closed desks teach nothing.
            const opening: QueueCommand = {
              type: 'open-desk',
              at: instant(at),
              actor: staff,
              deskId: desk,
              operatorId: staffId(`op-${input.desk}`),
            };
            const current = state.desks[desk]?.currentTicketId;
            // Completing or transferring a visitor who was only called starts serving them first.
            const serveFirst =
              (input.kind === 'complete' || input.kind === 'transfer') &&
              current !== undefined &&
              ticketOf(state, current)?.status === 'called';
            const command =
              input.kind !== 'next-day' && input.kind !== 'close' && state.desks[desk]?.status !== 'open'
                ? opening
                : serveFirst
                  ? {
                      type: 'start-serving' as const,
                      at: instant(at),
                      actor: staff,
                      deskId: desk,
                      ticketId: current,
                    }
                  : commandOf(input, issued, state, at);
            if (!command) continue;
            const decision = decide(DEMO_CENTRE, state, command);
            if (!decision.ok) continue;
            state = evolveAll(state, decision.value);
            store.commit(decision.value, state);
            events.push(...decision.value);
            if (command.type === 'issue-ticket') issued.push(command.ticketId);
          }
          for (const event of events) ledger.apply(event);
          const projected = sorted(new ReportStore(db).segmentsBetween('2000-01-01', '2100-01-01'));
          expect(sorted(ledger.all())).toEqual(projected);
        } finally {
          db.close();
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 40 },
    );
  });

  it('gives the same rows when a visit is loaded from storage half way', () => {
    const whole = new SegmentLedger();
    const first = new SegmentLedger();
    const issuedAt = instant(MONDAY_9_KYIV);
    const issuedEvent = {
      type: 'ticket:issued',
      at: issuedAt,
      actor: kiosk,
      ticket: {
        id: ticketId('T1'),
        number: 'A001',
        prefix: 'A',
        sequence: 1,
        serviceCode: serviceCode(services[0]!),
        serviceDay: '2026-11-23',
        issuedAt,
        status: 'waiting',
        source: 'kiosk',
        callCount: 0,
      },
    } as unknown as QueueEvent;
    const called = {
      type: 'ticket:called',
      at: instant(MONDAY_9_KYIV + 60_000),
      actor: staff,
      ticketId: ticketId('T1'),
      deskId: deskId(desks[0]!.id),
      operatorId: staffId('op-0'),
    } as unknown as QueueEvent;
    whole.apply(issuedEvent);
    whole.apply(called);
    first.apply(issuedEvent);
    const second = new SegmentLedger();
    second.load(first.touched());
    second.apply(called);
    expect(second.touched()).toEqual(whole.all());
    expect(second.all()[0]).toMatchObject({ firstCalledAt: MONDAY_9_KYIV + 60_000, deskId: desks[0]!.id });
  });
});
