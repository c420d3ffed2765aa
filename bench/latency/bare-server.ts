/**
 * The limit for call latency: a bare socket.io server with the queue server's settings and
 * no queue logic. A desk's 'call' is acknowledged and broadcast to every connected client,
 * the same fan-out a real call has (boards and kiosks, and every desk's staff screen).
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { answerLoopDelay } from '../lib/loop-delay';

const httpServer = createServer();
const io = new Server(httpServer, {
  maxHttpBufferSize: 256 * 1024,
  serveClient: false,
  pingInterval: 10_000,
  pingTimeout: 8_000,
});

io.on('connection', (socket) => {
  socket.on('call', (payload: unknown, ack?: (answer: unknown) => void) => {
    io.emit('called', payload);
    ack?.({ ok: true });
  });
});

httpServer.listen(0, '127.0.0.1', () => {
  const address = httpServer.address();
  process.send?.({ type: 'listening', port: typeof address === 'object' && address ? address.port : 0 });
});
const stop = (): void => {
  void io.close(() => process.exit(0));
};
answerLoopDelay();
process.on('SIGTERM', stop);
process.on('disconnect', stop);
