import type { Annotation, AnnotationQuery } from '@iop/contracts';
import { ChartAnnotation } from '@iop/schema';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import { z } from 'zod';
import { parseOneRow, parseOptionalRow, parseRows } from '../database/parse-rows';
import { pg } from '../database/pg-columns';

/** A note as the caller's answer carries it, before `editable` and the author's name are decided for them. */
export type StoredAnnotation = Omit<Annotation, 'editable'>;

const annotationRow = z.object({
  id: pg.int,
  programId: pg.int.nullable(),
  programName: pg.text.nullable(),
  on: pg.isoDate,
  until: pg.isoDate.nullable(),
  text: pg.text,
  author: pg.text.nullable(),
  createdAt: pg.isoTimestamp,
  updatedAt: pg.isoTimestamp,
}) satisfies z.ZodType<StoredAnnotation>;

const idRow = z.object({ id: pg.int });

const COLUMNS = `a.id, a.program_id AS "programId", p.name AS "programName",
  to_char(a.on_date, 'YYYY-MM-DD') AS "on", to_char(a.until_date, 'YYYY-MM-DD') AS "until", a.text,
  nullif(u.display_name, '') AS "author", a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;

const FROM = `annotations a LEFT JOIN programs p ON p.id = a.program_id LEFT JOIN users u ON u.id = a.author_id`;

/**
 * The caller's organisation's notes that `readable` allows ($2: null for every program; a network-wide note is
 * always readable). $1 is the caller's user id.
 */
const VISIBLE = `a.org_id = (SELECT org_id FROM users WHERE id = $1)
  AND (a.program_id IS NULL OR $2::int[] IS NULL OR a.program_id = ANY ($2::int[]))`;

export interface AnnotationRecord {
  orgUserId: number;
  programId: number | null;
  on: string;
  until: string | null;
  text: string;
}

/**
 * Notes on the charts. Listings and the insert (which takes the organisation from the author's row) are SQL;
 * the update and the delete of one row go through the entity's repository.
 */
@Injectable()
export class AnnotationsQuery {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(ChartAnnotation) private readonly annotations: Repository<ChartAnnotation>,
  ) {}

  /**
   * The notes touching the window, oldest first. `query.programId` narrows the program notes (the network-wide
   * ones stay: they are about every program).
   */
  async list(userId: number, readable: number[] | null, query: AnnotationQuery): Promise<StoredAnnotation[]> {
    return parseRows(
      'AnnotationsQuery.list',
      annotationRow,
      await this.dataSource.query(
        `SELECT ${COLUMNS} FROM ${FROM}
         WHERE ${VISIBLE}
           AND (a.program_id IS NULL OR $3::int[] IS NULL OR a.program_id = ANY ($3::int[]))
           AND ($4::date IS NULL OR coalesce(a.until_date, a.on_date) >= $4::date)
           AND ($5::date IS NULL OR a.on_date <= $5::date)
         ORDER BY a.on_date, a.until_date NULLS FIRST, a.id`,
        [userId, readable, query.programId ?? null, query.from ?? null, query.to ?? null],
      ),
    );
  }

  async visible(userId: number, readable: number[] | null, id: number): Promise<StoredAnnotation | null> {
    return parseOptionalRow(
      'AnnotationsQuery.visible',
      annotationRow,
      await this.dataSource.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE ${VISIBLE} AND a.id = $3`, [
        userId,
        readable,
        id,
      ]),
    );
  }

  /** Whether the program belongs to the user's organisation. */
  async programInOrganisation(userId: number, programId: number): Promise<boolean> {
    const row = parseOptionalRow(
      'AnnotationsQuery.programInOrganisation',
      idRow,
      await this.dataSource.query(
        `SELECT p.id FROM programs p JOIN users u ON u.org_id = p.org_id WHERE p.id = $1 AND u.id = $2`,
        [programId, userId],
      ),
    );
    return row !== null;
  }

  async insert(record: AnnotationRecord): Promise<number> {
    return parseOneRow(
      'AnnotationsQuery.insert',
      idRow,
      await this.dataSource.query(
        `INSERT INTO annotations (org_id, program_id, on_date, until_date, text, author_id)
         SELECT org_id, $2, $3, $4, $5, id FROM users WHERE id = $1 RETURNING id`,
        [record.orgUserId, record.programId, record.on, record.until, record.text],
      ),
    ).id;
  }

  async update(id: number, record: Omit<AnnotationRecord, 'orgUserId'>): Promise<void> {
    await this.annotations.update(
      { id },
      {
        programId: record.programId,
        onDate: record.on,
        untilDate: record.until,
        text: record.text,
        updatedAt: () => 'now()',
      },
    );
  }

  async remove(id: number): Promise<void> {
    await this.annotations.delete({ id });
  }
}
