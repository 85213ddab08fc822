import type { DataQualityReport, DataStatus } from '@iop/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../access/roles.decorator';
import { ApiRefusesParameters, NoParameters } from '../common/no-parameters.dto';
import { DataQualityService } from './data-quality.service';
import { DataQualityReportDoc, DataStatusDoc } from './data.dto';

/** The freshness and quality of the loaded data (docs/DATA-IMPORT.md). */
@ApiTags('data')
@Controller({ path: 'data', version: '1' })
export class DataController {
  constructor(private readonly data: DataQualityService) {}

  @Get('status')
  @Roles('director', 'payer', 'quality', 'admin')
  @ApiOperation({ summary: 'The data as-of date, its last load and source, and whether it is synthetic' })
  @ApiOkResponse({ type: DataStatusDoc })
  @ApiRefusesParameters()
  status(@Query() _none: NoParameters): Promise<DataStatus> {
    return this.data.dataStatus();
  }

  @Get('quality')
  @Roles('admin')
  @ApiOperation({
    summary: 'Per table: rows, completeness of optional fields, out-of-range and orphan checks, timeliness',
  })
  @ApiOkResponse({ type: DataQualityReportDoc })
  @ApiRefusesParameters()
  quality(@Query() _none: NoParameters): Promise<DataQualityReport> {
    return this.data.report();
  }
}
