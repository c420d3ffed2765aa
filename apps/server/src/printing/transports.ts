/**
 * The transports the server itself drives: a network printer (raw TCP, port 9100) or a
 * device file on the server's machine. USB printers, and device files on a kiosk computer,
 * are driven by that kiosk's Electron shell instead.
 */
import { type KioskPrinter, printedBy } from '@queue/core';
import { type PrinterTransport, createDeviceTransport, createTcpTransport } from '@queue/printer';

export type TransportFactory = (printer: KioskPrinter) => PrinterTransport | undefined;

export const serverTransport: TransportFactory = (printer) => {
  if (printedBy(printer) !== 'server') return undefined;
  if (printer.transport === 'tcp') {
    return createTcpTransport({ host: printer.host, ...(printer.port ? { port: printer.port } : {}) });
  }
  if (printer.transport === 'device') return createDeviceTransport({ path: printer.path });
  return undefined;
};

/** Settings that need a new transport when they change (an administrator edited the kiosk). */
export const transportSignature = (printer: KioskPrinter): string =>
  JSON.stringify([
    printer.transport,
    printer.transport === 'tcp' ? [printer.host, printer.port] : [],
    printer.transport === 'device' ? [printer.path, printer.printedBy] : [],
  ]);
