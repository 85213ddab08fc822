import { Module } from '@nestjs/common';
import { AsOfQuery } from './as-of.query';
import { BreakdownQuery } from './breakdown.query';
import { DischargeReasonsQuery } from './discharge-reasons.query';
import { FlowQuery } from './flow.query';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';
import { SummaryQuery } from './summary.query';
import { TrendQuery } from './trend.query';

@Module({
  controllers: [MetricsController],
  exports: [MetricsService],
  providers: [MetricsService, AsOfQuery, SummaryQuery, TrendQuery, BreakdownQuery, FlowQuery, DischargeReasonsQuery],
})
export class MetricsModule {}
