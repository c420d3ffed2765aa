/**
 * Child process of the discovery tests, run inside the private network's server namespace:
 * an HTTP server on the namespace's address, announced with mDNS. Settings from the
 * environment; prints `{"msg":"advertising","port":N}`, and stops the announcement on SIGTERM.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { advertiseServer } from '../advertise';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

const http = createServer((_request, response) => response.end('queue server here'));
http.listen(Number(process.env.ADVERTISE_LISTEN_PORT ?? 0), env('ADVERTISE_HOST'), () => {
  const listening = (http.address() as AddressInfo).port;
  const advertisement = advertiseServer({
    port: Number(process.env.ADVERTISE_PORT ?? listening),
    tls: process.env.ADVERTISE_TLS === '1',
    serverId: env('ADVERTISE_SERVER_ID'),
    ...(process.env.ADVERTISE_FINGERPRINT ? { fingerprint: process.env.ADVERTISE_FINGERPRINT } : {}),
    onError: (error) => process.stdout.write(`${JSON.stringify({ msg: 'error', error: error.message })}\n`),
  });
  process.stdout.write(`${JSON.stringify({ msg: 'advertising', port: listening })}\n`);
  process.once('SIGTERM', () => {
    void advertisement.stop().then(() => http.close(() => process.exit(0)));
  });
});
