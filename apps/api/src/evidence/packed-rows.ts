import type { EvidenceRow } from './evidence-rows.query';

/**
 * The evidence rows as columns in shared memory, to hand them to the board's worker threads: 120,000 row
 * objects would be serialised on the event loop for every worker (structured clone), columns in
 * SharedArrayBuffers are not copied at all. Text columns are dictionary coded (a handful of distinct values),
 * which also gives the worker's rows one string object per level.
 *
 * Every field is read and written by name in code (no computed keys): a computed key on 120,000 rows is a
 * megamorphic lookup per value, and packing took 0.4 s that way.
 */
export interface PackedRows {
  count: number;
  text: Record<TextField, { values: string[]; codes: Uint16Array }>;
  numbers: Record<NumberField, Float64Array>;
  /** Values, and 1 in `nulls` where the value is null. */
  nullable: Record<NullableField, { values: Float64Array; nulls: Uint8Array }>;
  booleans: Record<BooleanField, Uint8Array>;
}

type FieldsOf<T> = {
  [K in keyof EvidenceRow]: [EvidenceRow[K]] extends [T] ? ([T] extends [EvidenceRow[K]] ? K : never) : never;
}[keyof EvidenceRow];
export type TextField = FieldsOf<string>;
export type NumberField = FieldsOf<number>;
export type NullableField = FieldsOf<number | null>;
export type BooleanField = FieldsOf<boolean>;

// Record<...Field, ...> makes each list complete: a field of a kind that is missing fails to compile.
export const TEXT: Record<TextField, (row: EvidenceRow) => string> = {
  levelOfCare: (row) => row.levelOfCare,
  ageBand: (row) => row.ageBand,
  sex: (row) => row.sex,
  substance: (row) => row.substance,
  payer: (row) => row.payer,
  employment: (row) => row.employment,
};
export const NUMBERS: Record<NumberField, (row: EvidenceRow) => number> = {
  severity: (row) => row.severity,
  priorEpisodes: (row) => row.priorEpisodes,
  lengthOfStay: (row) => row.lengthOfStay,
  daysFollowed: (row) => row.daysFollowed,
  chargesCents: (row) => row.chargesCents,
};
export const NULLABLE: Record<NullableField, (row: EvidenceRow) => number | null> = {
  dischargeReason: (row) => row.dischargeReason,
  scheduledHoursPerWeek28: (row) => row.scheduledHoursPerWeek28,
  complianceScore: (row) => row.complianceScore,
  individualSessionsPerWeek28: (row) => row.individualSessionsPerWeek28,
  alliance: (row) => row.alliance,
  groupsAttendedPerWeek28: (row) => row.groupsAttendedPerWeek28,
  eveningWeekendShare: (row) => row.eveningWeekendShare,
  attendanceRate: (row) => row.attendanceRate,
  negativeScreenRate28: (row) => row.negativeScreenRate28,
  readinessChange: (row) => row.readinessChange,
  mutualHelpPerWeek: (row) => row.mutualHelpPerWeek,
  negativeScreenRate: (row) => row.negativeScreenRate,
};
export const BOOLEANS: Record<BooleanField, (row: EvidenceRow) => boolean> = {
  oud: (row) => row.oud,
  mat: (row) => row.mat,
  familyAttended28: (row) => row.familyAttended28,
  abstinentFinal4Weeks: (row) => row.abstinentFinal4Weeks,
  active: (row) => row.active,
};

export const sharedFloat64 = (length: number) => new Float64Array(new SharedArrayBuffer(length * 8));
export const sharedUint8 = (length: number) => new Uint8Array(new SharedArrayBuffer(length));

export function mapFields<Field extends string, Getter, Column>(
  getters: Record<Field, Getter>,
  pack: (get: Getter) => Column,
): Record<Field, Column> {
  const entries = Object.entries(getters) as Array<[Field, Getter]>;
  return Object.fromEntries(entries.map(([name, get]) => [name, pack(get)])) as Record<Field, Column>;
}

export function packRows(rows: readonly EvidenceRow[]): PackedRows {
  const count = rows.length;
  return {
    count,
    text: mapFields(TEXT, (get) => {
      const index = new Map<string, number>();
      const codes = new Uint16Array(new SharedArrayBuffer(count * 2));
      for (let i = 0; i < count; i++) {
        const value = get(rows[i]);
        let code = index.get(value);
        if (code === undefined) {
          code = index.size;
          if (code > 0xffff) throw new RangeError('packRows: a text column has more than 65,536 distinct values');
          index.set(value, code);
        }
        codes[i] = code;
      }
      return { values: [...index.keys()], codes };
    }),
    numbers: mapFields(NUMBERS, (get) => {
      const values = sharedFloat64(count);
      for (let i = 0; i < count; i++) values[i] = get(rows[i]);
      return values;
    }),
    nullable: mapFields(NULLABLE, (get) => {
      const values = sharedFloat64(count);
      const nulls = sharedUint8(count);
      for (let i = 0; i < count; i++) {
        const value = get(rows[i]);
        if (value === null) nulls[i] = 1;
        else values[i] = value;
      }
      return { values, nulls };
    }),
    booleans: mapFields(BOOLEANS, (get) => {
      const values = sharedUint8(count);
      for (let i = 0; i < count; i++) values[i] = get(rows[i]) ? 1 : 0;
      return values;
    }),
  };
}

