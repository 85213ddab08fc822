import { type Annotation, annotationCoversMonth } from '@iop/contracts';
import { formatCalendarDate } from '../formats/number-format';
import type { FrameTable } from './frame-table';

/** One note placed on a chart whose x axis is calendar months. */
export interface AnnotationMarker {
  /** 1, 2 ...: the number printed on the marker and before the note in the list under the chart. */
  number: number;
  annotation: Annotation;
  /** The first of the chart's months the note touches (a range that starts earlier is marked where it enters). */
  period: string;
  /** Where that month stands across the plot, 0 (left edge) to 1 (right edge). */
  position: number;
  /** 0 for the first note of its month, 1 for the second ...: stacked markers do not hide one another. */
  stack: number;
}

/**
 * Where the index-th of `count` categories stands on a point scale with outer padding `padding` (in steps), as a
 * fraction of the range: d3's scalePoint, which ngx-charts' line chart uses for its month axis with a padding of 0.1.
 */
export function pointScalePosition(index: number, count: number, padding = 0.1): number {
  if (count <= 1) return 0.5;
  return (padding + index) / (count - 1 + 2 * padding);
}

/**
 * The markers of the notes that touch the chart's months (`periods`, YYYY-MM in axis order), numbered in the
 * notes' order (the API's: oldest first). `positionOf` maps a month's index to its place across the plot.
 */
export function annotationMarkers(
  annotations: readonly Annotation[],
  periods: readonly string[],
  positionOf: (index: number, count: number) => number = pointScalePosition,
): AnnotationMarker[] {
  const markers: AnnotationMarker[] = [];
  const perMonth = new Map<string, number>();
  for (const annotation of annotations) {
    const index = periods.findIndex((period) => annotationCoversMonth(annotation, period));
    if (index < 0) continue;
    const period = periods[index];
    const stack = perMonth.get(period) ?? 0;
    perMonth.set(period, stack + 1);
    markers.push({
      number: markers.length + 1,
      annotation,
      period,
      position: positionOf(index, periods.length),
      stack,
    });
  }
  return markers;
}

/** "Mar 2, 2026" or "Mar 2, 2026 – Mar 13, 2026". */
export function annotationDates(annotation: Pick<Annotation, 'on' | 'until'>): string {
  const on = formatCalendarDate(annotation.on);
  return annotation.until && annotation.until !== annotation.on
    ? `${on} – ${formatCalendarDate(annotation.until)}`
    : on;
}

/** Where a note applies, in words. */
export function annotationScope(annotation: Pick<Annotation, 'programId' | 'programName'>): string {
  return annotation.programId === null ? 'All programs' : (annotation.programName ?? `Program ${annotation.programId}`);
}

/** A note in one sentence, for the chart's text alternative and the list under the chart. */
export function describeAnnotation(annotation: Annotation): string {
  return `${annotationDates(annotation)}, ${annotationScope(annotation)}: ${annotation.text}`;
}

/** The chart's text alternative with its notes, so that a screen reader hears them with the chart. */
export function withAnnotations(description: string, markers: readonly AnnotationMarker[]): string {
  if (markers.length === 0) return description;
  const notes = markers.map((marker) => `note ${marker.number}, ${describeAnnotation(marker.annotation)}`);
  return `${description} ${markers.length === 1 ? 'One note' : `${markers.length} notes`} on this chart: ${notes.join('; ')}.`;
}

/** The notes as a table, shown after the chart's own table in its table view. */
export function annotationTable(annotations: readonly Annotation[]): FrameTable {
  return {
    columns: [
      { key: 'number', header: 'Note', format: 'count' },
      { key: 'dates', header: 'Date' },
      { key: 'scope', header: 'Program' },
      { key: 'text', header: 'Text' },
    ],
    rows: annotations.map((annotation, index) => ({
      number: index + 1,
      dates: annotationDates(annotation),
      scope: annotationScope(annotation),
      text: annotation.text,
    })),
  };
}
