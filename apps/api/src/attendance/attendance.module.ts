import { Module } from '@nestjs/common';
import { ResultCache } from '../common/result-cache';
import { EpisodesModule } from '../episodes/episodes.module';
import { AttendanceController } from './attendance.controller';
import { AttendanceService } from './attendance.service';
import { ComplianceQuery } from './compliance.query';
import { HeatmapQuery } from './heatmap.query';
import { HoursQuery } from './hours.query';

@Module({
  imports: [EpisodesModule],
  controllers: [AttendanceController],
  providers: [AttendanceService, HeatmapQuery, ComplianceQuery, HoursQuery, ResultCache],
})
export class AttendanceModule {}