/**
 * One row of packed columns, read in place: the worker gets 120,000 of these two-field objects instead of
 * 120,000 objects of 28 fields (each number a heap allocation), which took 0.3 s to build and to collect.
 */
// Each getter names its column (no computed keys), so that every read is a monomorphic load.
class PackedRow implements EvidenceRow {
  constructor(
    private readonly columns: PackedRows,
    private readonly i: number,
  ) {}

  get levelOfCare() {
    const { values, codes } = this.columns.text.levelOfCare;
    return values[codes[this.i]];
  }
  get ageBand() {
    const { values, codes } = this.columns.text.ageBand;
    return values[codes[this.i]];
  }
  get sex() {
    const { values, codes } = this.columns.text.sex;
    return values[codes[this.i]];
  }
  get substance() {
    const { values, codes } = this.columns.text.substance;
    return values[codes[this.i]];
  }
  get payer() {
    const { values, codes } = this.columns.text.payer;
    return values[codes[this.i]];
  }
  get employment() {
    const { values, codes } = this.columns.text.employment;
    return values[codes[this.i]];
  }
  get severity() {
    return this.columns.numbers.severity[this.i];
  }
  get priorEpisodes() {
    return this.columns.numbers.priorEpisodes[this.i];
  }
  get lengthOfStay() {
    return this.columns.numbers.lengthOfStay[this.i];
  }
  get daysFollowed() {
    return this.columns.numbers.daysFollowed[this.i];
  }
  get chargesCents() {
    return this.columns.numbers.chargesCents[this.i];
  }
  get oud() {
    return this.columns.booleans.oud[this.i] === 1;
  }
  get mat() {
    return this.columns.booleans.mat[this.i] === 1;
  }
  get familyAttended28() {
    return this.columns.booleans.familyAttended28[this.i] === 1;
  }
  get abstinentFinal4Weeks() {
    return this.columns.booleans.abstinentFinal4Weeks[this.i] === 1;
  }
  get active() {
    return this.columns.booleans.active[this.i] === 1;
  }
  get dischargeReason() {
    const { values, nulls } = this.columns.nullable.dischargeReason;
    return nulls[this.i] === 1 ? null : values[this.i];
  }
  get scheduledHoursPerWeek28() {
    const { values, nulls } = this.columns.nullable.scheduledHoursPerWeek28;
    return nulls[this.i] === 1 ? null : values[this.i];
  }
  get complianceScore() {
    const { values, nulls } = this.columns.nullable.complianceScore;
    return nulls[this.i] === 1 ? null : values[this.i];
  }
  get individualSessionsPerWeek28() {
    const { values, nulls } = this.columns.nullable.individualSessionsPerWeek28;
    return nulls[this.i] === 1 ? null : values[this.i];
  }
  get alliance() {
    const { values, nulls } = this.columns.nullable.alliance;
    return nulls[this.i] === 1 ? null : values[this.i];
  }
  get groupsAttendedPerWeek28() {
    const { values, nulls } = this.columns.nullable.groupsAttendedPerWeek28;
    return nulls[this.i] === 1 ? null : values[this.i];
  }
  get eveningWeekendShare() {
    const { values, nulls } = this.columns.nullable.eveningWeekendShare;
    return nulls[this.i] === 1 ? null : values[this.i];
  }
  get attendanceRate() {
    const { values, nulls } = this.columns.nullable.attendanceRate;
    return nulls[this.i] === 1 ? null : values[this.i];
  }
  get negativeScreenRate28() {
    const { values, nulls } = this.columns.nullable.negativeScreenRate28;
    return nulls[this.i] === 1 ? null : values[this.i];
  }
  get readinessChange() {
    const { values, nulls } = this.columns.nullable.readinessChange;
    return nulls[this.i] === 1 ? null : values[this.i];
  }
  get mutualHelpPerWeek() {
    const { values, nulls } = this.columns.nullable.mutualHelpPerWeek;
    return nulls[this.i] === 1 ? null : values[this.i];
  }
  get negativeScreenRate() {
    const { values, nulls } = this.columns.nullable.negativeScreenRate;
    return nulls[this.i] === 1 ? null : values[this.i];
  }
}

/** The packed rows as EvidenceRows that read the columns in place (read-only). */
export function unpackRows(packed: PackedRows): EvidenceRow[] {
  return Array.from({ length: packed.count }, (_, i) => new PackedRow(packed, i));
}
