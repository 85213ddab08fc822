import { Report, ReportFile, ReportSchedule } from '@iop/schema';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsModule } from '../jobs/job-queue';
import { ReportPdfModule } from './pdf/report-pdf.module';
import { REPORT_DELIVERY, DownloadDelivery } from './report-delivery';
import { ReportJobRunner } from './report-job-runner';
import { ReportQueue } from './report-queue';
import { ReportScheduler } from './report-scheduler';
import { ReportSchedulesController } from './report-schedules.controller';
import { ReportSchedulesQuery } from './report-schedules.query';
import { ReportSchedulesService } from './report-schedules.service';
import { ReportWorkers } from './report-workers';
import { ReportsController } from './reports.controller';
import { ReportsQuery } from './reports.query';
import { ReportsService } from './reports.service';

/** PDF reports as pg-boss jobs (docs/ARCHITECTURE.md, "Job queue"), their schedules, and their downloads. */
@Module({
  imports: [JobsModule, ReportPdfModule, TypeOrmModule.forFeature([Report, ReportFile, ReportSchedule])],
  // Schedules first: Express matches in registration order, and /reports/:id would take /reports/schedules.
  controllers: [ReportSchedulesController, ReportsController],
  providers: [
    ReportsQuery,
    ReportSchedulesQuery,
    ReportQueue,
    ReportJobRunner,
    ReportScheduler,
    ReportWorkers,
    ReportsService,
    ReportSchedulesService,
    { provide: REPORT_DELIVERY, useClass: DownloadDelivery },
  ],
  exports: [ReportScheduler],
})
export class ReportsModule {}
