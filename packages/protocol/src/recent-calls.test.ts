import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeskId, Instant, ServiceCode } from '@queue/core';
import { latestCallsPerDesk } from './recent-calls';
import type { CallView } from './views';

const call = (seq: number, deskId: string): CallView => ({
  seq,
  kind: 'call',
  number: `А-${String(seq).padStart(3, '0')}`,
  serviceCode: 'subsidy' as ServiceCode,
  deskId: deskId as DeskId,
  at: (seq * 1000) as Instant,
});

describe('latestCallsPerDesk', () => {
  it('keeps a quiet desk’s calls after a busy spell at other desks', () => {
    const quiet = [call(1, 'desk-9'), call(2, 'desk-9')];
    const busy = Array.from({ length: 50 }, (_, index) => call(10 + index, index % 2 ? 'desk-1' : 'desk-2'));
    const kept = latestCallsPerDesk([...quiet, ...busy], 3);
    expect(kept.filter((entry) => entry.deskId === 'desk-9').map((entry) => entry.seq)).toEqual([1, 2]);
    expect(kept.filter((entry) => entry.deskId === 'desk-1').map((entry) => entry.seq)).toEqual([55, 57, 59]);
    expect(kept.map((entry) => entry.seq)).toEqual([...kept.map((entry) => entry.seq)].sort((a, b) => a - b));
  });

  it('keeps exactly the newest calls of each desk, at most perDesk each', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(10_000), { maxLength: 80 }),
        fc.array(fc.constantFrom('desk-1', 'desk-2', 'desk-3'), { minLength: 80, maxLength: 80 }),
        fc.integer({ min: 1, max: 10 }),
        (seqs, desks, perDesk) => {
          const calls = seqs.map((seq, index) => call(seq, desks[index] ?? 'desk-1'));
          const kept = latestCallsPerDesk(calls, perDesk);
          for (const desk of ['desk-1', 'desk-2', 'desk-3']) {
            const expected = calls
              .filter((entry) => entry.deskId === desk)
              .map((entry) => entry.seq)
              .sort((a, b) => a - b)
              .slice(-perDesk);
            expect(kept.filter((entry) => entry.deskId === desk).map((entry) => entry.seq)).toEqual(expected);
          }
        },
      ),
    );
  });
});
