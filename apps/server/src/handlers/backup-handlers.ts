/**
 * A backup on demand from the desk app's settings: administrators only (the contract's
 * rule), audited. It goes through the server's backup runner, so it never overlaps the
 * scheduled one.
 */
import { basename } from 'node:path';
import type { Ack, BackupAnswer } from '@queue/protocol';
import { auditAction, refuse } from './handler';
import type { HandlerContext, QueueSocket } from './handler';
import { on } from './on';

export const registerBackupHandlers = (socket: QueueSocket, context: HandlerContext): void => {
  on(socket, context, 'backup:now', async (_payload, principal): Promise<Ack<BackupAnswer>> => {
    if (!context.backupNow) {
      return refuse('NOT_FOUND', 'This server takes no backups (QUEUE_BACKUP_DIR is not configured).');
    }
    const file = basename(await context.backupNow());
    const at = Date.now();
    auditAction(socket, context, { action: 'backup:now', target: `backup:${file}`, details: {} });
    context.logger.info('backup written', {
      file,
      by: principal.kind === 'staff' ? principal.staffId : principal.deviceId,
    });
    return { ok: true, data: { file, at } };
  });
};
