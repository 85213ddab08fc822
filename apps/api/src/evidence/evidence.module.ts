import { Module } from '@nestjs/common';
import { CostsModule } from '../costs/costs.module';
import { ResultCache } from '../common/result-cache';
import { EpisodesModule } from '../episodes/episodes.module';
import { EvidenceController } from './evidence.controller';
import { EvidenceRowStore } from './evidence-row-store';
import { EvidenceRowsQuery } from './evidence-rows.query';
import { EvidenceService } from './evidence.service';
import { EvidenceWorkers } from './evidence-workers';

@Module({
  imports: [EpisodesModule, CostsModule],
  controllers: [EvidenceController],
  exports: [EvidenceService],
  providers: [EvidenceService, EvidenceRowsQuery, EvidenceRowStore, ResultCache, EvidenceWorkers],
})
export class EvidenceModule {}
