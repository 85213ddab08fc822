import {
  type Benchmark,
  type BenchmarkMetricId,
  benchmarkProblems,
  type BenchmarkValue,
  type ProgramTarget,
  type ProgramTargetValue,
} from '@iop/contracts';
import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { SignedInUser } from '../access/signed-in-user';
import { AuditService } from '../audit/audit.service';
import { parseOptionalRow, parseRows, parseUpdateResult } from '../database/parse-rows';
import { pg } from '../database/pg-columns';

const benchmarkRow = z.object({
  id: pg.int,
  metric: pg.text,
  value: pg.float8.nullable(),
  direction: z.enum(['higher', 'lower', 'neither']),
  source: pg.text,
  year: pg.int,
  comparable: pg.bool,
  not_comparable_reason: pg.text.nullable(),
  updated_by: pg.text.nullable(),
  updated_at: pg.isoTimestamp,
});

const targetRow = z.object({
  program_id: pg.int,
  metric: pg.text,
  value: pg.float8,
  direction: z.enum(['higher', 'lower', 'neither']),
  set_by: pg.text.nullable(),
  set_at: pg.isoTimestamp,
});

const idRow = z.object({ id: pg.int });

const BENCHMARK_COLUMNS = `b.id, b.metric, b.value, b.direction, b.source, b.year, b.comparable, b.not_comparable_reason,
  u.email AS updated_by, b.updated_at`;

const toBenchmark = (row: z.output<typeof benchmarkRow>): Benchmark => ({
  id: row.id,
  metric: row.metric as BenchmarkMetricId,
  value: row.value,
  direction: row.direction,
  source: row.source,
  year: row.year,
  comparable: row.comparable,
  notComparableReason: row.not_comparable_reason,
  updatedBy: row.updated_by,
  updatedAt: row.updated_at,
});

const toTarget = (row: z.output<typeof targetRow>): ProgramTarget => ({
  programId: row.program_id,
  metric: row.metric as BenchmarkMetricId,
  value: row.value,
  direction: row.direction,
  setBy: row.set_by,
  setAt: row.set_at,
});

/**
 * The organisation's benchmarks (every signed-in role reads them; admins change them) and its programs' targets
 * (admins, and directors of the program). Every change is audited: admin.benchmarks.* and program.targets.*.
 */
