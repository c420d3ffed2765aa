/**
 * The bytes of compiled code in a page's heap, from a V8 heap snapshot taken through CDP.
 * Over a long run V8 keeps compiling and optimising the page's functions, and that code
 * counts in `Runtime.getHeapUsage`; it levels off, while objects the page keeps by mistake
 * grow with every call, so the benchmark takes the code out to tell the two apart.
 */
import type { CDPSession } from 'playwright-core';

interface Snapshot {
  readonly snapshot: { readonly meta: { readonly node_fields: string[]; readonly node_types: [string[]] } };
  readonly nodes: number[];
}

export const compiledCodeBytes = async (cdp: CDPSession): Promise<number> => {
  const chunks: string[] = [];
  const onChunk = (event: { chunk: string }): void => {
    chunks.push(event.chunk);
  };
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  const parsed = JSON.parse(chunks.join('')) as Snapshot;
  const fields = parsed.snapshot.meta.node_fields;
  const types = parsed.snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  let codeBytes = 0;
  for (let i = 0; i < parsed.nodes.length; i += fields.length) {
    if (types[parsed.nodes[i + typeAt] ?? 0] === 'code') codeBytes += parsed.nodes[i + sizeAt] ?? 0;
  }
  return codeBytes;
};
