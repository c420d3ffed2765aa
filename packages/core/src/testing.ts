/**
 * Helpers for the core's own tests: a tiny centre builder, instants given as local wall-clock
 * time, and a scenario driver that decides and evolves commands. Not exported from the package.
 */
import type { Centre, Desk, QueuePolicy, Service, Site, WeeklyHours } from './centre';
import { DEFAULT_POLICY } from './centre';
import type { QueueCommand } from './commands';
import { decide } from './decide';
import type { QueueError, Result } from './errors';
import type { Actor, QueueEvent } from './events';
import { evolveAll } from './evolve';
import {
  type Instant,
  addMinutes,
  categoryId,
  deskId,
  instant,
  organisationId,
  serviceCode,
  staffId,
  ticketId,
} from './ids';
import { type DeskState, type QueueState, deskStateOf, emptyState, ticketOf } from './state';
import type { PriorityClaim, Ticket } from './ticket';

export const KYIV = 'Europe/Kyiv';

// ---------------------------------------------------------------------------------------------
// Local wall-clock instants (independent of calendar.ts, so calendar tests are not circular)
// ---------------------------------------------------------------------------------------------

const wallFormatters = new Map<string, Intl.DateTimeFormat>();

/** The wall clock an instant shows in a zone, read back as if it were UTC (ms, minute precision). */
const wallClockAsUtc = (ms: number, timeZone: string): number => {
  let formatter = wallFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    wallFormatters.set(timeZone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(ms))) parts[part.type] = Number(part.value);
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour % 24, minute);
};

/**
 * The instant at which a wall clock in `timeZone` shows `local` (`YYYY-MM-DDTHH:MM`). Throws for
 * a wall-clock time skipped by a daylight-saving change.
 */
export const localInstant = (timeZone: string, local: string): Instant => {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) throw new RangeError(`Not a local time: ${local}`);
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  let guess = wall;
  for (let i = 0; i < 3; i += 1) guess = wall - (wallClockAsUtc(guess, timeZone) - guess);
  if (wallClockAsUtc(guess, timeZone) !== wall) {
    throw new RangeError(`${local} does not exist in ${timeZone}`);
  }
  return instant(guess);
};

/** An instant given as Kyiv wall-clock time, `YYYY-MM-DDTHH:MM`. */
export const kyiv = (local: string): Instant => localInstant(KYIV, local);

/** A UTC instant, `YYYY-MM-DDTHH:MM`. */
export const utc = (iso: string): Instant => instant(Date.parse(`${iso}:00Z`));

// ---------------------------------------------------------------------------------------------
// A tiny centre builder
// ---------------------------------------------------------------------------------------------

const text = (value: string) => ({ uk: value, ru: value, en: value });

/** Open all day, every day: rules about numbers and routing can ignore the clock. */
export const ALL_DAY: WeeklyHours = {
  1: [{ from: '00:00', to: '24:00' }],
  2: [{ from: '00:00', to: '24:00' }],
  3: [{ from: '00:00', to: '24:00' }],
  4: [{ from: '00:00', to: '24:00' }],
  5: [{ from: '00:00', to: '24:00' }],
  6: [{ from: '00:00', to: '24:00' }],
  7: [{ from: '00:00', to: '24:00' }],
};

export type ServiceOptions = Partial<Omit<Service, 'code'>>;

export const service = (code: string, options: ServiceOptions = {}): Service => ({
  code: serviceCode(code),
  categoryId: categoryId('general'),
  organisationId: organisationId('org'),
  name: text(code),
  prefix: 'A',
  expectedMinutes: 10,
  waitingStandardMinutes: 15,
  onKiosk: true,
  outcomes: [],
  outcomeRequired: false,
  ...options,
});

/** A desk serving services with the given weights (`{ a: 3, b: 1 }`) or weight 1 each. */
export const desk = (
  id: string,
  services: Readonly<Record<string, number>> | readonly string[],
  number = 1,
): Desk => {
  const entries: [string, number][] = Array.isArray(services)
    ? (services as readonly string[]).map((code) => [code, 1])
    : Object.entries(services);
  return {
    id: deskId(id),
    name: text(id),
    number,
    organisationId: organisationId('org'),
    services: entries.map(([code, weight]) => ({ code: serviceCode(code), weight })),
  };
};

export interface CentreSpec {
  readonly services: readonly Service[];
  readonly desks: readonly Desk[];
  readonly policy?: Partial<QueuePolicy>;
  readonly site?: Partial<Site>;
}

export const centre = (spec: CentreSpec): Centre => ({
  site: { name: text('Test centre'), timeZone: KYIV, hours: ALL_DAY, specialDays: [], ...spec.site },
  organisations: [{ id: organisationId('org'), name: text('Org') }],
  categories: [{ id: categoryId('general'), name: text('General') }],
  services: spec.services,
  desks: spec.desks,
  boards: [],
  kiosks: [],
  policy: { ...DEFAULT_POLICY, ...spec.policy },
});

// ---------------------------------------------------------------------------------------------
// Deciding and evolving
// ---------------------------------------------------------------------------------------------

export interface Step {
  readonly state: QueueState;
  readonly events: readonly QueueEvent[];
}

