/**
 * A centre upgraded to a version whose reports need their projection built from the log:
 * the server starts at once and serves the queue while the projection is built in batches;
 * until then reports say they are being prepared, and afterwards they show the history.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualTimers } from '../support/manual-timers';
import { KIOSK_TOKEN, type TestServer, okData, rid, startServer } from './harness';

describe('reports after an upgrade', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
  });

  it('are prepared in the background while the queue works', async () => {
    server = await startServer();
    const kiosk = await server.connect(KIOSK_TOKEN);
    for (let index = 0; index < 3; index += 1) {
      await okData(kiosk.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'bill-reconcile' }));
    }
    const query = { from: '2026-11-24', to: '2026-11-24', groupBy: 'service' } as const;
    const admin = await server.connect((await server.login('admin', 'admin')).token);
    const before = await okData(admin.emitWithAck('report:run', query));
    expect(before.total.issued).toBe(3);
    // As a database from before the projection: the log only.
    const { databaseFile } = server;
    const timers = new ManualTimers();
    server.closeSockets();
    await server.app.close();
    const raw = new Database(databaseFile);
    raw.exec(
      "DELETE FROM visit_segments; DELETE FROM report_day_summaries; DELETE FROM report_summarised_days; DELETE FROM meta WHERE key = 'visit_segments_backfilled';",
    );
    raw.close();
    server = await startServer({ databaseFile, timers });

    const staff = await server.connect((await server.login('admin', 'admin')).token);
    expect(await staff.emitWithAck('report:run', query)).toMatchObject({
      ok: false,
      error: { code: 'REPORTS_PREPARING' },
    });
    // The queue works meanwhile.
    const kioskAgain = await server.connect(KIOSK_TOKEN);
    await okData(kioskAgain.emitWithAck('ticket:issue', { requestId: rid(), serviceCode: 'bill-reconcile' }));
    // The background work's turns, run by hand until it stops asking for more.
    for (let turn = 0; turn < 100 && timers.waiting > 0; turn += 1) timers.fire();
    await server.app.reportsReady;
    const after = await okData(staff.emitWithAck('report:run', query));
    expect(after.total.issued).toBe(4);
  });
});
