/**
 * The serial LED driver (hardware/window-led) against a real queue server, writing to
 * pseudo-terminals that record every byte (a small python3 `pty` program stands in for the
 * display): the exact bytes of the idle line, of a call and of a recall, in cp866 with
 * STX/ETX framing, in cp1251 with CR LF, and transliterated to ASCII at a fixed width; a call
 * to another desk writes nothing to these displays; a display without `clearOnIdle` keeps
 * the last number when the desk lets the visitor go. Without a token the driver pairs like a
 * board: it prints a code, an administrator approves it, and the token lands in its file.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WindowLedConfig } from '../../hardware/window-led/src/config';
import { type WindowLedDriver, startDriver } from '../../hardware/window-led/src/driver';
import { pairDriver } from '../../hardware/window-led/src/pairing';
import { DISPLAY_TOKEN, KIOSK_TOKEN } from '../e2e/support/env';
import { type ClientSocket, type TestServer, okData, rid, startServer } from '../e2e/support/server';

/** Opens a pty pair, prints the terminal's path, and appends whatever the terminal is sent to a file. */
const RECORDER = `
import os, pty, sys, tty
master, slave = pty.openpty()
tty.setraw(slave)
out = open(sys.argv[1], 'ab', buffering=0)
print(os.ttyname(slave), flush=True)
while True:
    try:
        data = os.read(master, 4096)
    except OSError:
        break
    if not data:
        break
    out.write(data)
`;

const SEEN = { timeout: 10_000, interval: 50 };

interface Recorder {
  readonly device: string;
  /** Everything received so far, in hex. */
  bytes(): string;
  stop(): void;
}

const hex = (...parts: string[]): string => parts.join('').replace(/\s+/g, '').toLowerCase();

