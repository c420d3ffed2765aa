/**
 * Pre-booked visits end to end on the server: booking on the public page's endpoints and by
 * staff, capacity under a race, limits, cancel and move, check-in at the kiosk (on time: due
 * at the slot, ahead of earlier walk-ins; late: the ordinary queue), the missed pass, rate
 * limits, the live status feed, the visitor's rating, and retention of personal data.
 */
import Database from 'better-sqlite3';
import { DEMO_CENTRE } from '@queue/core';
import { BookingStore, RatingStore } from '@queue/db';
import type { CheckedInTicket, OfferedSlotView, PublicBooking } from '@queue/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOOK_READ_LIMIT } from '../../apps/server/src/bookings/book-http';
import { MAX_FEEDS_PER_ADDRESS } from '../../apps/server/src/status-page/live';
import {
  DISPLAY_TOKEN,
  KIOSK_TOKEN,
  type TestServer,
  WEEKDAY_10AM,
  okData,
  rid,
  startServer,
  waitFor,
} from './harness';

const SERVICE = 'doc-residence';
const DAY = '2026-11-25';
/** Slots of the demo's residence registration: 15 minutes, one desk, half kept for walk-ins. */
const slot = (local: string): number => Date.parse(`${local}:00+02:00`);

interface BookAnswer {
  readonly booking: PublicBooking;
  readonly qr: string;
}

