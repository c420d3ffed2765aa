/**
 * `npm run hub:catalogue -- <command>`: the city administrator's catalogue at the hub
 * (docs/city.md, "One catalogue"). Reads QUEUE_HUB_URL and QUEUE_HUB_ADMIN_TOKEN.
 *
 *   publish <file.json> [--note <text>] [--by <name>]   publish the document as the next version
 *   show                                                the current version, the history, and each centre's fetched/applied version
 *   export-from-demo [<file.json>]                      a starting document: the reference catalogue (40 services)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { REFERENCE_CENTRE, catalogueOfCentre } from '@queue/core';

const USAGE = `Usage:
  npm run hub:catalogue -- publish <file.json> [--note <text>] [--by <name>]
  npm run hub:catalogue -- show
  npm run hub:catalogue -- export-from-demo [<file.json>]
publish and show read QUEUE_HUB_URL and QUEUE_HUB_ADMIN_TOKEN.`;

export interface CatalogueCommandOptions {
  readonly argv: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly print: (line: string) => void;
}

interface Answer {
  readonly ok?: boolean;
  readonly data?: unknown;
  readonly error?: { code?: string; message?: string };
}

const hubOf = (env: NodeJS.ProcessEnv): { url: string; token: string } => {
  const url = env.QUEUE_HUB_URL?.trim();
  const token = env.QUEUE_HUB_ADMIN_TOKEN?.trim();
  if (!url || !token) throw new Error('Set QUEUE_HUB_URL and QUEUE_HUB_ADMIN_TOKEN.');
  return { url: url.replace(/\/+$/, ''), token };
};

const ask = async (env: NodeJS.ProcessEnv, method: 'GET' | 'POST', body?: unknown): Promise<unknown> => {
  const { url, token } = hubOf(env);
  const response = await fetch(`${url}/api/hub/admin/catalogue`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(30_000),
  });
  const answer = (await response.json().catch(() => ({}))) as Answer;
  if (!answer.ok) {
    throw new Error(
      `The hub refused (${response.status} ${answer.error?.code ?? ''}): ${answer.error?.message ?? ''}`,
    );
  }
  return answer.data;
};

/** Run one command; resolves when it is done, rejects with a message for the administrator. */
export const runCatalogueCommand = async ({ argv, env, print }: CatalogueCommandOptions): Promise<void> => {
  const { positionals, values } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { note: { type: 'string' }, by: { type: 'string' } },
  });
  const [command, file] = positionals;
  switch (command) {
    case 'publish': {
      if (!file) throw new Error(USAGE);
      const document = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      // An exported document may carry its version: the hub numbers publications itself.
      const { version: _version, ...sections } = document;
      const data = (await ask(env, 'POST', {
        ...sections,
        ...(values.note ? { note: values.note } : {}),
        ...(values.by ? { publishedBy: values.by } : {}),
      })) as { version: number };
      print(`Published as version ${data.version}. Centres see it at their next fetch (within 10 minutes).`);
      return;
    }
    case 'show': {
      print(JSON.stringify(await ask(env, 'GET'), null, 2));
      return;
    }
    case 'export-from-demo': {
      const text = `${JSON.stringify(catalogueOfCentre(REFERENCE_CENTRE), null, 2)}\n`;
      if (file) {
        writeFileSync(file, text);
        print(`Wrote the reference catalogue to ${file}.`);
      } else print(text.trimEnd());
      return;
    }
    default:
      throw new Error(USAGE);
  }
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runCatalogueCommand({
    argv: process.argv.slice(2),
    env: process.env,
    print: (line) => process.stdout.write(`${line}\n`),
  }).catch((error: unknown) => {
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}${cause}\n`);
    process.exitCode = 1;
  });
}
