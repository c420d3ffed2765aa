/**
 * What the kiosk's end-to-end test needs besides the browser: the server with kiosk-1 on a
 * fake network printer, a clock the test can move, the printed jobs, axe-core run inside the
 * page (serious and critical violations only), and an operator at a desk over socket.io.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_CENTRE, type Instant } from '@queue/core';
import { type Application, createApplication, silentLogger } from '@queue/server';
import { type Browser, type Page, chromium } from 'playwright-core';
import { expect } from 'vitest';
import { type FakePrinter, startFakePrinter } from '../support/fake-printer';
import { type ClientSocket, clientsFor, okData, rid } from '../server/harness';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOTS = join(ROOT, '.tmp');
export const KIOSK_TOKEN = 'demo-kiosk-1-token-change-me';
/** A Tuesday morning in Kyiv: the centre is open. */
export const TUESDAY_10 = Date.parse('2026-11-24T10:00:00+02:00');

export interface KioskRig {
  readonly app: Application;
  readonly printer: FakePrinter;
  readonly base: string;
  /** The server's clock; tests move it to see the centre closed. */
  readonly clock: { at: number };
  /** Connections that carried a ticket (status checks carry only DLE EOT). */
  jobs(): Uint8Array[];
  close(): Promise<void>;
}

export const assertKioskBuilt = (): void => {
  if (!existsSync(join(ROOT, 'apps', 'kiosk', 'dist', 'index.html'))) {
    throw new Error('The kiosk is not built: run `npm run build` before this test (`npm test` does).');
  }
};

export const startKioskRig = async (): Promise<KioskRig> => {
  const dir = mkdtempSync(join(tmpdir(), 'queue-kiosk-e2e-'));
  const printer = await startFakePrinter();
  const clock = { at: TUESDAY_10 };
  const app = await createApplication({
    databaseFile: join(dir, 'queue.sqlite'),
    clock: { now: () => clock.at as Instant },
    logger: silentLogger,
    seedDemo: true,
    centre: {
      ...DEMO_CENTRE,
      kiosks: [
        {
          deviceId: 'kiosk-1',
          name: 'Кіоск біля входу',
          printer: { transport: 'tcp', host: printer.host, port: printer.port, profileId: 'epson-80' },
        },
      ],
    },
  });
  const base = `http://127.0.0.1:${await app.listen(0)}`;
  return {
    app,
    printer,
    base,
    clock,
    jobs: () => printer.connections().filter((bytes) => bytes[0] === 0x1b && bytes[1] === 0x40),
    close: async () => {
      await app.close();
      await printer.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });

/** axe-core on the page: every violation of any impact (`support/axe.ts`). */
export { axeViolations } from './support/axe';

/** The computed font size of an element, in px. */
export const fontSize = (page: Page, selector: string): Promise<number> =>
  page
    .locator(selector)
    .first()
    .evaluate((node) => {
      const { getComputedStyle } = globalThis as unknown as {
        getComputedStyle(element: unknown): { fontSize: string };
      };
      return parseFloat(getComputedStyle(node).fontSize);
    });

/**
 * Tap the ticket screen to go home. Its first taps are ignored (the guard against the second
 * half of a double tap, on the page's own timer): tap until one counts, not after a guess.
 */
export const leaveTicket = async (page: Page): Promise<void> => {
  const ticket = page.getByTestId('ticket-number');
  const home = page.locator('[data-category="billing"]');
  await expect
    .poll(
      async () => {
        if (await home.isVisible()) return true;
        // A short click timeout: the screen may go home between the check and the tap.
        await ticket.click({ timeout: 500 }).catch(() => undefined);
        return home.isVisible();
      },
      { timeout: 20_000, interval: 200 },
    )
    .toBe(true);
};

/** Open a category and wait until the service's tile can be tapped. */
export const serviceTile = async (page: Page, service = 'bill-reconcile', category = 'billing') => {
  await page.locator(`[data-category="${category}"]`).click();
  const tile = page.locator(`[data-service="${service}"]`);
  await expect.poll(() => tile.isEnabled()).toBe(true);
  return tile;
};

/** Operator 1 at desk 1, desk open, over socket.io: calls (and serves) the next visitor. */
export const openDesk = async (base: string): Promise<{ callNext(): Promise<string>; close(): void }> => {
  const clients = clientsFor(() => base);
  const { token } = await clients.login('operator1', '1111', 'desk-1');
  const socket: ClientSocket = await clients.connect(token);
  await okData(socket.emitWithAck('desk:open', { requestId: rid('open') }));
  return {
    callNext: async () => {
      const answer = await okData(socket.emitWithAck('visit:call-next', { requestId: rid('call') }));
      const ticketId = answer.ticket?.id ?? '';
      // Serve and finish the visit, so the desk is free for the next call.
      await okData(socket.emitWithAck('visit:start', { requestId: rid('start'), ticketId }));
      await okData(socket.emitWithAck('visit:complete', { requestId: rid('done'), ticketId }));
      return answer.ticket?.number ?? '';
    },
    close: () => clients.closeSockets(),
  };
};
