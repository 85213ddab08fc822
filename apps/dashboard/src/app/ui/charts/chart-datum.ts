/** One bar (or slice) of a chart and one row of its data table. */
export interface ChartDatum {
  name: string;
  value: number;
}
