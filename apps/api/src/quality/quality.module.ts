import { ResultCache } from '../common/result-cache';
import { Module } from '@nestjs/common';
import { AsOfQuery } from '../metrics/as-of.query';
import { QualityCasesQuery } from './quality-cases.query';
import { QualityController } from './quality.controller';
import { QualityService } from './quality.service';

@Module({
  controllers: [QualityController],
  exports: [QualityService],
  providers: [QualityService, QualityCasesQuery, AsOfQuery, ResultCache],
})
export class QualityModule {}
