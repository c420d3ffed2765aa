import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddressReader, isAddressOrRange } from './client-address';

const request = (peer: string, forwardedFor?: string): IncomingMessage =>
  ({
    socket: { remoteAddress: peer },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

describe('clientAddressReader', () => {
  it('takes the peer, and ignores X-Forwarded-For from anyone but a trusted proxy', () => {
    const read = clientAddressReader(['10.0.0.5']);
    expect(read(request('203.0.113.7'))).toBe('203.0.113.7');
    expect(read(request('203.0.113.7', '198.51.100.1'))).toBe('203.0.113.7');
    expect(clientAddressReader([])(request('10.0.0.5', '198.51.100.1'))).toBe('10.0.0.5');
  });

  it('behind trusted proxies, takes the nearest hop that is not one of them', () => {
    const read = clientAddressReader(['10.0.0.5', '172.16.0.0/12']);
    expect(read(request('10.0.0.5', '198.51.100.1'))).toBe('198.51.100.1');
    // A client that writes its own header gets its real address, not the one it wrote.
    expect(read(request('10.0.0.5', '1.2.3.4, 198.51.100.1'))).toBe('198.51.100.1');
    expect(read(request('::ffff:10.0.0.5', '198.51.100.1, 172.16.4.4'))).toBe('198.51.100.1');
    expect(read(request('10.0.0.5', 'garbage'))).toBe('10.0.0.5');
  });

  it('reads IPv6 ranges', () => {
    const read = clientAddressReader(['fd00::/8']);
    expect(read(request('fd00::1', '2001:db8::7'))).toBe('2001:db8::7');
  });
});

describe('isAddressOrRange', () => {
  it('accepts addresses and ranges, and nothing else', () => {
    for (const entry of ['10.0.0.5', '10.0.0.0/24', 'fd00::/8', '::1'])
      expect(isAddressOrRange(entry), entry).toBe(true);
    for (const entry of ['10.0.0.0/33', 'proxy.local', '10.0.0.0/8/1', 'fd00::/129', '10.0.0.0/x'])
      expect(isAddressOrRange(entry), entry).toBe(false);
  });
});
