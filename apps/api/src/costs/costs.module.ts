import { Setting } from '@iop/schema';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EpisodesModule } from '../episodes/episodes.module';
import { CostsController } from './costs.controller';
import { CostsQuery } from './costs.query';
import { CostsService } from './costs.service';

@Module({
  imports: [EpisodesModule, TypeOrmModule.forFeature([Setting])],
  controllers: [CostsController],
  exports: [CostsService],
  providers: [CostsService, CostsQuery],
})
export class CostsModule {}
