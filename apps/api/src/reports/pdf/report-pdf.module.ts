import { Module } from '@nestjs/common';
import { CostsModule } from '../../costs/costs.module';
import { EvidenceModule } from '../../evidence/evidence.module';
import { MetricsModule } from '../../metrics/metrics.module';
import { QualityModule } from '../../quality/quality.module';
import { RetentionModule } from '../../retention/retention.module';
import { REPORT_RENDERER } from '../report-renderer';
import { PdfReportRenderer } from './pdf-report-renderer';
import { ReportContentGatherer } from './report-content-gatherer';
import { ReportCoverQuery } from './report-cover.query';

/** The PDF implementation of the ReportRenderer: reads the metric services and lays their answers out. */
@Module({
  imports: [MetricsModule, RetentionModule, EvidenceModule, QualityModule, CostsModule],
  providers: [ReportContentGatherer, ReportCoverQuery, { provide: REPORT_RENDERER, useClass: PdfReportRenderer }],
  exports: [REPORT_RENDERER],
})
export class ReportPdfModule {}
