import { Module } from '@nestjs/common';
import { AsOfQuery } from '../metrics/as-of.query';
import { AttendanceController } from './attendance.controller';
import { AttendanceService } from './attendance.service';
import { ComplianceQuery } from './compliance.query';
import { HeatmapQuery } from './heatmap.query';
import { HoursQuery } from './hours.query';
import { NoShowsQuery } from './no-shows.query';

@Module({
  controllers: [AttendanceController],
  providers: [AttendanceService, AsOfQuery, HeatmapQuery, ComplianceQuery, HoursQuery, NoShowsQuery],
})
export class AttendanceModule {}
