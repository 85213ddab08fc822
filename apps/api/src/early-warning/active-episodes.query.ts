import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { AccessScope } from '../access/access-scope';
import { parseLargeRows } from '../database/parse-large-rows';
import { pg } from '../database/pg-columns';
import { episodeSelection } from '../episodes/episode-selection.sql';

/** An episode in treatment at the as-of date, as the early-warning list names it. */
export interface ActiveEpisode {
  episodeId: number;
  patientKey: string;
  programId: number;
  programName: string;
  counselorId: number | null;
  counselorName: string | null;
}

const activeEpisodeRow = z.object({
  episodeId: pg.int,
  patientKey: pg.text,
  programId: pg.int,
  programName: pg.text,
  counselorId: pg.int.nullable(),
  counselorName: pg.text.nullable(),
});

/** The selected episodes still active at the as-of date: the caller's scope and filters, as every list reads them. */
@Injectable()
export class ActiveEpisodesQuery {
  constructor(private readonly dataSource: DataSource) {}

  async run(scope: AccessScope, filters: EpisodeFilters): Promise<ActiveEpisode[]> {
    const selection = episodeSelection(scope, filters);
    const sql = `
      SELECT f.episode_id AS "episodeId", pt.patient_key AS "patientKey", f.program_id AS "programId",
        p.name AS "programName", f.primary_counselor_id AS "counselorId", s.display_name AS "counselorName"
      FROM episode_facts f
      JOIN patients pt ON pt.id = f.patient_id
      JOIN programs p ON p.id = f.program_id
      LEFT JOIN staff s ON s.id = f.primary_counselor_id
      WHERE f.active AND ${selection.sql}
      ORDER BY f.episode_id`;
    return parseLargeRows(
      'ActiveEpisodesQuery',
      activeEpisodeRow,
      await this.dataSource.query<unknown>(sql, selection.params),
    );
  }
}
