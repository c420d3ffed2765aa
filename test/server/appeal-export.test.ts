/**
 * The appeals journal as a file: the XLSX opens with the paper journal's columns in order,
 * one row per appeal in number order with its classification, applicant, summary, result
 * and in whose favour; the report's CSV holds the screen's figures. Only supervisors and
 * administrators export, and the query is checked.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RecordingSocket, type TestServer, okData, rid, startServer } from './harness';

describe('appeals export', () => {
  let server: TestServer;
  let supervisorToken: string;
  let operatorToken: string;
  let supervisor: RecordingSocket;

  const exportOf = (query: string, token = supervisorToken) =>
    fetch(`${server.url}/api/appeals/export?${query}`, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    server = await startServer();
    supervisorToken = (await server.login('supervisor', '2222')).token;
    operatorToken = (await server.login('operator1', '1111', 'desk-1')).token;
    supervisor = await server.connect(supervisorToken);
    const file = async (summary: string, organisationId: string, name: string) =>
      (
        await okData(
          supervisor.emitWithAck('appeal:register', {
            requestId: rid('export'),
            channel: 'in-person',
            topic: { organisationId },
            summary,
            text: `${summary}: докладно`,
            applicant: { name, address: 'вул. Лісова, 12' },
          }),
        )
      ).appeal;
    const first = await file('Перерахунок за опалення', 'heat', 'Петро Мельник');
    await file('Лічильник води', 'water', 'Ганна Бойко');
    for (const [event, extra] of [
      ['appeal:classify', { appealClass: 'A' }],
      ['appeal:assign', { organisationId: 'heat' }],
      ['appeal:answer', { result: 'Зроблено перерахунок', favour: 'applicant' }],
    ] as const) {
      await okData(
        supervisor.emitWithAck(event, { requestId: rid(), appealId: first.id, ...extra } as never),
      );
    }
  });

  afterAll(async () => {
    await server.close();
  });

  it('exports the journal as XLSX with the paper form’s columns', async () => {
    const response = await exportOf('kind=journal&format=xlsx&from=2026-11-01&to=2026-11-30');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheet = workbook.getWorksheet('Журнал звернень');
    const rows = sheet?.getSheetValues().slice(1) as unknown[][];
    expect(rows[0]?.slice(1)).toEqual([
      'Номер',
      'Дата надходження',
      'Класифікація звернення',
      'ПІБ та адреса заявника',
      'Короткий зміст',
      'Результат',
      'На чию користь вирішено',
      'Стан',
      'Відповідь до',
    ]);
    expect(rows[1]?.slice(1)).toEqual([
      '2026/1',
      '24.11.2026 10:00',
      'A · Теплопостачання',
      'Петро Мельник, вул. Лісова, 12',
      'Перерахунок за опалення',
      'Зроблено перерахунок',
      'Заявника',
      'Надано відповідь',
      '04.12.2026',
    ]);
    expect(rows[2]?.slice(1, 4)).toEqual(['2026/2', '24.11.2026 10:00', 'Не класифіковано · Водоканал']);
    expect(rows).toHaveLength(3);
  });

  it('exports the report as CSV with the screen’s figures', async () => {
    const response = await exportOf(
      'kind=report&format=csv&from=2026-11-01&to=2026-11-30&dimension=organisation&lang=en',
    );
    expect(response.status).toBe(200);
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Organisation,Received,Answered,Closed without an answer on the merits,"On time, %","Days to answer, mean","Days to answer, 90th percentile",Extended,Forwarded to a higher body,Overdue now,"In the applicant\'s favour, %"',
    );
    expect(lines).toContain('Heat utility,1,1,0,100,0,0,0,0,0,100');
    expect(lines).toContain('Water utility,1,0,0,,,,0,0,0,');
    expect(lines.at(-1)).toBe('Total,2,1,0,100,0,0,0,0,0,100');
  });

  it('refuses operators, and a query that is not one', async () => {
    expect(
      (await exportOf('kind=journal&format=xlsx&from=2026-11-01&to=2026-11-30', operatorToken)).status,
    ).toBe(403);
    expect((await exportOf('kind=journal&format=xlsx&from=2026-11-30&to=2026-11-01')).status).toBe(400);
    expect((await exportOf('kind=journal&format=csv&from=2026-11-01&to=2026-11-30')).status).toBe(400);
    expect((await exportOf('kind=ledger&format=xlsx&from=2026-11-01&to=2026-11-30')).status).toBe(400);
    expect((await exportOf('kind=journal&format=xlsx&from=2026-11-01&to=2026-11-30', 'nope')).status).toBe(
      401,
    );
  });
});
