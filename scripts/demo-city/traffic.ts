/**
 * A steady, plausible day at one demo centre, driven over the same socket.io protocol the
 * kiosk and the desk app speak: the kiosk issues a ticket every few ticks (rotating through
 * the services of the desks at work, and holding back once a long queue has formed, as
 * visitors who see it would), and each desk calls the next visitor, starts serving a moment
 * later, completes after a few ticks, and now and then marks a no-show. Pacing is a plain
 * tick (setInterval) and a counter, so the same flags give the same day.
 */
import { DEMO_CENTRE, type ServiceCode } from '@queue/core';
import type { Ack, IssuedTicket, VisitAnswer } from '@queue/protocol';
import { KIOSK_TOKEN, type QueueClient, connect, request, requestId } from '../../bench/lib/clients';
import { type DemoCentre, login } from './centres';

/** The kiosk stops issuing while this many are waiting. */
const WAITING_CAP = 30;
/** Every this many calls ends as a no-show. */
const NO_SHOW_EVERY = 11;

type Phase =
  { readonly kind: 'idle' } | { readonly kind: 'called' | 'serving'; ticketId: string; until: number };

interface DeskWorker {
  readonly number: number;
  readonly socket: QueueClient;
  phase: Phase;
  busy: boolean;
}

export interface TrafficCounts {
  issued: number;
  called: number;
  completed: number;
  noShows: number;
  refused: number;
}

export interface CentreTraffic {
  readonly counts: TrafficCounts;
  /** One tick: issue if due, move every desk on. Returns at once; requests run behind it. */
  tick(): void;
  close(): void;
}

/** The services the kiosk rotates through: what the working desks serve, on the kiosk, without own hours. */
const servicesFor = (deskNumbers: readonly number[]): ServiceCode[] => {
  const usable = new Set(
    DEMO_CENTRE.services
      .filter((service) => service.onKiosk && !service.hours)
      .map((service) => service.code),
  );
  const codes = DEMO_CENTRE.desks
    .filter((desk) => deskNumbers.includes(desk.number))
    .flatMap((desk) => desk.services.map((entry) => entry.code))
    .filter((code) => usable.has(code));
  return [...new Set(codes)];
};

export const startTraffic = async (url: string, centre: DemoCentre): Promise<CentreTraffic> => {
  const kiosk = await connect(url, KIOSK_TOKEN);
  const desks: DeskWorker[] = await Promise.all(
    centre.desks.map(async (number) => {
      const socket = await connect(url, await login(url, `operator${number}`, '1111', number));
      const opened = await request<Ack<VisitAnswer>>(socket, 'desk:open', { requestId: requestId('open') });
      if (!opened.ok) throw new Error(`desk:open at desk ${number}: ${opened.error.code}`);
      return { number, socket, phase: { kind: 'idle' }, busy: false };
    }),
  );
  const services = servicesFor(centre.desks);
  const counts: TrafficCounts = { issued: 0, called: 0, completed: 0, noShows: 0, refused: 0 };
  let ticks = 0;
  let kioskBusy = false;

  const issue = async (): Promise<void> => {
    const serviceCode = services[counts.issued % services.length];
    if (!serviceCode) return;
    const answer = await request<Ack<IssuedTicket>>(kiosk, 'ticket:issue', {
      requestId: requestId('issue'),
      serviceCode,
    });
    if (answer.ok) counts.issued += 1;
    else counts.refused += 1;
  };

  /** A visit's length: spread over the centre's range by a counter, not by chance. */
  const serviceLength = (): number => {
    const { min, max } = centre.serviceTicks;
    return min + ((counts.called * 7) % (max - min + 1));
  };

  const step = async (desk: DeskWorker): Promise<void> => {
    const { phase } = desk;
    if (phase.kind === 'idle') {
      const answer = await request<Ack<VisitAnswer>>(desk.socket, 'visit:call-next', {
        requestId: requestId('call'),
      });
      if (answer.ok && answer.data.ticket) {
        counts.called += 1;
        desk.phase = { kind: 'called', ticketId: answer.data.ticket.id, until: ticks + 1 };
      }
      return;
    }
    if (ticks < phase.until) return;
    const onTicket = { requestId: requestId('visit'), ticketId: phase.ticketId };
    if (phase.kind === 'called') {
      if (counts.called % NO_SHOW_EVERY === 0) {
        await request(desk.socket, 'visit:no-show', onTicket);
        counts.noShows += 1;
        desk.phase = { kind: 'idle' };
        return;
      }
      await request(desk.socket, 'visit:start', onTicket);
      desk.phase = { kind: 'serving', ticketId: phase.ticketId, until: ticks + serviceLength() };
      return;
    }
    await request(desk.socket, 'visit:complete', onTicket);
    counts.completed += 1;
    desk.phase = { kind: 'idle' };
  };

  /** Run one request at a time per client; a slow answer skips ticks rather than piling up. */
  const guarded = (
    isBusy: () => boolean,
    setBusy: (busy: boolean) => void,
    work: () => Promise<void>,
  ): void => {
    if (isBusy()) return;
    setBusy(true);
    work()
      .catch(() => {
        counts.refused += 1;
      })
      .finally(() => setBusy(false));
  };

  return {
    counts,
    tick: () => {
      ticks += 1;
      const waiting = counts.issued - counts.called;
      if (ticks % centre.issueEveryTicks === 0 && waiting < WAITING_CAP) {
        guarded(
          () => kioskBusy,
          (busy) => {
            kioskBusy = busy;
          },
          issue,
        );
      }
      for (const desk of desks) {
        guarded(
          () => desk.busy,
          (busy) => {
            desk.busy = busy;
          },
          () => step(desk),
        );
      }
    },
    close: () => {
      kiosk.close();
      for (const desk of desks) desk.socket.close();
    },
  };
};
