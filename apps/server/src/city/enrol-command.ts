/**
 * `npm run hub:enrol -- --hub <url> --name <centre name>`: joins this centre to a city hub.
 * Asks the hub for enrolment, prints the 6-digit code for the city administrator to approve,
 * polls until the request is approved (or rejected), and prints the centre's key with the
 * two settings the centre's server then runs with (QUEUE_HUB_URL, QUEUE_HUB_KEY). The key is
 * shown once: the hub hands it over a single time and keeps only its hash.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export interface EnrolOptions {
  readonly hub: string;
  readonly name: string;
  /** Between polls (2 s). */
  readonly pollMs?: number;
  /** Give up after this long (24 h). */
  readonly timeoutMs?: number;
  readonly print?: (line: string) => void;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface Enrolled {
  readonly centreId: string;
  readonly key: string;
}

interface Answer {
  readonly ok?: boolean;
  readonly data?: Record<string, unknown>;
  readonly error?: { code?: string; message?: string };
}

const ask = async (url: string, init?: RequestInit): Promise<Answer & { status: number }> => {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
  const body = (await response.json().catch(() => ({}))) as Answer;
  return { ...body, status: response.status };
};

export const enrolAtHub = async (options: EnrolOptions): Promise<Enrolled> => {
  const base = options.hub.replace(/\/+$/, '');
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolveSleep) => setTimeout(resolveSleep, ms)));
  const asked = await ask(`${base}/api/hub/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ centreName: options.name }),
  });
  if (!asked.ok || typeof asked.data?.requestId !== 'string' || typeof asked.data.code !== 'string') {
    throw new Error(`The hub refused the enrolment: ${asked.status} ${asked.error?.message ?? ''}`.trim());
  }
  const { requestId, code } = asked.data;
  print(`Enrolment requested at ${base} for "${options.name}".`);
  print(`Code for the city administrator to approve: ${code}`);
  print('Waiting for the approval (Ctrl-C to stop; the request can be made again)…');
  const deadline = Date.now() + (options.timeoutMs ?? 86_400_000);
  for (;;) {
    const polled = await ask(`${base}/api/hub/enrol/${encodeURIComponent(requestId)}`).catch(
      (): undefined => undefined,
    );
    const status = polled?.data?.status;
    if (status === 'approved' && typeof polled?.data?.key === 'string') {
      return { centreId: String(polled.data.centreId), key: polled.data.key };
    }
    if (status === 'rejected') throw new Error('The city administrator rejected the enrolment.');
    if (status === 'collected') {
      throw new Error('The key was already collected by another poll; enrol again.');
    }
    if (polled && !polled.ok && polled.status < 500) {
      throw new Error(`The hub refused the poll: ${polled.status} ${polled.error?.message ?? ''}`.trim());
    }
    if (Date.now() > deadline) throw new Error('No approval came in time; enrol again.');
    await sleep(options.pollMs ?? 2_000);
  }
};

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: { hub: { type: 'string' }, name: { type: 'string' } },
    strict: true,
  });
  if (!values.hub || !URL.canParse(values.hub) || !values.name?.trim()) {
    process.stderr.write('Usage: npm run hub:enrol -- --hub https://hub.city.example --name "Centre name"\n');
    process.exitCode = 2;
    return;
  }
  const enrolled = await enrolAtHub({ hub: values.hub, name: values.name.trim() });
  say('');
  say(`Approved: this centre is ${enrolled.centreId} at the hub.`);
  say('Start the centre server with these settings (the key is shown only now; keep it secret):');
  say('');
  say(`QUEUE_HUB_URL=${values.hub.replace(/\/+$/, '')}`);
  say(`QUEUE_HUB_KEY=${enrolled.key}`);
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}${cause}\n`);
    process.exitCode = 1;
  });
}
