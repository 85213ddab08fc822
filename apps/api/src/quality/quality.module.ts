import { ResultCache } from '../common/result-cache';
import { Module } from '@nestjs/common';
import { EpisodesModule } from '../episodes/episodes.module';
import { QualityCasesQuery } from './quality-cases.query';
import { QualityOutcomeStore } from './quality-outcome-store';
import { QualityController } from './quality.controller';
import { QualityService } from './quality.service';

@Module({
  imports: [EpisodesModule],
  controllers: [QualityController],
  exports: [QualityService],
  providers: [QualityService, QualityCasesQuery, QualityOutcomeStore, ResultCache],
})
export class QualityModule {}
