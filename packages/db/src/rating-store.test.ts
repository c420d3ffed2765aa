import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from './migrations';
import { RatingStore } from './rating-store';

const openStore = (): RatingStore => {
  const db = new Database(join(mkdtempSync(join(tmpdir(), 'ratings-')), 'queue.db'));
  migrate(db);
  return new RatingStore(db);
};

const rating = {
  ticketId: 't-1',
  serviceDay: '2026-11-24',
  serviceCode: 'subsidy',
  deskId: 'desk-3',
  operatorId: 'staff-3',
  score: 4,
  comment: 'Швидко',
  at: 1_000,
};

describe('RatingStore', () => {
  it('keeps the first rating of a visit and refuses a second one', () => {
    const store = openStore();
    expect(store.add(rating)).toBe(true);
    expect(store.add({ ...rating, score: 1 })).toBe(false);
    expect(store.get('t-1')).toEqual(rating);
  });

  it('refuses a score outside 1–5 at the database', () => {
    const store = openStore();
    expect(() => store.add({ ...rating, score: 6 })).toThrow(/CHECK/);
    expect(store.get('t-1')).toBeUndefined();
  });

  it('lists by service day and purges old comments but not scores', () => {
    const store = openStore();
    store.add(rating);
    store.add({ ...rating, ticketId: 't-2', serviceDay: '2026-11-25', at: 5_000 });
    expect(store.between('2026-11-24', '2026-11-24').map((entry) => entry.ticketId)).toEqual(['t-1']);
    expect(store.purgeCommentsBefore(2_000)).toBe(1);
    expect(store.get('t-1')).toEqual({ ...rating, comment: undefined });
    expect(store.get('t-2')?.comment).toBe('Швидко');
  });
});
