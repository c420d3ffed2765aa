/** Raw protocol helpers for browser tests: devices issuing tickets, reading the server's state. */
import { type DeskState, type PriorityCategory, type Ticket, deskId, ticketsOf } from '@queue/core';
import type { IssuedTicket } from '@queue/protocol';
import { KIOSK_TOKEN } from './env';
import { type ClientSocket, type TestServer, okData, rid } from './server';

export interface Kiosk {
  issue(serviceCode: string, priority?: PriorityCategory): Promise<Ticket>;
}

export const kioskOf = async (server: TestServer): Promise<Kiosk> => {
  const socket = await server.connect(KIOSK_TOKEN);
  return {
    issue: async (serviceCode, priority) => {
      const issued: IssuedTicket = await okData(
        socket.emitWithAck('ticket:issue', {
          requestId: rid('kiosk'),
          serviceCode,
          ...(priority ? { priority: { category: priority } } : {}),
        }),
      );
      return issued.ticket;
    },
  };
};

/** A ticket as the server holds it now. */
export const ticketByNumber = (server: TestServer, number: string): Ticket => {
  const ticket = ticketsOf(server.app.queue.state).find((entry) => entry.number === number);
  if (!ticket) throw new Error(`no ticket ${number}`);
  return ticket;
};

/** Every call of this number that a recording client has seen. */
export const callsOf = (socket: ClientSocket, number: string) =>
  socket.events
    .map(({ event }) => event)
    .filter((event) => event.type === 'ticket:called' && event.number === number);

/** A desk as the server holds it now. */
export const deskByIdOf = (server: TestServer, id: string): DeskState | undefined =>
  server.app.queue.state.desks[deskId(id)];
