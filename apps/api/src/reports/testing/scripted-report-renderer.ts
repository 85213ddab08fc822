import { layOutPdf } from '../pdf/pdf-document';
import type { RenderedReport, ReportProgress, ReportRenderer, ReportRenderRequest } from '../report-renderer';

/** The period every report of this renderer states. */
export const SCRIPTED_PERIOD = '1 Jan 2025 - 31 Dec 2025';

/**
 * A renderer for the job tests: a one-page real PDF (pdfmake) naming the kind and the requester, with the
 * progress steps a real render reports, and failures on demand for reports whose filters match a key.
 */
export class ScriptedReportRenderer implements ReportRenderer {
  /** Every request it was asked to render, in order. */
  readonly requests: ReportRenderRequest[] = [];
  private readonly failures = new Map<string, { made: number; total: number }>();

  /** The next `times` renders of reports with these filters throw "Scripted failure <n> of <times>". */
  failTimes(filters: object, times: number): void {
    this.failures.set(JSON.stringify(filters), { made: 0, total: times });
  }

  async render(request: ReportRenderRequest, onProgress: ReportProgress): Promise<RenderedReport> {
    this.requests.push(request);
    await onProgress(0.1, 'Overview');
    await onProgress(0.5, 'Retention curves');
    const failures = this.failures.get(JSON.stringify(request.filters));
    if (failures && failures.made < failures.total) {
      failures.made += 1;
      throw new Error(`Scripted failure ${failures.made} of ${failures.total}`);
    }
    await onProgress(0.9, 'Laying out pages');
    const { pdf, pageCount } = await layOutPdf(
      { content: [{ text: `${request.kind} report for ${request.requestedBy}` }, { text: SCRIPTED_PERIOD }] },
      'IOP Outcomes test report',
    );
    return { pdf, pageCount, period: SCRIPTED_PERIOD };
  }
}
