import type { EpisodeDayFeatures, HistoryRow } from './early-warning-features.query';

/** Rows read one at a time by position: an array of rows, or a column table's rows. */
export interface FeatureRows<Row extends EpisodeDayFeatures = EpisodeDayFeatures> {
  readonly length: number;
  at(index: number): Row;
}

/** An array as FeatureRows. */
export function rowsOf<Row extends EpisodeDayFeatures>(rows: readonly Row[]): FeatureRows<Row> {
  return { length: rows.length, at: (index) => rows[index] };
}

const INTEGER_FIELDS = [
  'episodeId',
  'weekOfTreatment',
  'counted14',
  'attended14',
  'counted28',
  'attended28',
  'consecutiveNoShows',
  'daysSinceLastAttended',
  'flaggedScreens28',
  'severity',
  'priorEpisodes',
] as const;
const TEXT_FIELDS = ['day', 'ageBand', 'sex', 'substance', 'payer'] as const;
const PERIODS: ReadonlyArray<HistoryRow['period']> = ['before', 'after', 'gap'];

type IntegerField = (typeof INTEGER_FIELDS)[number];
type TextField = (typeof TEXT_FIELDS)[number];

/** An Int32Array that grows by doubling while rows are added. */
class GrowingColumn {
  private data = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const larger = new Int32Array(this.data.length * 2);
      larger.set(this.data);
      this.data = larger;
    }
    this.data[this.length++] = value;
  }

  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** A text column as codes into its distinct values (a few hundred days, a handful of bands, sexes and payers). */
class TextColumnBuilder {
  readonly codes = new GrowingColumn();
  private readonly index = new Map<string, number>();
  readonly values: string[] = [];

  push(value: string): void {
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.index.set(value, code);
      this.values.push(value);
    }
    this.codes.push(code);
  }
}

interface TextColumn {
  codes: Int32Array;
  values: readonly string[];
}

/**
 * The model's weekly training rows by column: about a million rows at the large preset, where as objects (with
 * their text values) they took some 400 MB and here take 70 MB. The rows are read through `at`, which builds one
 * row object at a time; `subset` views the rows of one period without copying them.
 */
export class HistoryTable implements FeatureRows<HistoryRow> {
  /** Built by HistoryTableBuilder (HistoryTable.builder(), HistoryTable.of()). */
  constructor(
    readonly length: number,
    private readonly integers: Readonly<Record<IntegerField, Int32Array>>,
    private readonly texts: Readonly<Record<TextField, TextColumn>>,
    private readonly mat: Int32Array,
    private readonly disengaged: Int32Array,
    private readonly periods: Int32Array,
  ) {}

  static builder(): HistoryTableBuilder {
    return new HistoryTableBuilder();
  }

  static of(rows: Iterable<HistoryRow>): HistoryTable {
    const builder = HistoryTable.builder();
    for (const row of rows) builder.add(row);
    return builder.build();
  }

  at(index: number): HistoryRow {
    const { integers: n, texts: t } = this;
    return {
      episodeId: n.episodeId[index],
      day: t.day.values[t.day.codes[index]],
      weekOfTreatment: n.weekOfTreatment[index],
      counted14: n.counted14[index],
      attended14: n.attended14[index],
      counted28: n.counted28[index],
      attended28: n.attended28[index],
      consecutiveNoShows: n.consecutiveNoShows[index],
      daysSinceLastAttended: n.daysSinceLastAttended[index],
      flaggedScreens28: n.flaggedScreens28[index],
      mat: this.mat[index] === 1,
      ageBand: t.ageBand.values[t.ageBand.codes[index]],
      sex: t.sex.values[t.sex.codes[index]],
      substance: t.substance.values[t.substance.codes[index]],
      severity: n.severity[index],
      priorEpisodes: n.priorEpisodes[index],
      payer: t.payer.values[t.payer.codes[index]],
      disengaged: this.disengaged[index] === 1,
      period: PERIODS[this.periods[index]],
    };
  }

  /** The rows of one period, in order, as a view on this table. */
  subset(period: HistoryRow['period']): HistoryRows {
    const code = PERIODS.indexOf(period);
    let count = 0;
    for (let i = 0; i < this.length; i++) if (this.periods[i] === code) count++;
    const indices = new Int32Array(count);
    for (let i = 0, k = 0; i < this.length; i++) if (this.periods[i] === code) indices[k++] = i;
    return new HistoryRows(this, indices);
  }

  /** Every row, as the same kind of view as a subset. */
  all(): HistoryRows {
    return new HistoryRows(this, null);
  }

  /** 1 where row `index` disengaged within the horizon. */
  outcomeAt(index: number): 0 | 1 {
    return this.disengaged[index] === 1 ? 1 : 0;
  }
}

/** Some rows of a HistoryTable (all of them when `indices` is null), with their outcomes. */
export class HistoryRows implements FeatureRows<HistoryRow> {
  readonly length: number;

  constructor(
    private readonly table: HistoryTable,
    private readonly indices: Int32Array | null,
  ) {
    this.length = indices ? indices.length : table.length;
  }

  at(index: number): HistoryRow {
    return this.table.at(this.indices ? this.indices[index] : index);
  }

  /** The 0/1 outcomes of these rows, in order. */
  outcomes(): Uint8Array {
    const outcomes = new Uint8Array(this.length);
    for (let i = 0; i < this.length; i++) outcomes[i] = this.table.outcomeAt(this.indices ? this.indices[i] : i);
    return outcomes;
  }

  events(): number {
    let events = 0;
    for (let i = 0; i < this.length; i++) events += this.table.outcomeAt(this.indices ? this.indices[i] : i);
    return events;
  }
}

/** One value per field name. */
function byField<Field extends string, Value>(
  fields: readonly Field[],
  valueOf: (field: Field) => Value,
): Record<Field, Value> {
  const record = {} as Record<Field, Value>;
  for (const field of fields) record[field] = valueOf(field);
  return record;
}

/** Adds rows one at a time (a statement's rows, then the next's) and builds the table once. */
export class HistoryTableBuilder {
  private length = 0;
  private readonly integers = byField(INTEGER_FIELDS, () => new GrowingColumn());
  private readonly texts = byField(TEXT_FIELDS, () => new TextColumnBuilder());
  private readonly mat = new GrowingColumn();
  private readonly disengaged = new GrowingColumn();
  private readonly periods = new GrowingColumn();

  add(row: HistoryRow): void {
    for (const field of INTEGER_FIELDS) this.integers[field].push(row[field]);
    for (const field of TEXT_FIELDS) this.texts[field].push(row[field]);
    this.mat.push(row.mat ? 1 : 0);
    this.disengaged.push(row.disengaged ? 1 : 0);
    this.periods.push(PERIODS.indexOf(row.period));
    this.length++;
  }

  build(): HistoryTable {
    const integers = byField(INTEGER_FIELDS, (field) => this.integers[field].done());
    const texts = byField(
      TEXT_FIELDS,
      (field): TextColumn => ({
        codes: this.texts[field].codes.done(),
        values: this.texts[field].values,
      }),
    );
    return new HistoryTable(this.length, integers, texts, this.mat.done(), this.disengaged.done(), this.periods.done());
  }
}
