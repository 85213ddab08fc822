import { Module } from '@nestjs/common';
import { ResultCache } from '../common/result-cache';
import { EpisodesModule } from '../episodes/episodes.module';
import { BreakdownQuery } from './breakdown.query';
import { DischargeReasonsQuery } from './discharge-reasons.query';
import { FlowQuery } from './flow.query';
import { FunnelCaseMixQuery } from './funnel-casemix.query';
import { FunnelService } from './funnel.service';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';
import { SummaryQuery } from './summary.query';
import { TrendQuery } from './trend.query';

@Module({
  imports: [EpisodesModule],
  controllers: [MetricsController],
  exports: [MetricsService, FunnelService],
  providers: [
    MetricsService,
    FunnelService,
    FunnelCaseMixQuery,
    SummaryQuery,
    TrendQuery,
    BreakdownQuery,
    FlowQuery,
    DischargeReasonsQuery,
    ResultCache,
  ],
})
export class MetricsModule {}
