import { Module } from '@nestjs/common';
import { ResultCache } from '../common/result-cache';
import { EpisodesModule } from '../episodes/episodes.module';
import { AttendanceController } from './attendance.controller';
import { AttendanceService } from './attendance.service';
import { ComplianceQuery } from './compliance.query';
import { HeatmapQuery } from './heatmap.query';
import { HoursQuery } from './hours.query';
import { NoShowsQuery } from './no-shows.query';

@Module({
  imports: [EpisodesModule],
  controllers: [AttendanceController],
  providers: [AttendanceService, HeatmapQuery, ComplianceQuery, HoursQuery, NoShowsQuery, ResultCache],
})
export class AttendanceModule {}
