/**
 * A centre's history read as the chain of its streams (docs/city.md, "Restores"). A stream
 * after a restore starts at `first_seq`, the restored file's next number, so every earlier
 * stream's events from that seq on are ones the restore lost at the centre: each stream is cut
 * where a later one starts. Walking from the newest stream back, the limit is the smallest
 * `first_seq − 1` seen so far; a stream wholly past it contributes nothing (a second restore
 * from an even older backup).
 */
import type pg from 'pg';

/** The part of one stream that belongs to the centre's history: seqs `from`..`to`. */
export interface ChainLink {
  readonly epoch: string;
  readonly from: number;
  readonly to: number;
}

type Queryable = Pick<pg.PoolClient, 'query'>;

export const chainOf = async (client: Queryable, centreId: string): Promise<ChainLink[]> => {
  const streams = await client.query<{ epoch: string; first_seq: string; last_seq: string }>(
    `SELECT epoch, first_seq, last_seq FROM centre_streams WHERE centre_id = $1
      ORDER BY started_at DESC, epoch DESC`,
    [centreId],
  );
  const links: ChainLink[] = [];
  let limit = Number.POSITIVE_INFINITY;
  for (const row of streams.rows) {
    const from = Number(row.first_seq);
    const to = Math.min(Number(row.last_seq), limit);
    if (to >= from) links.push({ epoch: row.epoch, from, to });
    limit = Math.min(limit, from - 1);
  }
  return links.reverse();
};

/** Where a reader of the chain stands: after this seq of this stream. */
export interface ChainPosition {
  readonly epoch: string;
  readonly seq: number;
}

/**
 * The ranges still to read after `position`, in order; undefined when the position is no
 * longer on the chain (a restore cut the stream before it): the reader must start again.
 */
export const rangesAfter = (
  chain: readonly ChainLink[],
  position: ChainPosition | undefined,
): ChainLink[] | undefined => {
  if (!position) return [...chain];
  const index = chain.findIndex((link) => link.epoch === position.epoch);
  if (index === -1) return undefined;
  const link = chain[index]!;
  // Past the end of its link: the events read beyond the cut are no longer the centre's history.
  const isLast = index === chain.length - 1;
  if (position.seq > link.to && !isLast) return undefined;
  const rest: ChainLink[] = [];
  if (position.seq < link.to)
    rest.push({ epoch: link.epoch, from: Math.max(link.from, position.seq + 1), to: link.to });
  rest.push(...chain.slice(index + 1));
  return rest;
};
