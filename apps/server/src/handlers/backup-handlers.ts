/**
 * A backup on demand from the desk app's settings: administrators only, audited. It goes
 * through the server's backup runner, so it never overlaps the scheduled one.
 */
import { basename } from 'node:path';
import { type Ack, type BackupAnswer } from '@queue/protocol';
import { hasRole } from '../auth';
import { onAsync } from './async-handler';
import { auditAction, emptyPayload, refuse } from './handler';
import type { HandlerContext, QueueSocket } from './handler';

export const registerBackupHandlers = (socket: QueueSocket, context: HandlerContext): void => {
  onAsync(
    socket,
    context,
    'backup:now',
    emptyPayload,
    async (_payload, principal): Promise<Ack<BackupAnswer>> => {
      if (principal.kind !== 'staff' || !hasRole(principal, 'admin')) {
        return refuse('FORBIDDEN', 'Only administrators take backups.');
      }
      if (!context.backupNow) {
        return refuse('NOT_FOUND', 'This server takes no backups (QUEUE_BACKUP_DIR is not configured).');
      }
      const file = basename(await context.backupNow());
      const at = Date.now();
      auditAction(socket, context, { action: 'backup:now', target: `backup:${file}`, details: {} });
      context.logger.info('backup written', { file, by: principal.staffId });
      return { ok: true, data: { file, at } };
    },
  );
};
