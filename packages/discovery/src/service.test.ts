import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, serverFromAnswer } from './service';

const txt = { v: PROTOCOL_VERSION, tls: '0', id: 'centre-a' };

describe('an mDNS answer as a server URL', () => {
  it('prefers an IPv4 address and follows the TLS flag', () => {
    expect(serverFromAnswer({ port: 8080, addresses: ['fe80::1', '192.168.1.10'], txt })).toEqual({
      url: 'http://192.168.1.10:8080',
      serverId: 'centre-a',
    });
    expect(serverFromAnswer({ port: 8443, addresses: ['10.0.0.2'], txt: { ...txt, tls: '1' } })?.url).toBe(
      'https://10.0.0.2:8443',
    );
  });

  it('falls back to the address the answer came from, bracketing IPv6', () => {
    expect(serverFromAnswer({ port: 8080, addresses: [], referer: { address: 'fd00::2' }, txt })?.url).toBe(
      'http://[fd00::2]:8080',
    );
  });

  it('ignores other protocol versions, other centres and malformed answers', () => {
    const answer = { port: 8080, addresses: ['10.0.0.2'], txt };
    expect(serverFromAnswer({ ...answer, txt: { ...txt, v: '999' } })).toBeUndefined();
    expect(serverFromAnswer(answer, 'centre-b')).toBeUndefined();
    expect(serverFromAnswer(answer, 'centre-a')?.serverId).toBe('centre-a');
    expect(serverFromAnswer({ ...answer, txt: { v: PROTOCOL_VERSION } })).toBeUndefined();
    expect(serverFromAnswer({ ...answer, txt: 'v=1' })).toBeUndefined();
    expect(serverFromAnswer({ ...answer, port: 0 })).toBeUndefined();
    expect(serverFromAnswer({ port: 8080, txt })).toBeUndefined();
  });

  it('passes the announced key fingerprint on, and ignores a malformed one', () => {
    const fp = 'A'.repeat(43);
    const answer = { port: 8080, addresses: ['10.0.0.2'], txt: { ...txt, fp } };
    expect(serverFromAnswer(answer)).toEqual({
      url: 'http://10.0.0.2:8080',
      serverId: 'centre-a',
      fingerprint: fp,
    });
    expect(serverFromAnswer({ ...answer, txt: { ...txt, fp: 'short' } })).toBeUndefined();
  });
});
