import { Setting } from '@iop/schema';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ResultCache } from '../common/result-cache';
import { EpisodesModule } from '../episodes/episodes.module';
import { ComparatorSettingsController } from './comparator-settings.controller';
import { ComparatorSettingsService } from './comparator-settings.service';
import { CostsController } from './costs.controller';
import { CostsQuery } from './costs.query';
import { CostsService } from './costs.service';

@Module({
  imports: [EpisodesModule, TypeOrmModule.forFeature([Setting])],
  controllers: [CostsController, ComparatorSettingsController],
  exports: [CostsService],
  providers: [CostsService, CostsQuery, ComparatorSettingsService, ResultCache],
})
export class CostsModule {}
