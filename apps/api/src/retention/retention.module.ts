import { Module } from '@nestjs/common';
import { RetentionController } from './retention.controller';
import { RetentionQuery } from './retention.query';
import { RetentionService } from './retention.service';

@Module({
  controllers: [RetentionController],
  exports: [RetentionService],
  providers: [RetentionService, RetentionQuery],
})
export class RetentionModule {}
