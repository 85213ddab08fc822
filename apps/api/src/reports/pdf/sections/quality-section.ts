import { type QualityExclusion, type QualityMeasuresResponse } from '@iop/contracts';
import type { Content } from 'pdfmake/interfaces';
import { formatCountCell, rateCells } from '../report-format';
import { cellFootnotes, dataTable, note, sectionHeading } from './layout';

function exclusionsText(exclusions: QualityExclusion[]): string {
  if (exclusions.length === 0) return 'none';
  return exclusions.map((exclusion) => `${exclusion.reason}: ${formatCountCell(exclusion.count)}`).join('; ');
}

/** The quality measures table: rate, Wilson interval, numerator / denominator and exclusions of each. */
export function qualitySection(quality: QualityMeasuresResponse): Content[] {
  const rows = quality.measures.map((measure) => {
    const cells = rateCells(measure.rate);
    return [measure.name, cells.value, cells.interval, cells.n, exclusionsText(measure.exclusions)];
  });
  return [
    sectionHeading('Quality measures'),
    dataTable(
      ['Measure', 'Rate', 'Interval', 'Numerator of denominator', 'Exclusions'],
      rows,
      ['*', 'auto', 'auto', 'auto', 130],
      [1, 2, 3],
    ),
    ...cellFootnotes(rows),
    note(
      'The measures follow the public summaries of the HEDIS definitions and differ from the licensed ' +
        'specification where value sets are needed (docs/METRICS.md).',
    ),
  ];
}
