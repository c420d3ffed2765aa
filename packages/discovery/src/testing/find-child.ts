/**
 * Child process of the discovery tests, run inside the private network's client namespace:
 * one `findServer` call with the options in FIND_OPTIONS (JSON), then, when FIND_FETCH names
 * a path, a GET of that path on the URL found. Prints `{"msg":"found","found":…,"fetched":…}`
 * and the servers passed over for their fingerprint.
 */
import type { DiscoveredServer } from '../service';
import { type FindServerOptions, findServer } from '../find-server';

const options = JSON.parse(process.env.FIND_OPTIONS ?? '{}') as FindServerOptions;
const path = process.env.FIND_FETCH;
const passedOver: DiscoveredServer[] = [];

const found = await findServer({ ...options, onPassedOver: (server) => passedOver.push(server) });
let fetched: { status: number; body: string } | undefined;
if (found && path !== undefined) {
  const response = await fetch(`${found.url}${path}`);
  fetched = { status: response.status, body: await response.text() };
}
process.stdout.write(
  `${JSON.stringify({ msg: 'found', found: found ?? null, fetched: fetched ?? null, passedOver })}\n`,
);
