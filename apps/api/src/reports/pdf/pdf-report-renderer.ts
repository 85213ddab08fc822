import { Injectable } from '@nestjs/common';
import type { Content } from 'pdfmake/interfaces';
import type { RenderedReport, ReportProgress, ReportRenderer, ReportRenderRequest } from '../report-renderer';
import { layOutPdf } from './pdf-document';
import { LAYOUT_STAGE, type ReportContent, ReportContentGatherer } from './report-content-gatherer';
import { formatPeriodDate, winAnsi } from './report-format';
import { costsSection } from './sections/costs-section';
import { coverSection, REPORT_TITLES, reportingPeriod } from './sections/cover-section';
import { definitionsSection } from './sections/definitions-section';
import { evidenceSection } from './sections/evidence-section';
import { kpiSection } from './sections/kpi-section';
import { REPORT_STYLES } from './sections/layout';
import { qualitySection } from './sections/quality-section';
import { retentionSection } from './sections/retention-section';

/**
 * The PDF report: the gatherer reads the services, the sections turn their answers into
 * pdfmake content, and this puts them in the variant's order and lays out the pages.
 */
@Injectable()
export class PdfReportRenderer implements ReportRenderer {
  constructor(private readonly gatherer: ReportContentGatherer) {}

  async render(request: ReportRenderRequest, onProgress: ReportProgress): Promise<RenderedReport> {
    const content = await this.gatherer.gather(request, onProgress);
    const period = reportingPeriod(request.filters, content.cover.firstAdmit, content.summary.asOf);
    const asOf = content.summary.asOf;
    const footer = winAnsi(
      `${REPORT_TITLES[request.kind]}, ${period}${asOf ? `, data as of ${formatPeriodDate(asOf)}` : ''}`,
    );
    const { pdf, pageCount } = await layOutPdf(
      {
        info: { title: `${REPORT_TITLES[request.kind]}, ${period}`, creator: 'IOP Outcomes' },
        styles: REPORT_STYLES,
        content: [
          ...coverSection({
            kind: request.kind,
            cover: content.cover,
            period,
            asOf,
            filters: request.filters,
            generatedAt: request.generatedAt,
            requestedBy: request.requestedBy,
          }),
          ...bodySections(content),
        ],
      },
      footer,
    );
    await onProgress(1, LAYOUT_STAGE);
    return { pdf, pageCount, period };
  }
}

/**
 * The sections in the variant's order. The payer variant puts cost-effectiveness first and has no retention
 * steps or evidence detail (nothing patient-level, and every figure suppressed by the services).
 */
function bodySections(content: ReportContent): Content[] {
  const { request, summary, quality } = content;
  if (request.kind === 'payer') {
    if (!content.costs) throw new Error('the payer report needs the cost summary');
    return [
      ...costsSection(content.costs),
      ...kpiSection(summary),
      ...qualitySection(quality),
      ...definitionsSection('payer', quality),
    ];
  }
  if (!content.retention || !content.evidence) throw new Error('the outcomes report needs retention and evidence');
  return [
    ...kpiSection(summary),
    ...retentionSection(content.retention),
    ...evidenceSection(content.evidence),
    ...qualitySection(quality),
    ...definitionsSection('outcomes', quality),
  ];
}
