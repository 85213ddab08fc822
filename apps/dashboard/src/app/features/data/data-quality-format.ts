import type { DataQualityReport, EntityQuality } from '@iop/contracts';
import { formatCalendarDate, formatCount, formatPercent } from '../../ui/formats/number-format';
import { ENTITY_LABELS } from './import-format';

/** A table's size and freshness: one row per table. */
export interface TableQualityRow {
  table: string;
  rows: string;
  latestServiceDate: string;
  lagDays: string;
}

/** One optional field: in how many of the table's rows it is present. */
export interface CompletenessRow {
  table: string;
  field: string;
  present: string;
  rows: string;
  share: string;
  /** Under 50% present: the field says little for this table. */
  low: boolean;
}

/** An out-of-range or orphan check and the rows it flags. */
export interface CheckRow {
  table: string;
  kind: 'Out of range' | 'Orphans';
  check: string;
  rows: string;
  /** Some rows are flagged. */
  flagged: boolean;
}

export interface DataQualityDisplay {
  tables: TableQualityRow[];
  completeness: CompletenessRow[];
  checks: CheckRow[];
}

const LOW_COMPLETENESS = 0.5;

function tableRow(entity: EntityQuality): TableQualityRow {
  return {
    table: ENTITY_LABELS[entity.entity],
    rows: formatCount(entity.rows),
    latestServiceDate: entity.latestServiceDate === null ? '—' : formatCalendarDate(entity.latestServiceDate),
    lagDays: entity.lagDays === null ? '—' : formatCount(entity.lagDays),
  };
}

function completenessRows(entity: EntityQuality): CompletenessRow[] {
  return entity.completeness.map((field) => ({
    table: ENTITY_LABELS[entity.entity],
    field: field.field,
    present: formatCount(field.present),
    rows: formatCount(field.rows),
    // A share of no rows is no share at all.
    share: field.rows === 0 ? '—' : formatPercent(field.present / field.rows),
    low: field.rows > 0 && field.present / field.rows < LOW_COMPLETENESS,
  }));
}

function checkRows(entity: EntityQuality): CheckRow[] {
  const table = ENTITY_LABELS[entity.entity];
  const row = (kind: CheckRow['kind']) => (check: { check: string; rows: number }) => ({
    table,
    kind,
    check: check.check,
    rows: formatCount(check.rows),
    flagged: check.rows > 0,
  });
  return [...entity.outOfRange.map(row('Out of range')), ...entity.orphans.map(row('Orphans'))];
}

/** The quality report as the page's three tables, tables in the order of the report. */
export function toDataQualityDisplay(report: DataQualityReport): DataQualityDisplay {
  return {
    tables: report.entities.map(tableRow),
    completeness: report.entities.flatMap(completenessRows),
    checks: report.entities.flatMap(checkRows),
  };
}
