import { Module } from '@nestjs/common';
import { EvidenceController } from './evidence.controller';
import { EvidenceRowsQuery } from './evidence-rows.query';
import { EvidenceService } from './evidence.service';

@Module({ controllers: [EvidenceController], providers: [EvidenceService, EvidenceRowsQuery] })
export class EvidenceModule {}
