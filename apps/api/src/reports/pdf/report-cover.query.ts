import type { EpisodeFilters } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { AccessScope } from '../../access/access-scope';
import { parseOneRow } from '../../database/parse-rows';
import { pg } from '../../database/pg-columns';
import { episodeSelection } from '../../episodes/episode-selection.sql';

/** What the cover names: the organisations and programs of the selected episodes and the first admission. */
export interface ReportCoverFacts {
  organizations: string[];
  programs: Array<{ id: number; name: string }>;
  /** Counselors the filters name, for the filters in words. */
  counselors: Array<{ id: number; name: string }>;
  /** ISO date of the first admission among the selected episodes; null when none is selected. */
  firstAdmit: string | null;
}

const namedId = z.object({ id: pg.int, name: pg.text });
const coverRow = z.object({
  organizations: pg.textArray,
  programs: z.array(namedId),
  counselors: z.array(namedId),
  first_admit: pg.isoDate.nullable(),
});

@Injectable()
export class ReportCoverQuery {
  constructor(private readonly dataSource: DataSource) {}

  async run(scope: AccessScope, filters: EpisodeFilters): Promise<ReportCoverFacts> {
    const selection = episodeSelection(scope, filters, 2);
    const sql = `
      WITH selected AS (SELECT f.program_id, f.admit_date FROM episode_facts f WHERE ${selection.sql})
      SELECT
        (SELECT coalesce(array_agg(DISTINCT o.name ORDER BY o.name), '{}')
           FROM programs p JOIN organizations o ON o.id = p.org_id
          WHERE p.id IN (SELECT program_id FROM selected)) AS organizations,
        (SELECT coalesce(json_agg(json_build_object('id', p.id, 'name', p.name) ORDER BY p.name, p.id), '[]')
           FROM programs p WHERE p.id IN (SELECT program_id FROM selected)) AS programs,
        (SELECT coalesce(json_agg(json_build_object('id', s.id, 'name', s.display_name) ORDER BY s.display_name), '[]')
           FROM staff s WHERE s.id = ANY($1::int[])) AS counselors,
        (SELECT to_char(min(admit_date), 'YYYY-MM-DD') FROM selected) AS first_admit
      `;
    const row = parseOneRow(
      'ReportCoverQuery',
      coverRow,
      await this.dataSource.query(sql, [filters.counselorId ?? [], ...selection.params]),
    );
    return {
      organizations: row.organizations,
      programs: row.programs,
      counselors: row.counselors,
      firstAdmit: row.first_admit,
    };
  }
}
