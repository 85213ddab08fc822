import { Module } from '@nestjs/common';
import { CostsQuery } from '../costs/costs.query';
import { CostsService } from '../costs/costs.service';
import { EvidenceController } from './evidence.controller';
import { EvidenceRowsQuery } from './evidence-rows.query';
import { EvidenceService } from './evidence.service';

// CostsModule does not export its service, so the board provides its own instance (stateless, same queries).
@Module({
  controllers: [EvidenceController],
  providers: [EvidenceService, EvidenceRowsQuery, CostsService, CostsQuery],
})
export class EvidenceModule {}
