/** Every socket event a client may send, registered on each new connection. */
import { registerAdminHandlers } from './admin-handlers';
import { registerAppealHandlers } from './appeal-handlers';
import { registerAuditHandlers } from './audit-handlers';
import { registerBackupHandlers } from './backup-handlers';
import { registerBoardHandlers } from './board-handlers';
import { registerBookingHandlers } from './booking-handlers';
import { registerCityCatalogueHandlers } from './city-catalogue-handlers';
import { registerDeskHandlers } from './desk-handlers';
import { registerDeviceHandlers } from './device-handlers';
import type { HandlerContext, QueueSocket } from './handler';
import { registerHubHandlers } from './hub-handlers';
import { registerPartnerKeyHandlers } from './partner-key-handlers';
import { registerPrinterTestHandlers } from './printer-test-handlers';
import { registerPrintingHandlers } from './printing-handlers';
import { registerReportHandlers } from './report-handlers';
import { registerSyncHandlers } from './sync-handlers';
import { registerTicketHandlers } from './ticket-handlers';

export type { HandlerContext, QueueSocket } from './handler';
export { answerUnknownEvents } from './unknown-events';
export { InFlight } from './in-flight';

export const registerHandlers = (socket: QueueSocket, context: HandlerContext): void => {
  registerSyncHandlers(socket, context);
  registerTicketHandlers(socket, context);
  registerDeskHandlers(socket, context);
  registerBoardHandlers(socket, context);
  registerPrintingHandlers(socket, context);
  registerPrinterTestHandlers(socket, context);
  registerAuditHandlers(socket, context);
  registerDeviceHandlers(socket, context);
  registerAdminHandlers(socket, context);
  registerBookingHandlers(socket, context);
  registerReportHandlers(socket, context);
  registerBackupHandlers(socket, context);
  registerAppealHandlers(socket, context);
  registerPartnerKeyHandlers(socket, context);
  registerHubHandlers(socket, context);
  registerCityCatalogueHandlers(socket, context);
};
