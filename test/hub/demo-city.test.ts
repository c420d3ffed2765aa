/**
 * `npm run demo:city` as a newcomer runs it (the script as a child, on free ports and a fast
 * tick): it prints the city's and every centre's URLs with the admin token, the hub lists the
 * three centres by their district names, events from all three arrive at the hub, and Ctrl-C
 * (SIGINT) stops everything cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_CENTRES } from '../../scripts/demo-city/centres';
import { call, exitOf } from './support';

const SCRIPT = fileURLToPath(new URL('../../scripts/demo-city.ts', import.meta.url));

/** Poll `check` until it returns a value, or fail after `ms` with the last reason. */
const eventually = async <T>(what: string, ms: number, check: () => Promise<T | undefined>): Promise<T> => {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Not in ${ms} ms: ${what}`);
    // Poll for the condition; not a wait for time to pass.
    await new Promise((resolvePoll) => setTimeout(resolvePoll, 100));
  }
};

interface CentreRow {
  readonly name: string;
  readonly streams: readonly { readonly lastSeq: number }[];
}

describe('npm run demo:city', () => {
  let child: ChildProcess | undefined;
  let output = '';

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGINT');
      await exitOf(child);
    }
  });

  it('prints the URLs, fills the hub from three centres and stops on Ctrl-C', async () => {
    const demo = spawn(process.execPath, ['--import', 'tsx', SCRIPT, '--free-ports', '--tick-ms', '100'], {
      env: { ...process.env, QUEUE_HUB_DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = demo;
    demo.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    demo.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));

    const printed = await eventually('the demo prints its URLs', 45_000, async () => {
      if (demo.exitCode !== null) throw new Error(`The demo exited early:\n${output}`);
      const hubUrl = /City live view:\s+(http:\/\/127\.0\.0\.1:\d+)\/city\/live/.exec(output)?.[1];
      const token = /Admin token:\s+(\S+)/.exec(output)?.[1];
      const displays = output.match(/Display: http:\/\/127\.0\.0\.1:\d+\/display\/\?device=\S+/g) ?? [];
      return hubUrl && token && displays.length === 3 ? { hubUrl, token } : undefined;
    });
    expect(output).toContain(`Public city page: ${printed.hubUrl}/city`);
    expect(output.match(/Desk:\s+http:\/\/127\.0\.0\.1:\d+\/desk\//g)).toHaveLength(3);
    expect(output.match(/Kiosk:\s+http:\/\/127\.0\.0\.1:\d+\/kiosk\/\?device=\S+/g)).toHaveLength(3);

    const centres = await eventually('events from all three centres at the hub', 30_000, async () => {
      const answer = await call(printed.hubUrl, 'GET', '/api/hub/centres', { token: printed.token });
      const rows = (answer.body.data?.centres ?? []) as CentreRow[];
      const arrived = rows.filter((row) => (row.streams[0]?.lastSeq ?? 0) > 0);
      return rows.length === 3 && arrived.length === 3 ? rows : undefined;
    });
    expect(centres.map((row) => row.name).sort()).toEqual(
      DEMO_CENTRES.map((centre) => centre.name.uk).sort(),
    );

    demo.kill('SIGINT');
    await exitOf(demo);
    expect(demo.exitCode).toBe(0);
    expect(output).toContain('Demo city stopped');
    await expect(fetch(`${printed.hubUrl}/api/hub/centres`)).rejects.toThrow();
  }, 90_000);
});
