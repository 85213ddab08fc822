import { Module } from '@nestjs/common';
import { ResultCache } from '../common/result-cache';
import { FilterOptionsQuery } from './filter-options.query';
import { FiltersController } from './filters.controller';

@Module({
  controllers: [FiltersController],
  providers: [FilterOptionsQuery, ResultCache],
})
export class FiltersModule {}
