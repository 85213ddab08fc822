import { AGE_BANDS, type EpisodeFilters, LEVELS_OF_CARE, PAYERS, SUBSTANCES } from '@iop/contracts';
import { z } from 'zod';
import { pg } from '../database/pg-columns';

/**
 * EpisodeFilters as a jsonb column keeps them (a report's or a schedule's filters): written from a validated
 * EpisodeFiltersDto, read back through this schema so that the row parsers check them too.
 */
export const storedEpisodeFilters = z.object({
  from: pg.isoDate.optional(),
  to: pg.isoDate.optional(),
  programId: z.array(pg.int).optional(),
  levelOfCare: z.array(z.enum(LEVELS_OF_CARE)).optional(),
  payer: z.array(z.enum(PAYERS)).optional(),
  substance: z.array(z.enum(SUBSTANCES)).optional(),
  ageBand: z.array(z.enum(AGE_BANDS)).optional(),
  counselorId: z.array(pg.int).optional(),
}) satisfies z.ZodType<EpisodeFilters>;