describe('bookings', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startServer({ tickMs: 100 });
  });

  afterEach(async () => {
    await server.close();
  });

  const call = async <T>(method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    return {
      status: response.status,
      body: (await response.json()) as { ok: boolean; data: T; error: { code: string } },
    };
  };

  const book = (slotAt: number, phone = '+380671234567', name = 'Олена Петренко') =>
    call<BookAnswer>('POST', '/api/book', { serviceCode: SERVICE, slotAt, name, phone, language: 'uk' });

  const bookings = (): BookingStore => new BookingStore(new Database(server.databaseFile));

  it('offers services, days and free times, and books with an unguessable code and a QR', async () => {
    const options = await call<{ services: { code: string; name: string }[]; days: string[] }>(
      'GET',
      '/api/book/options?lang=en',
    );
    expect(options.body.data.services.map((service) => service.code)).toEqual([
      'doc-residence',
      'doc-deregister',
      'legal-consult',
    ]);
    expect(options.body.data.services[0]?.name).toBe('Registration of residence');
    expect(options.body.data.days).toHaveLength(30);
    expect(options.body.data.days[0]).toBe('2026-11-24');

    const today = await call<OfferedSlotView[]>('GET', `/api/book/slots?service=${SERVICE}&day=2026-11-24`);
    // 10:00 now, 30 minutes' lead; one desk at half, shared by two bookable services: a
    // booking of each every fourth 15-minute slot, interleaved.
    expect(today.body.data.slice(0, 3).map((entry) => entry.time)).toEqual(['10:45', '11:45', '12:45']);

    const made = await book(slot(`${DAY}T10:45`));
    expect(made.status).toBe(201);
    expect(made.body.data.booking).toMatchObject({
      serviceCode: SERVICE,
      day: DAY,
      time: '10:45',
      status: 'booked',
    });
    expect(made.body.data.booking.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    expect(made.body.data.qr).toContain('<svg');

    const seen = await call<BookAnswer>('GET', `/api/book/${made.body.data.booking.code.toLowerCase()}`);
    expect(seen.body.data.booking.code).toBe(made.body.data.booking.code);
    expect(JSON.stringify(seen.body)).not.toContain('Петренко');
    expect(JSON.stringify(seen.body)).not.toContain('0671234567');
    const after = await call<OfferedSlotView[]>('GET', `/api/book/slots?service=${SERVICE}&day=${DAY}`);
    expect(after.body.data.map((entry) => entry.start)).not.toContain(slot(`${DAY}T10:45`));

    const page = await fetch(`${server.url}/book?lang=ru`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Запись на приём');
    expect((await call('GET', '/api/book/list')).status).toBe(404);
    // Only booking is done there; nothing lists bookings.
    const listing = await fetch(`${server.url}/api/book`);
    expect(listing.status).toBe(405);
    expect(listing.headers.get('allow')).toBe('POST');
  });

  it('lets only one of many racing visitors take the last place of a slot', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, index) => book(slot(`${DAY}T11:45`), `+38067000000${index}`)),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(answers.filter((answer) => answer.body.error?.code === 'SLOT_FULL')).toHaveLength(5);
  });

  it('holds the per-person limit, refuses times that are not slots, and validates bodies', async () => {
    expect((await book(slot(`${DAY}T10:45`))).status).toBe(201);
    // Every spelling of one number is one person, the old trunk prefix `8` included.
    for (const spelling of ['8 (067) 123-45-67', '0038 067 123 4567', '67.123.45.67']) {
      expect((await book(slot(`${DAY}T12:45`), spelling)).body.error.code, spelling).toBe('PERSON_LIMIT');
    }
    expect((await book(slot(`${DAY}T10:20`), '+380501112233')).body.error.code).toBe('SLOT_UNAVAILABLE');
    expect((await book(slot('2027-01-20T10:15'), '+380501112233')).body.error.code).toBe('SLOT_UNAVAILABLE');
    expect((await book(slot(`${DAY}T12:45`), 'not a phone')).status).toBe(400);
    expect((await book(slot(`${DAY}T12:45`), '+380501112233', 'X')).status).toBe(400);
    const extra = await call('POST', '/api/book', {
      serviceCode: SERVICE,
      slotAt: 1,
      name: 'Ab',
      phone: '0671234567',
      admin: true,
    });
    expect(extra.status).toBe(400);
    const other = await call('POST', '/api/book', {
      serviceCode: 'bill-payment',
      slotAt: slot(`${DAY}T12:45`),
      name: 'Олена',
      phone: '0671234567',
    });
    expect(other.body.error.code).toBe('BOOKING_DISABLED');
  });

  it('stops one address booking a day’s slots with invented names and phones; staff still book', async () => {
    // The outside tester's burst: the day's slots one after another, a new name and phone each
    // (eight here, leaving room in the page's write limit for the move below).
    const times = ['10:45', '11:45', '12:45', '13:45', '14:45', '15:45', '16:45', '17:45'];
    const answers = [];
    for (const [index, time] of times.entries()) {
      answers.push(
        await book(slot(`${DAY}T${time}`), `+38050${String(index).padStart(7, '0')}`, `Особа ${index}`),
      );
    }
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, ...Array<number>(5).fill(429)]);
    expect(answers.at(-1)?.body.error.code).toBe('ADDRESS_LIMIT');
    // Moving one's own booking is not a new one.
    const first = answers[0]?.body.data.booking.code ?? '';
    expect((await call('POST', `/api/book/${first}/move`, { slotAt: slot(`${DAY}T20:45`) })).status).toBe(
      200,
    );

    const { token } = await server.login('reception', '0000');
    const reception = await server.connect(token);
    await okData(
      reception.emitWithAck('booking:create', {
        requestId: rid(),
        serviceCode: SERVICE,
        slotAt: slot(`${DAY}T18:45`),
        name: 'Іван Коваль',
        phone: '050 111 22 33',
      }),
    );
  });

  it('shows a supervisor a burst from one address and cancels it in one audited action', async () => {
    const made = [];
    for (const [index, time] of ['10:45', '11:45', '12:45'].entries()) {
      made.push(
        await book(slot(`${DAY}T${time}`), `+38050${String(index).padStart(7, '0')}`, `Особа ${index}`),
      );
    }
    const codes = made.map((answer) => answer.body.data.booking.code);
    const reception = await server.connect((await server.login('reception', '0000')).token);
    const byPhone = await okData(
      reception.emitWithAck('booking:create', {
        requestId: rid(),
        serviceCode: SERVICE,
        slotAt: slot(`${DAY}T13:45`),
        name: 'Іван Коваль',
        phone: '050 111 22 33',
      }),
    );
    expect(await reception.emitWithAck('booking:bursts', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    const supervisor = await server.connect((await server.login('supervisor', '2222')).token);
    const view = await okData(supervisor.emitWithAck('booking:bursts', { windowMinutes: 60 }));
    expect(view.threshold).toBe(3);
    expect(view.groups).toHaveLength(1);
    const [burst] = view.groups;
    expect(burst).toMatchObject({ kind: 'address', burst: true, count: 3, active: 3 });
    expect(burst?.bookings.map((booking) => booking.code).sort()).toEqual([...codes].sort());
    expect(burst?.bookings[0]).toMatchObject({ name: 'Особа 2', phone: '380500000002' });

    // A code outside the group (reception's booking) is skipped, whatever the supervisor sends.
    const cancel = {
      requestId: rid(),
      kind: 'address' as const,
      key: burst?.key ?? '',
      windowMinutes: 60,
      codes: [...codes, byPhone.code],
    };
    const answer = await okData(supervisor.emitWithAck('booking:cancel-burst', cancel));
    expect(answer.cancelled.map((booking) => booking.status)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    expect(answer.skipped).toEqual([byPhone.code]);
    expect(await okData(supervisor.emitWithAck('booking:cancel-burst', cancel))).toEqual(answer);
    expect(bookings().get(byPhone.code)?.status).toBe('booked');
    const slots = await call<OfferedSlotView[]>('GET', `/api/book/slots?service=${SERVICE}&day=${DAY}`);
    expect(slots.body.data.map((entry) => entry.time)).toContain('10:45');

    const db = new Database(server.databaseFile, { readonly: true });
    const audit = db
      .prepare<[], { action: string; actor: string; details: string }>(
        "SELECT action, actor, details FROM audit_log WHERE action IN ('booking:cancel', 'booking:cancel-burst') ORDER BY seq",
      )
      .all();
    expect(audit.map((entry) => entry.action)).toEqual([
      'booking:cancel',
      'booking:cancel',
      'booking:cancel',
      'booking:cancel-burst',
    ]);
    expect(JSON.parse(audit.at(-1)?.details ?? '{}')).toMatchObject({ cancelled: 3, skipped: 1 });
    expect(JSON.stringify(audit)).not.toContain('380500000');
  });

  it('bounds the public slot query: a few days within the horizon, and refuses beyond with 400', async () => {
    const two = await call<OfferedSlotView[]>('GET', `/api/book/slots?service=${SERVICE}&day=${DAY}&days=2`);
    expect(two.status).toBe(200);
    expect(new Set(two.body.data.map((entry) => entry.day))).toEqual(new Set([DAY, '2026-11-26']));
    const beyond = ['days=8', 'days=0', 'days=x', 'days=1e3'];
    for (const query of [...beyond.map((days) => `day=${DAY}&${days}`), 'day=2027-01-20', 'day=2026-11-23']) {
      const answer = await call('GET', `/api/book/slots?service=${SERVICE}&${query}`);
      expect([answer.status, answer.body.error.code], query).toEqual([400, 'BAD_REQUEST']);
    }
    const { token } = await server.login('reception', '0000');
    const reception = await server.connect(token);
    expect(
      await reception.emitWithAck('booking:slots', { serviceCode: SERVICE, day: DAY, days: 30 }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('refuses at once a slot query that a slot of a few seconds would make huge', async () => {
    await server.close();
    server = await startServer({
      tickMs: 100,
      centre: { ...DEMO_CENTRE, booking: { ...DEMO_CENTRE.booking, enabled: true, slotMinutes: 0.001 } },
    });
    const started = Date.now();
    const answer = await call('GET', `/api/book/slots?service=${SERVICE}&day=${DAY}`);
    expect([answer.status, answer.body.error.code]).toEqual([400, 'BAD_REQUEST']);
    // Refused before any slot is built: seconds would mean the day was laid out first.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('cancels and moves a booking by its code, freeing the old slot', async () => {
    const made = await book(slot(`${DAY}T10:45`));
    const code = made.body.data.booking.code;
    const moved = await call<BookAnswer>('POST', `/api/book/${code}/move`, { slotAt: slot(`${DAY}T14:45`) });
    expect(moved.body.data.booking.time).toBe('14:45');
    expect((await book(slot(`${DAY}T10:45`), '+380501112233')).status).toBe(201);
    const cancelled = await call<BookAnswer>('POST', `/api/book/${code}/cancel`);
    expect(cancelled.body.data.booking.status).toBe('cancelled');
    expect((await call('POST', `/api/book/${code}/cancel`)).body.error.code).toBe('ILLEGAL_TRANSITION');
    expect((await book(slot(`${DAY}T14:45`), '+380631112233')).status).toBe(201);
    expect((await call('GET', '/api/book/ZZZZZZZZ')).status).toBe(404);
  });

  it('lets staff book, find and cancel, audits without personal data, and refuses devices', async () => {
    const { token } = await server.login('reception', '0000');
    const reception = await server.connect(token);
    const created = await okData(
      reception.emitWithAck('booking:create', {
        requestId: rid(),
        serviceCode: SERVICE,
        slotAt: slot(`${DAY}T10:45`),
        name: 'Іван Коваль',
        phone: '050 111 22 33',
      }),
    );
    expect(created).toMatchObject({ name: 'Іван Коваль', phone: '380501112233', status: 'booked' });
    expect(await okData(reception.emitWithAck('booking:find', { code: created.code }))).toMatchObject({
      name: 'Іван Коваль',
    });
    const slots = await okData(reception.emitWithAck('booking:slots', { serviceCode: SERVICE, day: DAY }));
    expect(slots.map((entry) => entry.time)).not.toContain('10:45');
    await okData(reception.emitWithAck('booking:cancel', { requestId: rid(), code: created.code }));

    const kiosk = await server.connect(KIOSK_TOKEN);
    const display = await server.connect(DISPLAY_TOKEN);
    for (const device of [kiosk, display]) {
      expect(await device.emitWithAck('booking:find', { code: created.code })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(
        await device.emitWithAck('booking:create', {
          requestId: rid(),
          serviceCode: SERVICE,
          slotAt: slot(`${DAY}T11:45`),
          name: 'Іван Коваль',
          phone: '050 111 22 33',
        }),
      ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const db = new Database(server.databaseFile, { readonly: true });
    const audit = db
      .prepare<[], { action: string; details: string }>(
        "SELECT action, details FROM audit_log WHERE action LIKE 'booking:%' ORDER BY seq",
      )
      .all();
    expect(audit.map((entry) => entry.action)).toEqual(['booking:create', 'booking:cancel']);
    expect(JSON.stringify(audit)).not.toContain('Коваль');
    expect(JSON.stringify(audit)).not.toContain('501112233');
  });

  it('checks an on-time visitor in at the kiosk: called at the slot ahead of walk-ins who came earlier', async () => {
    const { token } = await server.login('operator5', '1111', 'desk-5');
    const desk = await server.connect(token);
    const kiosk = await server.connect(KIOSK_TOKEN);
    const slotAt = slot('2026-11-24T10:45');
    const code = (await book(slotAt)).body.data.booking.code;
    const walkIns = [];
    for (let index = 0; index < 3; index += 1) {
      walkIns.push(
        await okData(kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: SERVICE })),
      );
    }
    // Half an hour early: a walk-in's visit (15 min) still ends before the slot.
    server.clock.at = slotAt - 30 * 60_000;
    const checkedIn: CheckedInTicket = await okData(
      kiosk.emitWithAck('booking:check-in', { requestId: rid(), code: code.toLowerCase() }),
    );
    expect(checkedIn.late).toBe(false);
    expect(checkedIn.ticket).toMatchObject({
      source: 'booking',
      appointmentAt: slotAt,
      serviceCode: SERVICE,
    });
    expect(await kiosk.emitWithAck('booking:check-in', { requestId: rid(), code })).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION' },
    });

    await okData(desk.emitWithAck('desk:open', { requestId: rid() }));
    // Before the slot the walk-ins go first, while their visits end before it…
    const first = await okData(desk.emitWithAck('visit:call-next', { requestId: rid() }));
    expect(first.ticket?.id).toBe(walkIns[0]?.ticket.id);
    await okData(desk.emitWithAck('visit:start', { requestId: rid(), ticketId: first.ticket?.id ?? '' }));
    await okData(desk.emitWithAck('visit:complete', { requestId: rid(), ticketId: first.ticket?.id ?? '' }));
    // …at the slot time the booked visitor is next, though two walk-ins came earlier.
    server.clock.at = slotAt;
    const second = await okData(desk.emitWithAck('visit:call-next', { requestId: rid() }));
    expect(second.ticket?.id).toBe(checkedIn.ticket.id);

    expect(bookings().get(code)).toMatchObject({
      status: 'checked-in',
      late: false,
      ticketId: checkedIn.ticket.id,
    });
  });

  it('keeps the sole desk free for a booked visitor due shortly who has not checked in, until the slot is 5 minutes behind', async () => {
    const { token } = await server.login('operator5', '1111', 'desk-5');
    const desk = await server.connect(token);
    const kiosk = await server.connect(KIOSK_TOKEN);
    const slotAt = slot('2026-11-24T10:45');
    await book(slotAt);
    const walkIn = await okData(
      kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: SERVICE }),
    );
    await okData(desk.emitWithAck('desk:open', { requestId: rid() }));
    // 10:40: a 15-minute visit would end at 10:55, past 10:50, so the desk waits for the booked visitor.
    server.clock.at = slotAt - 5 * 60_000;
    expect(await desk.emitWithAck('visit:call-next', { requestId: rid() })).toMatchObject({
      ok: false,
      error: { code: 'KEPT_FOR_BOOKING' },
    });
    // The visitor has not come by 10:50: the desk is free for the walk-in.
    server.clock.at = slotAt + 5 * 60_000;
    const called = await okData(desk.emitWithAck('visit:call-next', { requestId: rid() }));
    expect(called.ticket?.id).toBe(walkIn.ticket.id);
  });

  it('sends a late visitor to the ordinary queue and says so; refuses early, unknown and past codes', async () => {
    const kiosk = await server.connect(KIOSK_TOKEN);
    const slotAt = slot('2026-11-24T10:45');
    const code = (await book(slotAt)).body.data.booking.code;
    const tomorrow = (await book(slot(`${DAY}T10:45`), '+380501112233')).body.data.booking.code;

    expect(await kiosk.emitWithAck('booking:check-in', { requestId: rid(), code: tomorrow })).toMatchObject({
      ok: false,
      error: { code: 'CHECK_IN_TOO_EARLY' },
    });
    expect(await kiosk.emitWithAck('booking:check-in', { requestId: rid(), code: 'ZZZZ2222' })).toMatchObject(
      {
        ok: false,
        error: { code: 'NOT_FOUND' },
      },
    );

    server.clock.at = slotAt + 25 * 60_000;
    // The missed pass runs with the scheduler; a late visitor may still come that day.
    await waitFor(() => bookings().get(code)?.status === 'missed', 3_000, 'missed pass');
    const late = await okData(kiosk.emitWithAck('booking:check-in', { requestId: rid(), code }));
    expect(late.late).toBe(true);
    expect(late.ticket.appointmentAt).toBeUndefined();
    expect(late.ticket.source).toBe('booking');

    server.clock.at = slot('2026-11-26T10:00');
    expect(await kiosk.emitWithAck('booking:check-in', { requestId: rid(), code: tomorrow })).toMatchObject({
      ok: false,
      error: { code: 'BOOKING_EXPIRED' },
    });
    await waitFor(() => bookings().get(tomorrow)?.status === 'missed', 3_000, 'missed pass');
    expect(bookings().countsBetween('2026-11-24', '2026-11-25')).toEqual([
      { serviceCode: SERVICE, total: 2, booked: 0, onTime: 0, late: 1, missed: 1, cancelled: 0 },
    ]);
  });

  it('rate-limits the booking page per address', async () => {
    const statuses: number[] = [];
    for (let index = 0; index <= BOOK_READ_LIMIT; index += 1) {
      statuses.push((await fetch(`${server.url}/api/book/options`)).status);
    }
    expect(statuses.slice(0, BOOK_READ_LIMIT).every((status) => status === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('updates the status page live when the desk calls, then takes one rating, kept only as configured', async () => {
    const { token } = await server.login('operator5', '1111', 'desk-5');
    const desk = await server.connect(token);
    const kiosk = await server.connect(KIOSK_TOKEN);
    const code = (await book(slot('2026-11-24T10:45'))).body.data.booking.code;
    const issued = await okData(
      kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: SERVICE }),
    );

    const page = await (await fetch(`${server.url}${issued.statusPath}?lang=en`)).text();
    expect(page).toContain('EventSource');
    expect(page).toContain('<noscript><meta http-equiv="refresh"');

    const controller = new AbortController();
    const feed = await fetch(`${server.url}${issued.statusPath}/live?lang=en`, { signal: controller.signal });
    expect(feed.headers.get('content-type')).toContain('text/event-stream');
    const reader = feed.body?.getReader();
    if (!reader) throw new Error('no feed body');
    let received = '';
    const readUntil = async (text: string): Promise<void> => {
      const decoder = new TextDecoder();
      while (!received.includes(text)) {
        const chunk = await reader.read();
        if (chunk.done) throw new Error(`feed ended before ${text}`);
        received += decoder.decode(chunk.value);
      }
    };
    await readUntil('People ahead: 0');
    await okData(desk.emitWithAck('desk:open', { requestId: rid() }));
    await okData(desk.emitWithAck('visit:call-next', { requestId: rid() }));
    await readUntil('Please go to Desk 5');
    expect(received).not.toContain('Петренко');
    await okData(desk.emitWithAck('visit:start', { requestId: rid(), ticketId: issued.ticket.id }));
    await okData(desk.emitWithAck('visit:complete', { requestId: rid(), ticketId: issued.ticket.id }));
    await readUntil('How were you served?');
    controller.abort();

    const rate = (body: string) =>
      fetch(`${server.url}${issued.statusPath}/rating?lang=en`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
        redirect: 'manual',
      });
    expect((await rate('score=9')).status).toBe(400);
    expect((await rate('score=4&comment=Швидко%2C+дякую+Олені')).status).toBe(303);
    expect((await rate('score=1')).status).toBe(409);
    expect(await (await fetch(`${server.url}${issued.statusPath}?lang=en`)).text()).toContain(
      'Thank you for your rating!',
    );
    const ratings = new RatingStore(new Database(server.databaseFile));
    expect(ratings.get(issued.ticket.id)).toMatchObject({
      score: 4,
      comment: 'Швидко, дякую Олені',
      deskId: 'desk-5',
      operatorId: expect.any(String),
      serviceCode: SERVICE,
    });

    // 91 days on, the retention pass clears the comment and the booking's name and phone.
    server.clock.at = WEEKDAY_10AM + 91 * 86_400_000;
    const pass = server.app.retention.run();
    expect(pass).toMatchObject({ bookings: 1, comments: 1 });
    expect(ratings.get(issued.ticket.id)).toMatchObject({ score: 4 });
    expect(ratings.get(issued.ticket.id)).not.toHaveProperty('comment');
    expect(bookings().get(code)).not.toHaveProperty('name');
    expect(bookings().get(code)).not.toHaveProperty('phone');
  });

  it('caps the live feeds one address may hold, and answers unknown tickets with nothing', async () => {
    const kiosk = await server.connect(KIOSK_TOKEN);
    const issued = await okData(
      kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: SERVICE }),
    );
    const controller = new AbortController();
    const open = () => fetch(`${server.url}${issued.statusPath}/live`, { signal: controller.signal });
    const held = [];
    for (let index = 0; index < MAX_FEEDS_PER_ADDRESS; index += 1) held.push(await open());
    expect(held.every((response) => response.status === 200)).toBe(true);
    expect((await open()).status).toBe(429);
    controller.abort();
    const unknown = await fetch(`${server.url}/t/abcdefgh12345678/live`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe('Not found.');
    const rating = await fetch(`${server.url}/t/abcdefgh12345678/rating`, {
      method: 'POST',
      body: 'score=5',
    });
    expect(rating.status).toBe(404);
    const early = await fetch(`${server.url}${issued.statusPath}/rating`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'score=5',
    });
    expect(early.status).toBe(409);
  });
});
