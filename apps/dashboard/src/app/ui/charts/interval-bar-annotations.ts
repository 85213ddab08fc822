import type { Annotation } from '@iop/contracts';
import { type AnnotationMarker, annotationMarkers } from './chart-annotations';
import type { IntervalBar } from './interval-bar-chart';

/** A calendar month as the API keys it: YYYY-MM. */
const MONTH_KEY = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The months of an interval bar chart whose rows are calendar months (every bar keyed YYYY-MM), top to bottom; none
 * when its rows are anything else (programs, payers, counselors), which carry no markers.
 */
export function monthRowsOf(bars: readonly Pick<IntervalBar, 'key'>[]): string[] {
  return bars.length > 0 && bars.every((bar) => MONTH_KEY.test(bar.key)) ? bars.map((bar) => bar.key) : [];
}

/**
 * The markers of the notes that touch an interval bar chart's month rows, numbered as on the other month-axis
 * charts. The months run down the chart, so a marker's position is its row's centre as a fraction of the rows'
 * height from the top. The chart draws them, and the page that frames it lists the same notes (ChartFrame's
 * `annotations`) and reads them out with its description (`withAnnotations`).
 */
export function intervalBarMarkers(
  annotations: readonly Annotation[],
  bars: readonly Pick<IntervalBar, 'key'>[],
): AnnotationMarker[] {
  return annotationMarkers(annotations, monthRowsOf(bars), (index, count) => (index + 0.5) / count);
}
