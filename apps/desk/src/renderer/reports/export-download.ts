/**
 * Downloads an export with the session token in the Authorization header (never in the URL,
 * where it would land in logs and history), then hands the file to the browser.
 */
import type { AppealExportQuery, ReportExportFormat, ReportRunPayload } from '@queue/protocol';

const download = async (
  token: string,
  path: string,
  params: URLSearchParams,
  name: string,
): Promise<boolean> => {
  try {
    const response = await fetch(`${path}?${params.toString()}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) return false;
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return true;
  } catch {
    return false;
  }
};

export const downloadReport = (
  token: string,
  query: ReportRunPayload,
  format: ReportExportFormat,
  language: string,
): Promise<boolean> =>
  download(
    token,
    '/api/reports/export',
    new URLSearchParams({
      from: query.from,
      to: query.to,
      groupBy: query.groupBy,
      format,
      lang: language,
      ...(query.organisationId ? { organisationId: query.organisationId } : {}),
    }),
    `report-${query.from}-${query.to}-${query.groupBy}.${format}`,
  );

/** The appeals journal (XLSX) or the appeals report (CSV, XLSX). */
export const downloadAppeals = (
  token: string,
  query: Omit<AppealExportQuery, 'lang'>,
  language: string,
): Promise<boolean> =>
  download(
    token,
    '/api/appeals/export',
    new URLSearchParams({
      kind: query.kind,
      from: query.from,
      to: query.to,
      format: query.format,
      lang: language,
      ...(query.kind === 'report' && query.dimension ? { dimension: query.dimension } : {}),
      ...(query.organisationId ? { organisationId: query.organisationId } : {}),
    }),
    `appeals-${query.kind}-${query.from}-${query.to}.${query.format}`,
  );
