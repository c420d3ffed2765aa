/**
 * The live connections by the credential they were opened with, so that ending a credential
 * ends its connections at once: a logout, a revoked device, a session past its time (checked
 * on every scheduler tick). The server disconnects the socket; the client's attempt to come
 * back is then refused at the door and it shows its login or pairing screen.
 */
import type { Server } from 'socket.io';
import { Auditor } from './audit';
import type { QueueSocket } from './handlers';

export class LiveSockets {
  private io?: Server;

  attach(io: Server): void {
    this.io = io;
  }

  private sockets(): QueueSocket[] {
    return this.io ? ([...this.io.sockets.sockets.values()] as unknown as QueueSocket[]) : [];
  }

  /** Disconnect every connection opened with one of these token hashes; returns how many. */
  close(tokenHashes: readonly string[]): number {
    const ending = new Set(tokenHashes);
    let closed = 0;
    for (const socket of this.sockets()) {
      if (socket.data.tokenHash && ending.has(socket.data.tokenHash)) {
        socket.disconnect(true);
        closed += 1;
      }
    }
    return closed;
  }

  /** Disconnect connections whose credential no longer holds, and audit each. */
  sweep(stillValid: (tokenHash: string) => boolean, audit: Auditor): void {
    for (const socket of this.sockets()) {
      const { tokenHash, principal } = socket.data;
      if (!tokenHash || stillValid(tokenHash)) continue;
      audit.record({
        actor: Auditor.actor(principal),
        action: 'session:closed',
        details: { reason: 'credential-ended' },
        address: socket.handshake.address,
      });
      socket.disconnect(true);
    }
  }

  isOnline(deviceId: string): boolean {
    return this.sockets().some(
      (socket) => socket.data.principal.kind === 'device' && socket.data.principal.deviceId === deviceId,
    );
  }
}
