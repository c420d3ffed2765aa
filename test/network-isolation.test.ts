/**
 * No test sends a packet off loopback outside a private network namespace: a static check
 * of every test file, since a stray mDNS query or a server on every interface works on a
 * developer's machine and only shows on a shared network (another engineer's screens, a
 * centre's LAN). Multicast belongs in `openPrivateNetwork` (packages/discovery/src/testing);
 * everything else injects its discovery.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './server/harness';

const ROOTS = ['packages', 'apps', 'test', 'bench'];

const testFiles = (): string[] =>
  ROOTS.flatMap((root) =>
    readdirSync(join(REPO_ROOT, root), { recursive: true, encoding: 'utf8' })
      .filter((file) => !/(^|\/)(node_modules|dist)\//.test(file))
      .filter((file) => /\.test\.tsx?$/.test(file))
      .map((file) => join(root, file))
      // This file names the patterns it looks for.
      .filter((file) => file !== 'test/network-isolation.test.ts'),
  );

/** The text of each `startShell(...)` call, up to its closing parenthesis. */
const startShellCalls = (source: string): string[] => {
  const calls: string[] = [];
  for (const match of source.matchAll(/startShell\(/g)) {
    let depth = 0;
    for (let index = match.index + 'startShell'.length; index < source.length; index += 1) {
      if (source[index] === '(') depth += 1;
      if (source[index] === ')' && (depth -= 1) === 0) {
        calls.push(source.slice(match.index, index + 1));
        break;
      }
    }
  }
  return calls;
};

describe('tests stay off the real network', () => {
  const files = testFiles().map((file) => ({ file, source: readFileSync(join(REPO_ROOT, file), 'utf8') }));

  it('finds the test files', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('multicast (mDNS) only inside a private network namespace', () => {
    const multicasting = files.filter(
      ({ source }) =>
        /\badvertiseServer\(|\bnew Bonjour\(|from 'bonjour-service'|from 'multicast-dns'/.test(source) ||
        // A real discovery call; the configured URL alone asks no one.
        /\bfindServer\(\{(?![^}]*configuredUrl)/.test(source),
    );
    expect(
      multicasting.filter(({ source }) => !source.includes('openPrivateNetwork')).map(({ file }) => file),
    ).toEqual([]);
  });

  it('no server on every interface outside a namespace', () => {
    const everywhere = files.filter(({ source }) =>
      /QUEUE_HOST:\s*'0\.0\.0\.0'|listen\([^)]*'0\.0\.0\.0'/.test(source),
    );
    expect(everywhere.map(({ file }) => file)).toEqual([]);
  });

  it('every shell a test starts has a fake discovery and a fake identity check', () => {
    const unfaked = files.flatMap(({ file, source }) =>
      startShellCalls(source)
        .filter((call) => !/\bfindServer\b/.test(call) || !/\bproveServer\b/.test(call))
        .map(() => file),
    );
    expect(unfaked).toEqual([]);
  });
});
