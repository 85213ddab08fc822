import {
  COMPARATOR_KINDS,
  type ComparatorKind,
  type ComparatorSetting,
  comparatorSettingKey,
  comparatorSettingProblems,
  type ComparatorSettingValue,
} from '@iop/contracts';
import { Setting } from '@iop/schema';
import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Like, type Repository } from 'typeorm';
import { z } from 'zod';
import type { SignedInUser } from '../access/signed-in-user';
import { AuditService } from '../audit/audit.service';
import { parseOneRow } from '../database/parse-rows';
import { pg } from '../database/pg-columns';
import { comparatorSettings } from './comparator-settings';

const organizationRow = z.object({ org_id: pg.int.nullable() });

/**
 * The comparator settings an admin reads and changes: those of the organisation with the lowest id, the one the
 * costs read when a selection spans several (CostsQuery). A change is audited as admin.settings.update.
 */
@Injectable()
export class ComparatorSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Setting) private readonly settings: Repository<Setting>,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<ComparatorSetting[]> {
    const orgId = await this.organization();
    const rows = orgId === null ? [] : await this.settings.find({ where: { orgId, key: Like('comparator.%') } });
    const comparators = comparatorSettings(rows);
    return COMPARATOR_KINDS.map((kind) => comparators[kind]);
  }

  async update(
    admin: SignedInUser,
    kind: ComparatorKind,
    value: ComparatorSettingValue,
    ip: string | null,
  ): Promise<ComparatorSetting> {
    const problems = comparatorSettingProblems(value);
    if (problems.length) throw new BadRequestException(problems);
    const orgId = await this.organization();
    if (orgId === null) throw new NotFoundException('There is no organisation to keep the setting for');
    const key = comparatorSettingKey(kind);
    // Only the fields of the contract are kept: the DTO instance may carry nothing else (whitelisted).
    const stored: ComparatorSettingValue = {
      lengthOfStay: { ...value.lengthOfStay },
      completionRate: { ...value.completionRate },
      abstinenceRate: { ...value.abstinenceRate },
    };
    // One statement: save() reads, then inserts, so two admins saving the same comparator at once collided on
    // the primary key (a 500 the OpenAPI fuzzer found).
    await this.settings.upsert({ orgId, key, value: stored, dollarYear: null, source: value.lengthOfStay.source }, [
      'orgId',
      'key',
    ]);
    await this.audit.record({
      user: admin,
      action: 'admin.settings.update',
      resource: `settings/${key}`,
      ip,
      details: { ...stored },
    });
    return (await this.list()).find((setting) => setting.kind === kind) as ComparatorSetting;
  }

  private async organization(): Promise<number | null> {
    const row = parseOneRow(
      'ComparatorSettingsService.organization',
      organizationRow,
      await this.dataSource.query('SELECT min(id) AS org_id FROM organizations'),
    );
    return row.org_id;
  }
}
