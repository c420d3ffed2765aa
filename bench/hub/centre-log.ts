/**
 * A centre's event log as the hub receives it, made by the queue's own rules (core `decide`
 * and `evolve`) over the demo centre open around the clock: every ten minutes each of eleven
 * desks gets a visitor for its main service, calls, serves and completes them, the desks
 * opening again each new day. Each event is put on the wire as the centre's sender does
 * (seq, type, at, ticketId, the event without personal data).
 */
import {
  type Centre,
  DEMO_CENTRE,
  type QueueCommand,
  type QueueEvent,
  type WeeklyHours,
  deskId,
  emptyState,
  evolve,
  decide,
  instant,
  staffId,
  ticketId,
  ticketIdOf,
} from '@queue/core';
import { type WireEvent, withoutPersonalData } from '../../apps/server/src/city/hub-sender';

const ALL_DAY: WeeklyHours = Object.fromEntries(
  [1, 2, 3, 4, 5, 6, 7].map((day) => [day, [{ from: '00:00', to: '23:59' }]]),
) as WeeklyHours;
const CENTRE: Centre = { ...DEMO_CENTRE, site: { ...DEMO_CENTRE.site, hours: ALL_DAY } };
const DESKS = CENTRE.desks.filter((desk) => desk.number <= 11);
const CYCLE_MS = 10 * 60_000;
/** Monday 5 January 2026, 08:00 in Kyiv. */
const START = Date.parse('2026-01-05T08:00:00+02:00');

/** At least `count` events (a cycle's worth more at most), numbered from seq 1. */
export const centreLog = (count: number): WireEvent[] => {
  const log: WireEvent[] = [];
  let state = emptyState();
  let tickets = 0;
  const run = (command: QueueCommand): QueueEvent[] => {
    const decision = decide(CENTRE, state, command);
    if (!decision.ok) return [];
    for (const event of decision.value) {
      state = evolve(state, event);
      const id = ticketIdOf(event);
      log.push({
        seq: log.length + 1,
        type: event.type,
        at: event.at,
        ...(id ? { ticketId: id } : {}),
        payload: withoutPersonalData(event),
      });
    }
    return [...decision.value];
  };
  for (let cycle = 0; log.length < count; cycle += 1) {
    const start = START + cycle * CYCLE_MS;
    const at = (offset: number) => instant(start + offset);
    DESKS.forEach((desk, index) => {
      const operator = { kind: 'staff', staffId: staffId(`operator${desk.number}`) } as const;
      const deskAt = { deskId: deskId(desk.id), actor: operator };
      run({ type: 'open-desk', at: at(index * 1_000), operatorId: operator.staffId, ...deskAt });
      const code = desk.services[0]?.code;
      if (!code) return;
      tickets += 1;
      const id = ticketId(`b-${tickets}`);
      run({
        type: 'issue-ticket',
        at: at(15_000 + index * 1_000),
        actor: { kind: 'device', deviceId: 'kiosk-1' },
        ticketId: id,
        serviceCode: code,
        source: 'kiosk',
      });
      const called = run({ type: 'call-next', at: at(60_000 + index * 20_000), ...deskAt });
      const calledEvent = called.find((event) => event.type === 'ticket:called');
      if (!calledEvent || calledEvent.type !== 'ticket:called') return;
      const onTicket = { ...deskAt, ticketId: calledEvent.ticketId };
      run({ type: 'start-serving', at: at(90_000 + index * 20_000), ...onTicket });
      run({ type: 'complete', at: at(300_000 + index * 20_000), ...onTicket });
    });
  }
  return log;
};
