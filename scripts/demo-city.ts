/**
 * `npm run demo:city`: a whole city on one machine, for a newcomer to watch the city view fill
 * up. It starts a throwaway PostgreSQL (scripts/lib/throwaway-postgres.ts; or uses
 * QUEUE_HUB_DATABASE_URL when set), the hub with a freshly generated admin token, and three
 * demo centre servers, each enrolled at the hub first (request, approval, key) so that its key
 * goes in its environment (QUEUE_HUB_URL, QUEUE_HUB_KEY) as a real centre's would. Each centre
 * is renamed to its district and then worked by a traffic generator (scripts/demo-city/
 * traffic.ts). It prints the URLs; Ctrl-C stops every child and removes the temporary cluster
 * and the centres' files.
 *
 * Flags: --tick-ms <ms> (the generator's pace, 1000), --ticks <n> (stop by itself after n
 * ticks), --free-ports (any free ports instead of 8090 for the hub and 8091–8093 for centres).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { KIOSK_TOKEN, DISPLAY_TOKEN } from '../bench/lib/clients';
import { type Child, startCentre, startHub } from './demo-city/children';
import { DEMO_CENTRES, applyDemoName } from './demo-city/centres';
import { centrePositions, enrolCentre } from './demo-city/hub-api';
import { type CentreTraffic, startTraffic } from './demo-city/traffic';
import { type ThrowawayPostgres, startPostgres } from './lib/throwaway-postgres';

const HUB_PORT = 8090;
const FIRST_CENTRE_PORT = 8091;
/** A status line this often (wall clock), whatever the tick. */
const STATUS_EVERY_MS = 15_000;

const { values: flags } = parseArgs({
  options: {
    'tick-ms': { type: 'string', default: '1000' },
    ticks: { type: 'string' },
    'free-ports': { type: 'boolean', default: false },
  },
});
const tickMs = Math.max(10, Number(flags['tick-ms']));
const maxTicks = flags.ticks === undefined ? Infinity : Number(flags.ticks);
const port = (fixed: number): number => (flags['free-ports'] ? 0 : fixed);

const folder = mkdtempSync(join(tmpdir(), 'queue-city-demo-'));
let postgres: ThrowawayPostgres | undefined;
let hub: Child | undefined;
const centres: Child[] = [];
const traffic: CentreTraffic[] = [];
let timer: NodeJS.Timeout | undefined;
let stopping: Promise<void> | undefined;

const shutdown = (exitCode: number): Promise<void> => {
  stopping ??= (async () => {
    if (timer) clearInterval(timer);
    for (const generator of traffic) generator.close();
    await Promise.all(centres.map((centre) => centre.stop()));
    await hub?.stop();
    await postgres?.destroy();
    rmSync(folder, { recursive: true, force: true });
    console.log('Demo city stopped: children ended, temporary files removed.');
    process.exit(exitCode);
  })();
  return stopping;
};

/** A child that dies while the demo runs takes the demo down, saying why. */
const watch = (child: Child): void => {
  child.process.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${child.name} exited (${code ?? signal}):\n${child.tail()}`);
    void shutdown(1);
  });
};

const databaseUrl = async (): Promise<string> => {
  const given = process.env.QUEUE_HUB_DATABASE_URL?.trim();
  if (given) return given;
  postgres = await startPostgres();
  return postgres.createDatabase('city_hub');
};

const statusLine = async (hubUrl: string, adminToken: string): Promise<string> => {
  const positions = await centrePositions(hubUrl, adminToken).catch(() => []);
  return DEMO_CENTRES.map((centre, index) => {
    const counts = traffic[index]?.counts;
    const atHub = positions.find((entry) => entry.name === centre.name.uk)?.acknowledged ?? 0;
    return `${centre.slug}: ${counts?.issued ?? 0} issued, ${counts?.completed ?? 0} served, hub at event ${atHub}`;
  }).join(' | ');
};

const main = async (): Promise<void> => {
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  const adminToken = randomBytes(24).toString('base64url');
  console.log('Starting the demo city: PostgreSQL, the hub, three centres…');
  hub = await startHub({ databaseUrl: await databaseUrl(), port: port(HUB_PORT), adminToken });
  watch(hub);
  const hubUrl = hub.url;

  const started = await Promise.all(
    DEMO_CENTRES.map(async (centre, index) => {
      const { key } = await enrolCentre(hubUrl, adminToken, centre.name.uk);
      mkdirSync(join(folder, centre.slug));
      const child = await startCentre({
        name: centre.slug,
        databaseFile: join(folder, centre.slug, 'queue.sqlite'),
        port: port(FIRST_CENTRE_PORT + index),
        hubUrl,
        hubKey: key,
      });
      centres.push(child);
      watch(child);
      await applyDemoName(child.url, centre.name);
      return { centre, child };
    }),
  );
  for (const { centre, child } of started) traffic.push(await startTraffic(child.url, centre));

  console.log(
    [
      '',
      'The demo city is running.',
      `  City live view:   ${hubUrl}/city/live`,
      `  Admin token:      ${adminToken}   (paste it into the live view)`,
      `  Public city page: ${hubUrl}/city`,
      `  Hub API:          ${hubUrl}/api/hub/centres   (Authorization: Bearer <admin token>)`,
      '',
      ...started.flatMap(({ centre, child }) => [
        `  ${centre.name.en} (${centre.slug}), desks ${centre.desks.join(', ')} worked by the generator:`,
        `    Desk:    ${child.url}/desk/   (admin / admin; operatorN / 1111 at a free desk)`,
        `    Kiosk:   ${child.url}/kiosk/?device=${KIOSK_TOKEN}`,
        `    Display: ${child.url}/display/?device=${DISPLAY_TOKEN}`,
      ]),
      '',
      `A visitor every few ticks of ${tickMs} ms at each centre. Ctrl-C stops everything.`,
      '',
    ].join('\n'),
  );

  let ticks = 0;
  let lastStatus = Date.now();
  timer = setInterval(() => {
    ticks += 1;
    for (const generator of traffic) generator.tick();
    if (Date.now() - lastStatus >= STATUS_EVERY_MS) {
      lastStatus = Date.now();
      void statusLine(hubUrl, adminToken).then((line) => console.log(line));
    }
    if (ticks >= maxTicks) void shutdown(0);
  }, tickMs);
};

main().catch((error: unknown) => {
  console.error(
    `demo:city failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  void shutdown(1);
});
