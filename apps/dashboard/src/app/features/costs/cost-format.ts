import {
  type CostBlock,
  type CountOrSuppressed,
  isSuppressed,
  LEVEL_OF_CARE_LABELS,
  type LevelOfCare,
  type MoneyOrSuppressed,
  type RateOrSuppressed,
} from '@iop/contracts';
import {
  formatConfidenceInterval,
  formatCount,
  formatCurrency,
  formatPercent,
  WITHHELD_TEXT,
} from '../../ui/formats/number-format';

/** The two arms of the payer's comparison (docs/METRICS.md, costs): IOP against standard outpatient care. */
export const IOP_LEVEL = '2.1';
export const STANDARD_OUTPATIENT_LEVEL = '1';

/** A ratio whose denominator is 0 has no value; a dash keeps it from reading as $0. */
export const NO_VALUE_TEXT = '—';

/** "Level 2.1 (intensive outpatient)", or the code itself for a level the contracts do not name. */
export function levelOfCareLabel(code: string): string {
  return LEVEL_OF_CARE_LABELS[code as LevelOfCare] ?? `Level ${code}`;
}

/** A short name for chart legends and axis ticks, where the full label would be cut off. */
export function shortLevelLabel(code: string): string {
  if (code === IOP_LEVEL) return 'IOP (2.1)';
  if (code === STANDARD_OUTPATIENT_LEVEL) return 'Standard outpatient (1)';
  return levelOfCareLabel(code).replace(/^Level ([\d.]+) \((.*)\)$/, (_, level: string, name: string) => {
    return `${name.charAt(0).toUpperCase()}${name.slice(1)} (${level})`;
  });
}

export function moneyText(value: MoneyOrSuppressed): string {
  if (isSuppressed(value)) return WITHHELD_TEXT;
  return value.dollars === null ? NO_VALUE_TEXT : formatCurrency(value.dollars);
}

/** A count, "fewer than 11" when withheld (a payer's small cell). */
export function countText(value: CountOrSuppressed): string {
  return isSuppressed(value) ? WITHHELD_TEXT : formatCount(value);
}

/** A level with discharged episodes; a withheld count is 1 or more (zero is never withheld). */
export function hasDischarges(block: CostBlock): boolean {
  return isSuppressed(block.discharged) || block.discharged > 0;
}

/** "2025 US dollars, charges at face value": the basis every amount of the page shares. */
export function dollarYearText(dollarYear: number | null): string {
  return `${dollarYear === null ? 'Nominal' : `${dollarYear}`} US dollars, charges at face value`;
}

/** The rate alone, "fewer than 11" when withheld, a dash when undefined. */
export function rateText(value: RateOrSuppressed): string {
  if (isSuppressed(value)) return WITHHELD_TEXT;
  return value.rate === null ? NO_VALUE_TEXT : formatPercent(value.rate);
}

/** "95% CI 48.0%–56.1%, n = 812"; empty for a withheld or undefined rate (nothing to qualify). */
export function rateDetailText(value: RateOrSuppressed): string {
  if (isSuppressed(value) || value.ci95 === null) return '';
  return `${formatConfidenceInterval(value.ci95)}, n = ${formatCount(value.denominator)}`;
}

/** A difference of two proportions in percentage points, signed: "+6.2 points". */
export function percentagePointsText(difference: number): string {
  const points = Math.round(difference * 1000) / 10;
  const sign = points > 0 ? '+' : points < 0 ? '−' : '±';
  return `${sign}${Math.abs(points).toFixed(1)} percentage points`;
}

/** A signed amount: "+$1,234" or "−$567". */
export function signedMoneyText(dollars: number): string {
  const sign = dollars > 0 ? '+' : dollars < 0 ? '−' : '±';
  return `${sign}${formatCurrency(Math.abs(dollars))}`;
}
