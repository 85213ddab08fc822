import {
  COMPARATOR_KINDS,
  type ComparatorKind,
  comparatorRateKey,
  type ComparatorSetting,
  comparatorSettingKey,
  DEFAULT_COMPARATOR_SETTINGS,
} from '@iop/contracts';
import type { Setting } from '@iop/schema';
import { z } from 'zod';
import { parseOneRow } from '../database/parse-rows';

const sourcedRate = z.object({ value: z.number(), source: z.string() });

/** A `comparator.<kind>` setting's jsonb value (contracts ComparatorSettingValue). */
export const comparatorValue = z.object({
  lengthOfStay: z.object({
    typicalDays: z.number(),
    lowDays: z.number(),
    highDays: z.number(),
    source: z.string(),
  }),
  completionRate: sourcedRate,
  abstinenceRate: sourcedRate,
});

/** Each comparator from the organisation's `comparator.%` settings rows, or its published default. */
export function comparatorSettings(rows: readonly Setting[]): Record<ComparatorKind, ComparatorSetting> {
  const entries = COMPARATOR_KINDS.map((kind): [ComparatorKind, ComparatorSetting] => {
    const key = comparatorSettingKey(kind);
    const row = rows.find((setting) => setting.key === key);
    const value = row
      ? parseOneRow(`CostsQuery: settings ${key}`, comparatorValue, [row.value])
      : DEFAULT_COMPARATOR_SETTINGS[kind];
    return [kind, { kind, key, rateKey: comparatorRateKey(kind), isDefault: !row, ...value }];
  });
  return Object.fromEntries(entries) as Record<ComparatorKind, ComparatorSetting>;
}
