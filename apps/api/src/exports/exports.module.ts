import { Module } from '@nestjs/common';
import { EpisodeExportQuery } from './episode-export.query';
import { EpisodeExportService } from './episode-export.service';
import { ExportsController } from './exports.controller';
import { DEFAULT_XLSX_ROW_LIMIT, XLSX_ROW_LIMIT } from './xlsx-row-limit';

/** Patient-level episode exports, CSV and XLSX (issue 5 section 4, issue 6 section 2). */
@Module({
  controllers: [ExportsController],
  providers: [EpisodeExportQuery, EpisodeExportService, { provide: XLSX_ROW_LIMIT, useValue: DEFAULT_XLSX_ROW_LIMIT }],
})
export class ExportsModule {}
