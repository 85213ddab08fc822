import type {
  CostSummaryResponse,
  EvidenceResponse,
  QualityMeasuresResponse,
  RetentionResponse,
  SummaryResponse,
} from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import type { AccessScope } from '../../access/access-scope';
import { CostsService } from '../../costs/costs.service';
import { EvidenceService } from '../../evidence/evidence.service';
import { MetricsService } from '../../metrics/metrics.service';
import { QualityService } from '../../quality/quality.service';
import { RetentionService } from '../../retention/retention.service';
import type { ReportProgress, ReportRenderRequest } from '../report-renderer';
import { ReportCoverQuery, type ReportCoverFacts } from './report-cover.query';

/** Everything a report shows, as the services answered it for the report's scope and filters. */
export interface ReportContent {
  request: ReportRenderRequest;
  /** The scope the numbers were computed with: the request's, and for the payer variant always suppressing. */
  scope: AccessScope;
  cover: ReportCoverFacts;
  summary: SummaryResponse;
  /** Outcomes variant only. */
  retention: RetentionResponse | null;
  evidence: EvidenceResponse | null;
  quality: QualityMeasuresResponse;
  /** Payer variant only. */
  costs: CostSummaryResponse | null;
}

/** The last stage, after the content: the renderer reports it. */
export const LAYOUT_STAGE = 'Laying out pages';

/**
 * Reads the report's content from the services, one stage at a time, reporting each stage before it runs. The
 * payer variant is always computed with small cells suppressed, whoever asks for it, and reads no patient-level
 * service.
 */
@Injectable()
export class ReportContentGatherer {
  constructor(
    private readonly coverQuery: ReportCoverQuery,
    private readonly metrics: MetricsService,
    private readonly retention: RetentionService,
    private readonly evidence: EvidenceService,
    private readonly quality: QualityService,
    private readonly costs: CostsService,
  ) {}

  async gather(request: ReportRenderRequest, onProgress: ReportProgress): Promise<ReportContent> {
    const { kind, filters } = request;
    const scope: AccessScope = kind === 'payer' ? { ...request.scope, smallCells: 'suppress' } : request.scope;
    const stage = stagesReporter(kind === 'payer' ? PAYER_STAGES : OUTCOMES_STAGES, onProgress);
    const cover = await this.coverQuery.run(scope, filters);
    let content: ReportContent;
    if (kind === 'payer') {
      const costs = await stage('Costs', () => this.costs.summary(scope, filters));
      const summary = await stage('Key figures', () => this.metrics.summary(scope, filters));
      const quality = await stage('Quality measures', () => this.quality.measures(scope, filters));
      content = { request, scope, cover, summary, retention: null, evidence: null, quality, costs };
    } else {
      const summary = await stage('Key figures', () => this.metrics.summary(scope, filters));
      const retention = await stage('Retention curves', () => this.retention.curves(scope, filters, 'program'));
      const evidence = await stage('Evidence board', () => this.evidence.board(scope, filters));
      const quality = await stage('Quality measures', () => this.quality.measures(scope, filters));
      content = { request, scope, cover, summary, retention, evidence, quality, costs: null };
    }
    // The layout stage is reported here and done by the renderer: nothing to run.
    await stage(LAYOUT_STAGE, () => Promise.resolve());
    return content;
  }
}

const OUTCOMES_STAGES = ['Key figures', 'Retention curves', 'Evidence board', 'Quality measures', LAYOUT_STAGE];
const PAYER_STAGES = ['Costs', 'Key figures', 'Quality measures', LAYOUT_STAGE];

/**
 * Runs each stage after reporting it, at the share of the work done before it (each stage one equal share); the
 * renderer reports 1 once the file is written.
 */
function stagesReporter(stages: readonly string[], onProgress: ReportProgress) {
  return async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const index = stages.indexOf(name);
    if (index < 0) throw new Error(`unknown report stage ${name}`);
    await onProgress(index / stages.length, name);
    return run();
  };
}
