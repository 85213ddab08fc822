import { IMPORT_ENTITIES, type DataQualityReport, type DataStatus } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { CompletenessQuery } from './completeness.query';
import { DataStatusQuery } from './data-status.query';
import { OrphansQuery, OutOfRangeQuery } from './row-checks.query';
import { ServiceDatesQuery } from './service-dates.query';

/** The freshness of the data for every page, and the quality of each table for the admin's Data page. */
@Injectable()
export class DataQualityService {
  constructor(
    private readonly status: DataStatusQuery,
    private readonly completeness: CompletenessQuery,
    private readonly outOfRange: OutOfRangeQuery,
    private readonly orphans: OrphansQuery,
    private readonly serviceDates: ServiceDatesQuery,
  ) {}

  dataStatus(): Promise<DataStatus> {
    return this.status.run();
  }

  /** Every table of IMPORT_ENTITIES, in that order; the aggregates are independent, so they run side by side. */
  async report(): Promise<DataQualityReport> {
    const [status, completeness, outOfRange, orphans, serviceDates] = await Promise.all([
      this.status.run(),
      this.completeness.run(),
      this.outOfRange.run(),
      this.orphans.run(),
      this.serviceDates.run(),
    ]);
    const entities = IMPORT_ENTITIES.map((entity) => ({
      entity,
      rows: completeness.get(entity)?.rows ?? 0,
      completeness: completeness.get(entity)?.completeness ?? [],
      outOfRange: outOfRange.get(entity) ?? [],
      orphans: orphans.get(entity) ?? [],
      latestServiceDate: serviceDates.get(entity)?.latestServiceDate ?? null,
      lagDays: serviceDates.get(entity)?.lagDays ?? null,
    }));
    return { entities, status };
  }
}
