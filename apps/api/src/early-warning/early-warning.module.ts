import { Module } from '@nestjs/common';
import { ResultCache } from '../common/result-cache';
import { EpisodesModule } from '../episodes/episodes.module';
import { ActiveEpisodesQuery } from './active-episodes.query';
import { EarlyWarningFeaturesQuery } from './early-warning-features.query';
import { EarlyWarningRefresh } from './early-warning-refresh';
import { EarlyWarningWorkers } from './early-warning-workers';
import { EarlyWarningController } from './early-warning.controller';
import { EarlyWarningService } from './early-warning.service';

@Module({
  imports: [EpisodesModule],
  controllers: [EarlyWarningController],
  providers: [
    EarlyWarningService,
    EarlyWarningFeaturesQuery,
    ActiveEpisodesQuery,
    ResultCache,
    EarlyWarningWorkers,
    EarlyWarningRefresh,
  ],
})
export class EarlyWarningModule {}
