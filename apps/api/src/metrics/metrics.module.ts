import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';
import { SummaryQuery } from './summary.query';

@Module({ controllers: [MetricsController], providers: [MetricsService, SummaryQuery] })
export class MetricsModule {}
