/**
 * `npm run window-led -- --config /etc/queue-centre/window-led.json`: drives the serial LED
 * window displays listed in the file (see hardware/README.md). Without a token it pairs first;
 * a token the server no longer accepts is dropped and the process exits, so that its service
 * manager starts it again and it pairs anew.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from './config';
import { startDriver } from './driver';
import { pairDriver } from './pairing';

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

const main = async (): Promise<void> => {
  const { values } = parseArgs({ options: { config: { type: 'string', short: 'c' } } });
  if (!values.config) throw new Error('usage: npm run window-led -- --config <file.json>');
  const config = loadConfig(values.config);
  const tokenFile = config.deviceTokenFile;
  const kept = tokenFile && existsSync(tokenFile) ? readFileSync(tokenFile, 'utf8').trim() : '';
  const token =
    config.deviceToken ??
    (kept || (tokenFile ? await pairDriver({ server: config.server, tokenFile, say }) : ''));
  const driver = startDriver(config, {
    token,
    say,
    onStatus: (status) => {
      if (status !== 'unauthorised') return;
      say('the server refused the device token (revoked?)');
      if (tokenFile && !config.deviceToken) rmSync(tokenFile, { force: true });
      void driver.close().then(() => process.exit(1));
    },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void driver.close().then(() => process.exit(0)));
  }
  say(`driving ${config.displays.map((display) => `desk ${display.desk} on ${display.device}`).join(', ')}`);
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