export class Refused extends Error {
  constructor(readonly error: QueueError) {
    super(`${error.code}: ${error.message}`);
  }
}

/** Decide a command and apply its events; throws `Refused` when the rules say no. */
export const run = (c: Centre, state: QueueState, command: QueueCommand): Step => {
  const decision = decide(c, state, command);
  if (!decision.ok) throw new Refused(decision.error);
  return { state: evolveAll(state, decision.value), events: decision.value };
};

export const staff = (id: string): Actor => ({ kind: 'staff', staffId: staffId(id) });
export const KIOSK: Actor = { kind: 'device', deviceId: 'kiosk-1' };
export const SYSTEM: Actor = { kind: 'system' };

/** The default operator who works at a desk in scenarios. */
export const operatorOf = (desk: string): string => `op-${desk}`;

type Distribute<C> = C extends QueueCommand
  ? Omit<C, 'at' | 'actor'> & { at?: Instant; actor?: Actor }
  : never;
/** A command without (or with optional) instant and actor; the scenario fills them in. */
export type CommandInput = Distribute<QueueCommand>;

export interface IssueOptions {
  readonly source?: 'kiosk' | 'reception' | 'desk' | 'booking';
  readonly priority?: PriorityClaim;
  readonly appointmentAt?: Instant;
  readonly itinerary?: readonly string[];
}

/**
 * A running queue: the clock, the state and the log. Every shortcut decides, evolves and
 * throws on refusal; `attempt` returns the decision and leaves the state unchanged on refusal.
 */
export class Scenario {
  state: QueueState;
  now: Instant;
  readonly log: QueueEvent[] = [];

  constructor(
    readonly centre: Centre,
    start: Instant,
    state: QueueState = emptyState(),
  ) {
    this.now = start;
    this.state = state;
  }

  advance(amount: number): this {
    this.now = addMinutes(this.now, amount);
    return this;
  }

  setTime(at: Instant): this {
    this.now = at;
    return this;
  }

  command(input: CommandInput): QueueCommand {
    const actor =
      input.actor ??
      (input.type === 'issue-ticket'
        ? KIOSK
        : input.type === 'tick'
          ? SYSTEM
          : 'deskId' in input
            ? staff(deskStateOf(this.state, input.deskId).operatorId ?? operatorOf(input.deskId))
            : staff('admin'));
    return { ...input, at: input.at ?? this.now, actor } as QueueCommand;
  }

  attempt(input: CommandInput): Result<readonly QueueEvent[]> {
    const decision = decide(this.centre, this.state, this.command(input));
    if (decision.ok) {
      this.state = evolveAll(this.state, decision.value);
      this.log.push(...decision.value);
    }
    return decision;
  }

  do(input: CommandInput): readonly QueueEvent[] {
    const decision = this.attempt(input);
    if (!decision.ok) throw new Refused(decision.error);
    return decision.value;
  }

  /** Expect a refusal and return its code; throws when the command is accepted. */
  refused(input: CommandInput): QueueError['code'] {
    const decision = decide(this.centre, this.state, this.command(input));
    if (decision.ok)
      throw new Error(`Expected ${input.type} to be refused, got ${JSON.stringify(decision.value)}`);
    return decision.error.code;
  }

  ticket(id: string): Ticket {
    const found = ticketOf(this.state, ticketId(id));
    if (!found) throw new Error(`No ticket ${id}`);
    return found;
  }

  desk(id: string): DeskState {
    return deskStateOf(this.state, deskId(id));
  }

  issue(id: string, code: string, options: IssueOptions = {}): Ticket {
    this.do({
      type: 'issue-ticket',
      ticketId: ticketId(id),
      serviceCode: serviceCode(code),
      source: options.source ?? 'kiosk',
      ...(options.priority ? { priority: options.priority } : {}),
      ...(options.appointmentAt !== undefined ? { appointmentAt: options.appointmentAt } : {}),
      ...(options.itinerary ? { itinerary: options.itinerary.map(serviceCode) } : {}),
    });
    return this.ticket(id);
  }

  open(id: string, operator = operatorOf(id)): this {
    this.do({ type: 'open-desk', deskId: deskId(id), operatorId: staffId(operator) });
    return this;
  }

  /** Call the next visitor to a desk and return the called ticket's id. */
  callNext(id: string): string {
    const events = this.do({ type: 'call-next', deskId: deskId(id) });
    const called = events.find((event) => event.type === 'ticket:called');
    if (called?.type !== 'ticket:called') throw new Error('No ticket:called event');
    return called.ticketId;
  }

  start(desk: string, ticket: string): this {
    this.do({ type: 'start-serving', deskId: deskId(desk), ticketId: ticketId(ticket) });
    return this;
  }

  complete(desk: string, ticket: string): this {
    this.do({ type: 'complete', deskId: deskId(desk), ticketId: ticketId(ticket) });
    return this;
  }

  /** Call the next visitor, serve and complete them; returns the ticket id. */
  serveNext(desk: string, minutesOfService = 0): string {
    const id = this.callNext(desk);
    this.start(desk, id);
    this.advance(minutesOfService);
    this.complete(desk, id);
    return id;
  }
}
