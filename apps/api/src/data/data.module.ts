import { Module } from '@nestjs/common';
import { CompletenessQuery } from './completeness.query';
import { DataQualityService } from './data-quality.service';
import { DataStatusQuery } from './data-status.query';
import { DataController } from './data.controller';
import { OrphansQuery, OutOfRangeQuery } from './row-checks.query';
import { ServiceDatesQuery } from './service-dates.query';

/** GET /data/status (every role) and GET /data/quality (admin). */
@Module({
  controllers: [DataController],
  providers: [DataQualityService, DataStatusQuery, CompletenessQuery, OutOfRangeQuery, OrphansQuery, ServiceDatesQuery],
})
export class DataModule {}
