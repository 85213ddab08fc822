import type { ReportJob } from '@iop/contracts';
import { Client } from 'pg';
import type { TestApp } from '../../testing/test-app';

/**
 * Every insert and update of a report row, in order, so that a test can check the states a job went through
 * (queued again between attempts) without racing the worker.
 */
export const REPORT_HISTORY_SQL = `
  CREATE TABLE report_history (seq bigserial PRIMARY KEY, report_id uuid, status text, attempts integer,
                               progress integer, error text);
  CREATE FUNCTION record_report_history() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO report_history (report_id, status, attempts, progress, error)
    VALUES (NEW.id, NEW.status, NEW.attempts, NEW.progress, NEW.error);
    RETURN NEW;
  END;
  $$;
  CREATE TRIGGER reports_history AFTER INSERT OR UPDATE ON reports
    FOR EACH ROW EXECUTE FUNCTION record_report_history();
`;

export interface ReportHistoryRow {
  status: string;
  attempts: number;
  progress: number;
  error: string | null;
}

export async function sql<T>(databaseUrl: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

export const reportHistory = (databaseUrl: string, reportId: string) =>
  sql<ReportHistoryRow>(
    databaseUrl,
    `SELECT status, attempts, progress, error FROM report_history WHERE report_id = $1 ORDER BY seq`,
    [reportId],
  );

/** The statuses a report went through, each once per stretch (progress updates repeat 'running'). */
export const statusSequence = (history: ReportHistoryRow[]) =>
  history.map((row) => row.status).filter((status, i, all) => i === 0 || all[i - 1] !== status);

/**
 * Polls GET /reports/:id until the report is finished (succeeded or failed), for at most `timeoutMs`; the
 * wait is bounded, never a fixed sleep.
 */
export async function waitUntilFinished(
  api: TestApp,
  token: string,
  reportId: string,
  timeoutMs = 30_000,
): Promise<ReportJob> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { status, body } = await api.request('GET', `/api/v1/reports/${reportId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (status !== 200) throw new Error(`GET /reports/${reportId} answered ${status}: ${JSON.stringify(body)}`);
    const report = body as ReportJob;
    if (report.status === 'succeeded' || report.status === 'failed') return report;
    if (Date.now() > deadline) throw new Error(`report ${reportId} still ${report.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
