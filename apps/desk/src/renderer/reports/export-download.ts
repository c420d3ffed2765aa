/**
 * Downloads an export with the session token in the Authorization header (never in the URL,
 * where it would land in logs and history), then hands the file to the browser.
 */
import type { ReportExportFormat, ReportRunPayload } from '@queue/protocol';

export const downloadReport = async (
  token: string,
  query: ReportRunPayload,
  format: ReportExportFormat,
  language: string,
): Promise<boolean> => {
  const params = new URLSearchParams({
    from: query.from,
    to: query.to,
    groupBy: query.groupBy,
    format,
    lang: language,
    ...(query.organisationId ? { organisationId: query.organisationId } : {}),
  });
  try {
    const response = await fetch(`/api/reports/export?${params.toString()}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) return false;
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = `report-${query.from}-${query.to}-${query.groupBy}.${format}`;
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return true;
  } catch {
    return false;
  }
};
