/**
 * The kiosk and the board load Ukrainian with their first screen and no other language; the
 * first switch to Russian or English fetches that language's messages (one small chunk) and
 * then shows them; the socket goes straight to a WebSocket, without long-polling first.
 */
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Screens, launchScreens } from './support/browser';
import { DISPLAY_TOKEN, KIOSK_TOKEN, assertBuilt, screenshotPath } from './support/env';
import { type TestServer, startServer } from './support/server';

describe('languages loaded on demand', () => {
  let server: TestServer;
  let screens: Screens;

  beforeAll(async () => {
    assertBuilt();
    server = await startServer();
    screens = await launchScreens();
  });
  afterAll(async () => {
    await screens?.close();
    await server?.close();
  });

  const recordRequests = (page: Page): string[] => {
    const urls: string[] = [];
    page.on('request', (request: Request) =>
      urls.push(new URL(request.url()).pathname + new URL(request.url()).search),
    );
    return urls;
  };
  const messageChunks = (urls: readonly string[]): string[] =>
    urls.filter((url) => /\/assets\/_queue-messages_(ru|en)-/.test(url));

  it('kiosk: Ukrainian up front, English fetched on the first switch only, no polling', async () => {
    const kiosk = await screens.open('about:blank', { width: 1080, height: 1920 });
    const urls = recordRequests(kiosk);
    await kiosk.goto(`${server.url}/kiosk/?device=${KIOSK_TOKEN}`);
    await kiosk.getByRole('button', { name: 'Рахунки та оплата' }).waitFor();
    expect(messageChunks(urls)).toEqual([]);
    expect(urls.filter((url) => url.startsWith('/socket.io/') && url.includes('transport=polling'))).toEqual(
      [],
    );

    await kiosk.getByRole('button', { name: 'English' }).click();
    await kiosk.getByRole('button', { name: 'Bills and payments' }).waitFor();
    expect(messageChunks(urls)).toEqual([expect.stringMatching(/_queue-messages_en-/)]);
    await kiosk.screenshot({ path: screenshotPath('lazy-language-kiosk-en.png') });

    await kiosk.getByRole('button', { name: 'Українська' }).click();
    await kiosk.getByText('Оберіть тему звернення').waitFor();
    await kiosk.getByRole('button', { name: 'English' }).click();
    await kiosk.getByText('Choose a topic').waitFor();
    // Loaded once: the second switch to English fetched nothing.
    expect(messageChunks(urls)).toHaveLength(1);
  });

  it('board: Ukrainian up front, no other language fetched, no polling', async () => {
    const board = await screens.open('about:blank', { width: 1920, height: 1080 });
    const urls = recordRequests(board);
    const sockets: string[] = [];
    board.on('websocket', (socket) => sockets.push(new URL(socket.url()).pathname));
    await board.goto(`${server.url}/display/?device=${DISPLAY_TOKEN}`);
    await board.getByText('Очікуйте, будь ласка, на виклик свого номера').waitFor();
    expect(messageChunks(urls)).toEqual([]);
    expect(urls.filter((url) => url.startsWith('/socket.io/') && url.includes('transport=polling'))).toEqual(
      [],
    );
    expect(sockets).toContain('/socket.io/');
  });
});
