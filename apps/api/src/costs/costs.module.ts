import { Module } from '@nestjs/common';
import { CostsController } from './costs.controller';
import { CostsQuery } from './costs.query';
import { CostsService } from './costs.service';

@Module({ controllers: [CostsController], exports: [CostsService], providers: [CostsService, CostsQuery] })
export class CostsModule {}
