import { Module } from '@nestjs/common';
import { QualityModule } from '../quality/quality.module';
import { EpisodeCsvCopy } from './episode-csv.copy';
import { EpisodeExportQuery } from './episode-export.query';
import { EpisodeExportService } from './episode-export.service';
import { ExportsController } from './exports.controller';
import { QualityPatientsExportController } from './quality-patients-export.controller';
import { QualityPatientsExportService } from './quality-patients-export.service';
import { DEFAULT_XLSX_ROW_LIMIT, XLSX_ROW_LIMIT } from './xlsx-row-limit';

/** Patient-level exports, CSV and XLSX: the selected episodes and the quality measures' patient lists. */
@Module({
  imports: [QualityModule],
  controllers: [ExportsController, QualityPatientsExportController],
  providers: [
    EpisodeExportQuery,
    EpisodeCsvCopy,
    EpisodeExportService,
    QualityPatientsExportService,
    { provide: XLSX_ROW_LIMIT, useValue: DEFAULT_XLSX_ROW_LIMIT },
  ],
})
export class ExportsModule {}