describe('window LED driver over a pseudo-terminal', { timeout: 60_000 }, () => {
  let server: TestServer;
  let kiosk: ClientSocket;
  let driver: WindowLedDriver | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'queue-window-led-'));
  const recorders: Recorder[] = [];
  const processes: ChildProcess[] = [];
  const operators = new Map<number, ClientSocket>();

  const record = async (name: string): Promise<Recorder> => {
    const file = join(dir, `${name}.bin`);
    writeFileSync(file, '');
    const child = spawn('python3', ['-c', RECORDER, file], { stdio: ['ignore', 'pipe', 'inherit'] });
    processes.push(child);
    const lines = createInterface({ input: child.stdout });
    const device = await new Promise<string>((resolve, reject) => {
      lines.once('line', resolve);
      child.once('exit', () => reject(new Error('the pty recorder stopped')));
    });
    const recorder = {
      device,
      bytes: () => readFileSync(file).toString('hex'),
      stop: () => child.kill(),
    };
    recorders.push(recorder);
    return recorder;
  };

  const operator = async (n: number): Promise<ClientSocket> => {
    const known = operators.get(n);
    if (known) return known;
    const socket = await server.connect((await server.login(`operator${n}`, '1111')).token);
    operators.set(n, socket);
    await okData(socket.emitWithAck('desk:open', { requestId: rid('open') }));
    return socket;
  };
  const call = async (n: number, serviceCode: string) => {
    await okData(kiosk.emitWithAck('ticket:issue', { requestId: rid('issue'), serviceCode }));
    const answer = await okData(
      (await operator(n)).emitWithAck('visit:call-next', { requestId: rid('call') }),
    );
    if (!answer.ticket) throw new Error(`desk ${n} called nobody`);
    return answer.ticket;
  };

  beforeAll(async () => {
    server = await startServer();
    kiosk = await server.connect(KIOSK_TOKEN);
  });

  afterAll(async () => {
    await driver?.close();
    for (const recorder of recorders) recorder.stop();
    for (const child of processes) if (child.exitCode === null) child.kill();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the exact bytes of its desk’s line for idle, a call and a recall, in each encoding', async () => {
    await operator(5);
    await operator(1);
    const [stxEtx, crLf, ascii, other] = [
      await record('cp866'),
      await record('cp1251'),
      await record('ascii'),
      await record('desk-1'),
    ];
    const config = WindowLedConfig.parse({
      server: server.url,
      deviceToken: DISPLAY_TOKEN,
      displays: [
        {
          desk: 5,
          device: stxEtx?.device,
          baudRate: 9600,
          template: '{ticket} → {deskName}',
          encoding: 'cp866',
          prefix: '02',
          suffix: '03',
        },
        {
          desk: 'desk-5',
          device: crLf?.device,
          baudRate: 19200,
          template: '{deskName}: {ticket}',
          idleTemplate: '{deskName} вільне',
          encoding: 'cp1251',
          suffix: '0d 0a',
        },
        {
          desk: '5',
          device: ascii?.device,
          template: '{ticket} {deskName}',
          encoding: 'ascii',
          width: 16,
          clearOnIdle: false,
        },
        { desk: 1, device: other?.device, encoding: 'ascii', suffix: '0d' },
      ],
    });
    if (!stxEtx || !crLf || !ascii || !other) throw new Error('no recorders');
    const said: string[] = [];
    driver = startDriver(config, { token: DISPLAY_TOKEN, say: (line) => said.push(line) });

    // Idle: STX ETX; "Вікно 5 вільне" CR LF; nothing for the display that keeps its last line.
    await expect.poll(() => stxEtx.bytes(), SEEN).toBe(hex('02 03'));
    const idle1251 = hex('c2 b3 ea ed ee 20 35', '20 e2 b3 eb fc ed e5', '0d 0a');
    await expect.poll(() => crLf.bytes(), SEEN).toBe(idle1251);
    await expect.poll(() => other.bytes(), SEEN).toBe(hex('0d'));
    await driver.flushed();
    expect(ascii.bytes()).toBe('');

    const ticket = await call(5, 'doc-residence');
    expect(ticket.number).toBe('П-001');
    // cp866 has no Ukrainian і: the Latin i stands in; the arrow becomes "->".
    const call866 = hex('02', '8f 2d 30 30 31', '20 2d 3e 20', '82 69 aa ad ae 20 35', '03');
    const call1251 = hex('c2 b3 ea ed ee 20 35', '3a 20', 'cf 2d 30 30 31', '0d 0a');
    const callAscii = hex('50 2d 30 30 31', '20', '56 69 6b 6e 6f 20 35', '20 20 20'); // "P-001 Vikno 5   "
    await expect.poll(() => stxEtx.bytes(), SEEN).toBe(hex('02 03') + call866);
    await expect.poll(() => crLf.bytes(), SEEN).toBe(idle1251 + call1251);
    await expect.poll(() => ascii.bytes(), SEEN).toBe(callAscii);

    // Desk 1 calls: its display shows "A-001" (the Cyrillic А transliterated); desk 5's get nothing.
    const elsewhere = await call(1, 'bill-reconcile');
    expect(elsewhere.number).toBe('А-001');
    await expect.poll(() => other.bytes(), SEEN).toBe(hex('0d', '41 2d 30 30 31', '0d'));
    await driver.flushed();
    expect(stxEtx.bytes()).toBe(hex('02 03') + call866);
    expect(crLf.bytes()).toBe(idle1251 + call1251);
    expect(ascii.bytes()).toBe(callAscii);

    // A recall is a new call: the same line again.
    const desk5 = await operator(5);
    await okData(desk5.emitWithAck('visit:recall', { requestId: rid('recall'), ticketId: ticket.id }));
    await expect.poll(() => stxEtx.bytes(), SEEN).toBe(hex('02 03') + call866 + call866);
    await expect.poll(() => ascii.bytes(), SEEN).toBe(callAscii + callAscii);

    // The visit ends: the idle line, except on the display that keeps the last number.
    await okData(desk5.emitWithAck('visit:start', { requestId: rid('start'), ticketId: ticket.id }));
    await okData(desk5.emitWithAck('visit:complete', { requestId: rid('done'), ticketId: ticket.id }));
    await expect.poll(() => stxEtx.bytes(), SEEN).toBe(hex('02 03') + call866 + call866 + hex('02 03'));
    await expect.poll(() => crLf.bytes(), SEEN).toBe(idle1251 + call1251 + call1251 + idle1251);
    await driver.flushed();
    expect(ascii.bytes()).toBe(callAscii + callAscii);
    expect(said.filter((line) => line.includes('cannot write'))).toEqual([]);
  });

  it('pairs as a display: prints a code, and once it is approved keeps the token in its file', async () => {
    const tokenFile = join(dir, 'device-token');
    const said: string[] = [];
    const paired = pairDriver({ server: server.url, tokenFile, pollMs: 50, say: (line) => said.push(line) });
    await expect.poll(() => said.find((line) => /code \d{3} \d{3}/.test(line)), SEEN).toBeDefined();
    const code = /code (\d{3}) (\d{3})/
      .exec(said.find((line) => line.includes('code ')) ?? '')
      ?.slice(1)
      .join('');
    const admin = await server.connect((await server.login('admin', 'admin')).token);
    await okData(
      admin.emitWithAck('device:approve', { code: code ?? '', role: 'display', name: 'Табло вікна 5' }),
    );
    const token = await paired;
    expect(readFileSync(tokenFile, 'utf8')).toBe(`${token}\n`);
    const device = await server.connect(token);
    const snapshot = await okData(device.emitWithAck('sync:snapshot', {}));
    expect(snapshot.principal).toMatchObject({ kind: 'device', role: 'display', name: 'Табло вікна 5' });
    device.close();
    admin.close();
  });
});
