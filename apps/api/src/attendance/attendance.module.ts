import { Module } from '@nestjs/common';
import { ResultCache } from '../common/result-cache';
import { EpisodesModule } from '../episodes/episodes.module';
import { AttendanceController } from './attendance.controller';
import { AttendanceService } from './attendance.service';
import { ComplianceQuery } from './compliance.query';
import { HoursQuery } from './hours.query';
import { WeekdayAttendanceQuery } from './weekday-attendance.query';
import { WeekdayAttendanceStore } from './weekday-attendance-store';

@Module({
  imports: [EpisodesModule],
  controllers: [AttendanceController],
  providers: [
    AttendanceService,
    WeekdayAttendanceQuery,
    WeekdayAttendanceStore,
    ComplianceQuery,
    HoursQuery,
    ResultCache,
  ],
})
export class AttendanceModule {}
