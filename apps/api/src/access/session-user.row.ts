import { PAYERS, USER_ROLES } from '@iop/contracts';
import { z } from 'zod';
import { pg } from '../database/pg-columns';

/**
 * A SessionUser as the account queries select it: users u with its programs array_agg'ed in id order (an
 * empty array, never null), the columns aliased to the contract's names.
 */
export const sessionUserRow = z.object({
  id: pg.int,
  email: pg.text,
  displayName: pg.text,
  role: z.enum(USER_ROLES),
  payer: z.enum(PAYERS).nullable(),
  programIds: pg.intArray,
});

/** The SELECT list of sessionUserRow over `users u LEFT JOIN user_programs up`, to be grouped by u.id. */
export const SESSION_USER_COLUMNS = `
  u.id, u.email, u.display_name AS "displayName", u.role, u.payer,
  coalesce(array_agg(up.program_id ORDER BY up.program_id) FILTER (WHERE up.program_id IS NOT NULL), '{}')
    AS "programIds"`;
