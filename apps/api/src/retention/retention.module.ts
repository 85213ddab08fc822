import { Module } from '@nestjs/common';
import { ResultCache } from '../common/result-cache';
import { RetentionController } from './retention.controller';
import { RetentionQuery } from './retention.query';
import { RetentionService } from './retention.service';

@Module({
  controllers: [RetentionController],
  exports: [RetentionService],
  providers: [RetentionService, RetentionQuery, ResultCache],
})
export class RetentionModule {}
