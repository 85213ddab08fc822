import {
  type CountOrSuppressed,
  isSmallCount,
  isSuppressed,
  QUALITY_MEASURE_IDS,
  type QualityMeasureGroup,
  type QualityMeasureId,
  type QualityMeasureResult,
  type RateOrSuppressed,
  restsOnSmallCell,
  SMALL_CELL_MAX,
  SMALL_CELL_NOTE,
} from '@iop/contracts';
import type { IntervalBar } from '../../ui/charts/interval-bar-chart';
import { reasonBeyondWithheldText } from '../../ui/cards/headline-figure';
import type { FrameColumn, FrameTable } from '../../ui/charts/frame-table';
import { formatConfidenceInterval, formatCount, formatPercent, WITHHELD_TEXT } from '../../ui/formats/number-format';

/**
 * The marker beside an exact small cell; what it means (read out to screen readers, shown as a tooltip) is the
 * headline cards' SMALL_CELL_NOTE.
 */
export const SMALL_CELL_MARK = 'small n';

/** Why a value reads as WITHHELD_TEXT (the same words as the other pages' suppression note). */
export const SUPPRESSION_NOTE =
  `Withheld to protect privacy: counts from 1 to ${SMALL_CELL_MAX}, and numbers from which such a count could be ` +
  'worked out, are not shown.';

/** One exclusion line of a measure card. */
export interface ExclusionDisplay {
  reason: string;
  count: string;
  /** An exact count of 1-10, marked like a small-cell rate. */
  small: boolean;
}

/** What one measure card shows. */
export interface MeasureCardDisplay {
  id: QualityMeasureId;
  name: string;
  definition: string;
  /** "45.2%", "fewer than 11" when withheld, "—" when the denominator is empty. */
  value: string;
  /** "95% CI 40.1%–50.3%", or '' when there is none. */
  interval: string;
  /** "120 of 265 episodes in the numerator", or why there is no count. */
  counts: string;
  suppressed: boolean;
  /** The API's reason for a withheld value when it says more than "fewer than 11"; '' otherwise. */
  suppressionReason: string;
  /** Exact, but resting on 1-10 episodes: marked "small n". */
  smallCell: boolean;
  exclusions: ExclusionDisplay[];
}

export function isQualityMeasureId(value: string | null | undefined): value is QualityMeasureId {
  return (QUALITY_MEASURE_IDS as readonly string[]).includes(value ?? '');
}

/** A reason worth showing beside "fewer than 11": anything but the same words again. */
function reasonOf(rate: RateOrSuppressed): string {
  return isSuppressed(rate) ? reasonBeyondWithheldText(rate.reason) : '';
}

export function rateValueText(rate: RateOrSuppressed): string {
  if (isSuppressed(rate)) return WITHHELD_TEXT;
  return rate.rate === null ? '—' : formatPercent(rate.rate);
}

export function isSmallCellRate(rate: RateOrSuppressed): boolean {
  return !isSuppressed(rate) && restsOnSmallCell(rate);
}

function countsText(rate: RateOrSuppressed): string {
  if (isSuppressed(rate)) return 'Numerator and denominator withheld';
  if (rate.denominator === 0) return 'No episode in the denominator';
  return `${formatCount(rate.numerator)} of ${formatCount(rate.denominator)} episodes in the numerator`;
}

function exclusionOf(reason: string, count: CountOrSuppressed): ExclusionDisplay {
  if (isSuppressed(count)) return { reason, count: WITHHELD_TEXT, small: false };
  return { reason, count: formatCount(count), small: isSmallCount(count) };
}

export function toMeasureCard(measure: QualityMeasureResult): MeasureCardDisplay {
  const { rate } = measure;
  const interval = !isSuppressed(rate) && rate.ci95 ? formatConfidenceInterval(rate.ci95) : '';
  return {
    id: measure.id,
    name: measure.name,
    definition: measure.definition,
    value: rateValueText(rate),
    interval,
    counts: countsText(rate),
    suppressed: isSuppressed(rate),
    suppressionReason: reasonOf(rate),
    smallCell: isSmallCellRate(rate),
    exclusions: measure.exclusions.map((exclusion) => exclusionOf(exclusion.reason, exclusion.count)),
  };
}

/** The number the frame prints as n: the denominator, or null when it is withheld. */
export function denominatorOf(rate: RateOrSuppressed | undefined): number | null {
  return rate && !isSuppressed(rate) ? rate.denominator : null;
}

/** A program's name short enough for a bar's or a point's label ("Riverside IOP"); the table keeps the full name. */
export function shortProgramName(name: string): string {
  return name.replace(/\bIntensive Outpatient Program\b/, 'IOP');
}

export function shortProgramLabel(group: QualityMeasureGroup): string {
  return shortProgramName(group.label);
}

/** One row per month, program or payer; the bar and its whisker, or no bar when withheld or undefined. */
export function toGroupBars(
  groups: readonly QualityMeasureGroup[],
  labelOf = (group: QualityMeasureGroup) => group.label,
): IntervalBar[] {
  return groups.map((group) => {
    const { rate } = group;
    const exact = isSuppressed(rate) ? null : rate;
    const label = labelOf(group);
    return {
      key: group.key,
      label: isSmallCellRate(rate) ? `${label} (${SMALL_CELL_MARK})` : label,
      value: exact?.rate ?? null,
      ci: exact?.ci95 ?? null,
      text: rateValueText(rate),
    };
  });
}

const GROUP_COLUMNS = (groupHeader: string): readonly FrameColumn[] => [
  { key: 'group', header: groupHeader },
  { key: 'rate', header: 'Rate', format: 'rate' },
  { key: 'ciLow', header: '95% CI low', format: 'rate' },
  { key: 'ciHigh', header: '95% CI high', format: 'rate' },
  { key: 'numerator', header: 'Numerator', format: 'count' },
  { key: 'denominator', header: 'Denominator', format: 'count' },
  { key: 'note', header: 'Note' },
];

/**
 * The groups' table view and CSV. A withheld group is "fewer than 11" with its reason and no number at all, so
 * that the CSV holds nothing it could be derived from; an exact small group says so in its note.
 */
export function toGroupTable(
  groups: readonly QualityMeasureGroup[],
  groupHeader: string,
  labelOf = (group: QualityMeasureGroup) => group.label,
): FrameTable {
  return {
    columns: GROUP_COLUMNS(groupHeader),
    rows: groups.map((group) => {
      const { rate } = group;
      if (isSuppressed(rate)) {
        return {
          group: labelOf(group),
          rate: WITHHELD_TEXT,
          ciLow: null,
          ciHigh: null,
          numerator: null,
          denominator: null,
          note: rate.reason,
        };
      }
      return {
        group: labelOf(group),
        rate: rate.rate,
        ciLow: rate.ci95?.[0] ?? null,
        ciHigh: rate.ci95?.[1] ?? null,
        numerator: rate.numerator,
        denominator: rate.denominator,
        note: restsOnSmallCell(rate) ? `${SMALL_CELL_MARK}: ${SMALL_CELL_NOTE}` : null,
      };
    }),
  };
}

/** The chart's accessible name: what it shows and its range, the values being in the table view. */
export function describeGroups(title: string, groups: readonly QualityMeasureGroup[]): string {
  const drawn = groups.filter((group) => !isSuppressed(group.rate) && group.rate.rate !== null).length;
  return `${title}: ${formatCount(drawn)} of ${formatCount(groups.length)} groups have a rate to draw. The table view lists every value.`;
}
