import type { Response } from 'express';
import type { ExportFormat } from './tabular-export';

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Headers of a download, named `<name>-<UTC day>.<format>`. Set only once nothing can fail with an error status
 * any more (filters validated, measure found, row limit checked), so that those stay plain JSON errors.
 */
export function startDownload(response: Response, name: string, format: ExportFormat): void {
  const day = new Date().toISOString().slice(0, 10);
  response.status(200);
  response.setHeader('Content-Type', EXPORT_CONTENT_TYPES[format]);
  response.setHeader('Content-Disposition', `attachment; filename="${name}-${day}.${format}"`);
  response.setHeader('Cache-Control', 'no-store');
}