@Injectable()
export class BenchmarksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(user: SignedInUser): Promise<Benchmark[]> {
    const query = 'BenchmarksService.list';
    const rows: unknown = await this.dataSource.query(
      `SELECT ${BENCHMARK_COLUMNS} FROM metric_benchmarks b LEFT JOIN users u ON u.id = b.updated_by
       WHERE b.org_id = (SELECT org_id FROM users WHERE id = $1) ORDER BY b.metric, b.year DESC, b.id`,
      [user.id],
    );
    // Who last changed a benchmark is an admin's business: other roles (payers included) get no e-mail address.
    return parseRows(query, benchmarkRow, rows)
      .map(toBenchmark)
      .map((benchmark) => (user.role === 'admin' ? benchmark : { ...benchmark, updatedBy: null }));
  }

  async create(admin: SignedInUser, value: BenchmarkValue, ip: string | null): Promise<Benchmark> {
    const stored = this.checked(value);
    const rows: unknown = await this.dataSource.query(
      `INSERT INTO metric_benchmarks (org_id, metric, value, direction, source, year, comparable, not_comparable_reason,
         created_by, updated_by)
       SELECT org_id, $2, $3, $4, $5, $6, $7, $8, id, id FROM users WHERE id = $1 RETURNING id`,
      [admin.id, ...benchmarkParameters(stored)],
    );
    const { id } = parseRows('BenchmarksService.create', idRow, rows)[0];
    await this.audit.record({
      user: admin,
      action: 'admin.benchmarks.create',
      resource: `benchmarks/${id}`,
      ip,
      details: { ...stored },
    });
    return this.one(admin, id);
  }

  async update(admin: SignedInUser, id: number, value: BenchmarkValue, ip: string | null): Promise<Benchmark> {
    const stored = this.checked(value);
    const rows: unknown = await this.dataSource.query(
      `UPDATE metric_benchmarks SET metric = $3, value = $4, direction = $5, source = $6, year = $7, comparable = $8,
         not_comparable_reason = $9, updated_by = $1, updated_at = now()
       WHERE id = $2 AND org_id = (SELECT org_id FROM users WHERE id = $1) RETURNING id`,
      [admin.id, id, ...benchmarkParameters(stored)],
    );
    if (!parseUpdateResult('BenchmarksService.update', idRow, rows).affected) throw benchmarkNotFound(id);
    await this.audit.record({
      user: admin,
      action: 'admin.benchmarks.update',
      resource: `benchmarks/${id}`,
      ip,
      details: { ...stored },
    });
    return this.one(admin, id);
  }

  async remove(admin: SignedInUser, id: number, ip: string | null): Promise<void> {
    const rows: unknown = await this.dataSource.query(
      `DELETE FROM metric_benchmarks WHERE id = $2 AND org_id = (SELECT org_id FROM users WHERE id = $1) RETURNING id`,
      [admin.id, id],
    );
    if (!parseUpdateResult('BenchmarksService.remove', idRow, rows).affected) throw benchmarkNotFound(id);
    await this.audit.record({ user: admin, action: 'admin.benchmarks.delete', resource: `benchmarks/${id}`, ip });
  }

  async targets(user: SignedInUser, programId: number): Promise<ProgramTarget[]> {
    await this.checkProgram(user, programId);
    const rows: unknown = await this.dataSource.query(
      `SELECT t.program_id, t.metric, t.value, t.direction, u.email AS set_by, t.set_at
       FROM metric_targets t LEFT JOIN users u ON u.id = t.set_by WHERE t.program_id = $1 ORDER BY t.metric`,
      [programId],
    );
    return parseRows('BenchmarksService.targets', targetRow, rows).map(toTarget);
  }

  async setTarget(
    user: SignedInUser,
    programId: number,
    metric: BenchmarkMetricId,
    value: ProgramTargetValue,
    ip: string | null,
  ): Promise<ProgramTarget> {
    await this.checkProgram(user, programId);
    const stored: ProgramTargetValue = { value: value.value, direction: value.direction };
    await this.dataSource.query(
      `INSERT INTO metric_targets (program_id, metric, org_id, value, direction, set_by, set_at)
       SELECT id, $2, org_id, $3, $4, $5, now() FROM programs WHERE id = $1
       ON CONFLICT (program_id, metric) DO UPDATE
         SET value = excluded.value, direction = excluded.direction, set_by = excluded.set_by, set_at = now()`,
      [programId, metric, stored.value, stored.direction, user.id],
    );
    await this.audit.record({
      user,
      action: 'program.targets.update',
      resource: `programs/${programId}/targets/${metric}`,
      ip,
      details: { ...stored },
    });
    return (await this.targets(user, programId)).find((target) => target.metric === metric) as ProgramTarget;
  }

  async removeTarget(
    user: SignedInUser,
    programId: number,
    metric: BenchmarkMetricId,
    ip: string | null,
  ): Promise<void> {
    await this.checkProgram(user, programId);
    const rows: unknown = await this.dataSource.query(
      `DELETE FROM metric_targets WHERE program_id = $1 AND metric = $2 RETURNING program_id AS id`,
      [programId, metric],
    );
    if (!parseUpdateResult('BenchmarksService.removeTarget', idRow, rows).affected) {
      throw new NotFoundException(`Program ${programId} has no target for ${metric}`);
    }
    await this.audit.record({
      user,
      action: 'program.targets.delete',
      resource: `programs/${programId}/targets/${metric}`,
      ip,
    });
  }

  private checked(value: BenchmarkValue): BenchmarkValue {
    const problems = benchmarkProblems(value);
    if (problems.length) throw new BadRequestException(problems);
    // Only the fields of the contract are kept (the DTO is whitelisted, this keeps the audit detail exact too).
    return {
      metric: value.metric,
      value: value.value,
      direction: value.direction,
      source: value.source,
      year: value.year,
      comparable: value.comparable,
      notComparableReason: value.notComparableReason,
    };
  }

  private async one(user: SignedInUser, id: number): Promise<Benchmark> {
    return (await this.list(user)).find((benchmark) => benchmark.id === id) as Benchmark;
  }

  /** A program of the caller's organisation (404 otherwise), and for a director one of theirs (403 otherwise). */
  private async checkProgram(user: SignedInUser, programId: number): Promise<void> {
    const row = parseOptionalRow(
      'BenchmarksService.checkProgram',
      idRow,
      await this.dataSource.query(
        `SELECT p.id FROM programs p JOIN users u ON u.org_id = p.org_id WHERE p.id = $1 AND u.id = $2`,
        [programId, user.id],
      ),
    );
    if (!row) throw new NotFoundException(`There is no program ${programId}`);
    if (user.role === 'director' && !user.programIds.includes(programId)) {
      throw new ForbiddenException(`Program ${programId} is not one of your programs`);
    }
  }
}

const benchmarkParameters = (value: BenchmarkValue) => [
  value.metric,
  value.value,
  value.direction,
  value.source,
  value.year,
  value.comparable,
  value.notComparableReason,
];

const benchmarkNotFound = (id: number) => new NotFoundException(`There is no benchmark ${id}`);
