import { Module } from '@nestjs/common';
import { FilterOptionsQuery } from './filter-options.query';
import { FiltersController } from './filters.controller';

@Module({
  controllers: [FiltersController],
  providers: [FilterOptionsQuery],
})
export class FiltersModule {}
