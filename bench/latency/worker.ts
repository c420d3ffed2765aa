/**
 * A latency worker process: a group of desk, board or kiosk clients (the role is the first
 * argument), driven by the orchestrator over IPC: connect, run, collect, disconnect.
 */
import { Boards } from './board';
import { Desks } from './desk';
import { Kiosks } from './kiosk';
import type { FromWorker, ToWorker } from './messages';

const role = process.argv[2];
let desks: Desks | undefined;
let boards: Boards | undefined;
let kiosks: Kiosks | undefined;

const send = (message: FromWorker): void => {
  process.send?.(message);
};

const handle = async (message: ToWorker): Promise<void> => {
  switch (message.type) {
    case 'connect':
      if (role === 'desk')
        await (desks = new Desks(message.url, message.mode)).connect(message.deskIds ?? []);
      if (role === 'board')
        await (boards = new Boards(message.url, message.mode)).connect(message.clients ?? 0);
      if (role === 'kiosk') {
        await (kiosks = new Kiosks(message.url, message.mode)).connect(
          message.clients ?? 0,
          message.services ?? [],
        );
      }
      return send({ type: 'ready' });
    case 'prefill':
      await kiosks?.prefill(message.tickets);
      return send({ type: 'prefilled' });
    case 'run': {
      if (desks) return send({ type: 'done', ...(await desks.run(message)) });
      const refused = (await kiosks?.run(message)) ?? 0;
      return send({ type: 'done', calls: [], refused });
    }
    case 'collect':
      return send({
        type: 'receipts',
        ...(boards?.collect() ?? { receipts: [], summaries: 0, summaryBytes: 0 }),
      });
    case 'disconnect':
      desks?.close();
      boards?.close();
      kiosks?.close();
      return send({ type: 'disconnected' });
  }
};

process.on('message', (message: ToWorker) => {
  handle(message).catch((error: unknown) => send({ type: 'error', message: String(error) }));
});
process.on('disconnect', () => process.exit(0));
