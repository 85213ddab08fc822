import { ChartAnnotation } from '@iop/schema';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AnnotationsController } from './annotations.controller';
import { AnnotationsQuery } from './annotations.query';
import { AnnotationsService } from './annotations.service';

/** Notes on the charts (docs/ARCHITECTURE.md "Annotations"). */
@Module({
  imports: [TypeOrmModule.forFeature([ChartAnnotation])],
  controllers: [AnnotationsController],
  providers: [AnnotationsQuery, AnnotationsService],
})
export class AnnotationsModule {}
