import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/app-config';
import { AlertQueueModule } from '../alerts/alert-queue';
import { JobsModule } from '../jobs/job-queue';
import { ImportFileSweeper } from './import-file-sweeper';
import { ImportFolders } from './import-files';
import { ImportJobRunner } from './import-job-runner';
import { ImportQueue } from './import-queue';
import { importRunnerProvider } from './import-runner';
import { ImportUploadInterceptor } from './import-upload.interceptor';
import { ImportWorkers } from './import-workers';
import { ImportsController } from './imports.controller';
import { ImportsQuery } from './imports.query';
import { ImportsService } from './imports.service';

/** Imports of a program's own data through the API: uploads, pg-boss jobs, confirmations, rejections. */
@Module({
  imports: [JobsModule, AlertQueueModule],
  controllers: [ImportsController],
  providers: [
    {
      provide: ImportFolders,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) =>
        new ImportFolders(config.get('IOP_IMPORT_DIR', { infer: true })),
    },
    importRunnerProvider,
    ImportUploadInterceptor,
    ImportsQuery,
    ImportQueue,
    ImportJobRunner,
    ImportFileSweeper,
    ImportWorkers,
    ImportsService,
  ],
})
export class ImportsModule {}
