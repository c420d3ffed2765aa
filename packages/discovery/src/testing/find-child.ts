/**
 * Child process of the discovery tests, run inside the private network's client namespace:
 * one `findServer` call with the options in FIND_OPTIONS (JSON), then, when FIND_FETCH names
 * a path, a GET of that path on the URL found. Prints `{"msg":"found","found":…,"body":…}`.
 */
import { type FindServerOptions, findServer } from '../find-server';

const options = JSON.parse(process.env.FIND_OPTIONS ?? '{}') as FindServerOptions;
const path = process.env.FIND_FETCH;

const found = await findServer(options);
let fetched: { status: number; body: string } | undefined;
if (found && path !== undefined) {
  const response = await fetch(`${found.url}${path}`);
  fetched = { status: response.status, body: await response.text() };
}
process.stdout.write(`${JSON.stringify({ msg: 'found', found: found ?? null, fetched: fetched ?? null })}\n`);
