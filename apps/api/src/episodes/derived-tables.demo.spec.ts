import {
  APPOINTMENT_STATUSES,
  type AppointmentStatus,
  SESSION_TYPES,
  type SessionType,
  type Slot,
  SLOTS,
} from '@iop/contracts';
import fc from 'fast-check';
import { WeekdayAttendanceQuery } from '../attendance/weekday-attendance.query';
import { WeekdayAttendanceStore } from '../attendance/weekday-attendance-store';
import { EvidenceRowStore } from '../evidence/evidence-row-store';
import { type EvidenceRow, EvidenceRowsQuery } from '../evidence/evidence-rows.query';
import { unpackRows } from '../evidence/packed-rows';
import { SummaryQuery } from '../metrics/summary.query';
import { type QualityCase, QualityCasesQuery } from '../quality/quality-cases.query';
import { QUALITY_MEASURES } from '../quality/quality-measures';
import { QualityOutcomeStore } from '../quality/quality-outcome-store';
import { exactTally, perturbedTally, summarize, type Tally } from '../quality/quality-tallies';
import { CELL_KEY_MODULUS } from '../suppression/cell-key';
import { AggregatedEpisodesQuery } from './aggregated-episodes.query';
import { AppointmentCountStore } from './appointment-count-store';
import { AppointmentCountsQuery } from './appointment-counts.query';
import { EpisodeAggregateStore } from './episode-aggregate-store';
import { EpisodeRevisionsQuery } from './episode-revisions.query';
import { episodeSelection } from './episode-selection.sql';
import { toRate } from './rate';
import {
  type DemoNetwork,
  RANDOM_RUNS,
  RUNS,
  scopeAndFilters as drawnFrom,
  seedDemoNetwork,
  SEEDING_TIMEOUT_MS,
} from './testing/demo-network';

/** An appointment's local start in its program's zone, for the appointments `a` of the facts `f`, programs `p`. */
const LOCAL_APPOINTMENTS = `
  FROM episode_facts f
  JOIN programs p ON p.id = f.program_id
  JOIN appointments a ON a.episode_id = f.episode_id
  CROSS JOIN LATERAL (SELECT a.scheduled_start AT TIME ZONE p.timezone AS start) local`;

/** The attendance rate's three statuses, up to the episode's last day: what the derived counts hold. */
const COUNTED = `a.status IN ('attended', 'no_show', 'cancelled_patient') AND local.start::date <= f.last_day`;

const DAY_PART = `CASE
    WHEN extract(hour FROM local.start) < 12 THEN 'morning'
    WHEN extract(hour FROM local.start) < 17 THEN 'afternoon'
    ELSE 'evening'
  END`;

/**
 * The metric queries read derived tables that the facts refresh keeps per episode: the appointment counts by slot
 * and session type, the weekday attendance, the quality measures' decisive dates and fills, and each episode's days
 * to readmission. For random scopes and filters on the seeded demo network (1,500 episodes, about 58,000
 * appointments), each answer read from them must equal the same answer computed here from the base tables
 * (appointments, dispenses, episodes) for the same episode facts selection. The same holds for what the API keeps
 * per episode in memory between requests (the quality measures' outcomes, the evidence rows), one store across
 * every run, as in the API, so that later selections reuse what earlier ones stored.
 */
describe('answers from the derived tables equal answers from the base tables (demo preset, random filters)', () => {
  let network: DemoNetwork;
  let dataSource: DemoNetwork['dataSource'];

  const rowsOf = <T>(sql: string, params: unknown[]): Promise<T[]> => network.rowsOf<T>(sql, params);
  const scopeAndFilters = () => drawnFrom(network);

  beforeAll(async () => {
    network = await seedDemoNetwork();
    dataSource = network.dataSource;
  }, SEEDING_TIMEOUT_MS);
  afterAll(() => network?.close());

  it('gives the appointment breakdowns, no-shows and slot attendance of episode_appointment_counts', async () => {
    // Kept between requests, as in the API: one store for every run.
    const appointmentCounts = new AppointmentCountStore(
      new EpisodeRevisionsQuery(dataSource),
      new AppointmentCountsQuery(dataSource),
    );
    const slot = `CASE WHEN extract(isodow FROM local.start) IN (6, 7) THEN 'weekend' ELSE ${DAY_PART} END`;
    await fc.assert(
      fc.asyncProperty(scopeAndFilters(), async ([scope, filters]) => {
        const selection = episodeSelection(scope, filters);
        for (const [by, key] of [
          ['slot', slot],
          ['sessionType', 'a.session_type'],
        ] as const) {
          const fast = await appointmentCounts.byAppointment(scope, filters, by);
          const direct = await rowsOf<Record<string, number | string>>(
            `SELECT ${key} AS key,
               count(*) FILTER (WHERE a.status = 'attended')::integer AS attended,
               (COALESCE(sum(f.record_key::bigint) FILTER (WHERE a.status = 'attended'), 0) % ${CELL_KEY_MODULUS})::integer
                 AS attended_key,
               count(*) FILTER (WHERE a.status = 'no_show')::integer AS no_show,
               (COALESCE(sum(f.record_key::bigint) FILTER (WHERE a.status = 'no_show'), 0) % ${CELL_KEY_MODULUS})::integer
                 AS no_show_key,
               count(*)::integer AS counted,
               (sum(f.record_key::bigint) % ${CELL_KEY_MODULUS})::integer AS counted_key
             ${LOCAL_APPOINTMENTS}
             WHERE ${selection.sql} AND ${COUNTED}
             GROUP BY 1 ORDER BY 1`,
            selection.params,
          );
          expect(fast).toEqual(
            direct.map((row) => ({
              key: row['key'],
              attended: { n: row['attended'], key: row['attended_key'] },
              no_show: { n: row['no_show'], key: row['no_show_key'] },
              counted: { n: row['counted'], key: row['counted_key'] },
            })),
          );
        }
        // Every status, per session type (the no-shows page), and claim 5's counted statuses per employment group
        // and slot.
        const statuses = await rowsOf<{ sessionType: string; status: string; n: number }>(
          `SELECT a.session_type AS "sessionType", a.status, count(*)::integer AS n
           ${LOCAL_APPOINTMENTS}
           WHERE ${selection.sql} AND local.start::date <= f.last_day
           GROUP BY 1, 2`,
          selection.params,
        );
        expect(
          (await appointmentCounts.statusesBySessionType(scope, filters)).flatMap(({ sessionType, counts }) =>
            Object.entries(counts).flatMap(([status, n]) => (n > 0 ? [{ sessionType, status, n }] : [])),
          ),
        ).toEqual(
          [...statuses].sort(
            (a, b) =>
              SESSION_TYPES.indexOf(a.sessionType as SessionType) -
                SESSION_TYPES.indexOf(b.sessionType as SessionType) ||
              APPOINTMENT_STATUSES.indexOf(a.status as AppointmentStatus) -
                APPOINTMENT_STATUSES.indexOf(b.status as AppointmentStatus),
          ),
        );
        const bySlot = await rowsOf<{ employment: string; slot: string; attended: number; denominator: number }>(
          `SELECT CASE WHEN f.employment IN ('employed', 'student') THEN 'employed_or_student' ELSE 'other' END
               AS employment,
             ${slot} AS slot, count(*) FILTER (WHERE a.status = 'attended')::integer AS attended,
             count(*)::integer AS denominator
           ${LOCAL_APPOINTMENTS}
           WHERE ${selection.sql} AND ${COUNTED}
           GROUP BY 1, 2`,
          selection.params,
        );
        expect(await appointmentCounts.slotAttendance(scope, filters)).toEqual(
          [...bySlot].sort(
            (a, b) =>
              a.employment.localeCompare(b.employment) || SLOTS.indexOf(a.slot as Slot) - SLOTS.indexOf(b.slot as Slot),
          ),
        );
      }),
      RUNS,
    );
  });

  it('gives the attendance heatmap of episode_weekday_attendance, kept per episode', async () => {
    // One store across every case, as in the API: later cases read episodes that earlier ones kept.
    const store = new WeekdayAttendanceStore(
      new EpisodeRevisionsQuery(dataSource),
      new WeekdayAttendanceQuery(dataSource),
    );
    await fc.assert(
      fc.asyncProperty(scopeAndFilters(), async ([scope, filters]) => {
        const selection = episodeSelection(scope, filters);
        const fast = await store.heatmap(scope, filters);
        const direct = await rowsOf<{ isoWeekday: number; dayPart: string; attended: number; counted: number }>(
          `SELECT extract(isodow FROM local.start)::integer AS "isoWeekday", ${DAY_PART} AS "dayPart",
             count(*) FILTER (WHERE a.status = 'attended')::integer AS attended, count(*)::integer AS counted
           ${LOCAL_APPOINTMENTS}
           WHERE ${selection.sql} AND ${COUNTED}
           GROUP BY 1, 2 ORDER BY 1, 2`,
          selection.params,
        );
        const sorted = [...fast].sort((a, b) => a.isoWeekday - b.isoWeekday || a.dayPart.localeCompare(b.dayPart));
        expect(sorted).toEqual(direct);
      }),
      RUNS,
    );
  });

  it("gives every quality measure's outcome of episode_quality_dates", async () => {
    await fc.assert(
      fc.asyncProperty(scopeAndFilters(), async ([scope, filters]) => {
        const selection = episodeSelection(scope, filters);
        const cases = await new QualityCasesQuery(dataSource).run(scope, filters);
        // Every attended local date up to the last day, and every dispense, straight from the base tables.
        const direct = await rowsOf<{ episode_id: number; dates: string[]; fills: QualityCase['fills'] }>(
          `SELECT f.episode_id,
             ARRAY(
               SELECT DISTINCT to_char(local.start::date, 'YYYY-MM-DD')
               FROM appointments a CROSS JOIN LATERAL (SELECT a.scheduled_start AT TIME ZONE p.timezone AS start) local
               WHERE a.episode_id = f.episode_id AND a.status = 'attended' AND local.start::date <= f.last_day
               ORDER BY 1
             ) AS dates,
             COALESCE((
               SELECT json_agg(json_build_object('on', to_char(d.dispensed_on, 'YYYY-MM-DD'), 'days', d.days_supply,
                 'medication', d.medication) ORDER BY d.dispensed_on, d.id)
               FROM medication_dispenses d WHERE d.episode_id = f.episode_id
             ), '[]') AS fills
           FROM episode_facts f JOIN programs p ON p.id = f.program_id
           WHERE ${selection.sql}
           ORDER BY f.episode_id`,
          selection.params,
        );
        expect(cases.map((episode) => episode.episodeId)).toEqual(direct.map((row) => row.episode_id));
        direct.forEach((row, index) => {
          const stored = cases[index];
          const complete: QualityCase = { ...stored, attendedDates: row.dates, fills: row.fills };
          for (const measure of QUALITY_MEASURES) {
            expect([measure.id, stored.episodeId, measure.evaluate(stored)]).toEqual([
              measure.id,
              stored.episodeId,
              measure.evaluate(complete),
            ]);
          }
        });
      }),
      RUNS,
    );
  });

  it('gives, from the outcomes kept between requests, the measures that evaluating the cases gives', async () => {
    // One store for every run, as in the API: later selections reuse the outcomes that earlier ones stored.
    const casesQuery = new QualityCasesQuery(dataSource);
    const store = new QualityOutcomeStore(new EpisodeRevisionsQuery(dataSource), casesQuery);
    await fc.assert(
      fc.asyncProperty(scopeAndFilters(), async ([scope, filters]) => {
        const selection = await store.select(scope, filters);
        const cases = await casesQuery.run(scope, filters);
        QUALITY_MEASURES.forEach((measure, index) => {
          const outcomes = cases.map((episode) => ({ episode, outcome: measure.evaluate(episode) }));
          const tallied = (of: typeof outcomes, tally: Tally) =>
            tally({ n: of.length, key: of.reduce((sum, { episode }) => sum + episode.recordKey, 0) });
          for (const tally of [exactTally, perturbedTally]) {
            const counted = outcomes.filter(({ outcome }) => outcome.status === 'denominator');
            const denominator = tallied(counted, tally);
            const numerator = tallied(
              counted.filter(({ outcome }) => outcome.inNumerator),
              tally,
            );
            const reasons = [...new Set(outcomes.map(({ outcome }) => outcome.exclusion))].flatMap((reason) =>
              reason === null ? [] : [reason],
            );
            expect(summarize(measure, index, selection, tally)).toEqual({
              id: measure.id,
              name: measure.name,
              definition: measure.definition,
              rate: toRate(Math.min(numerator, denominator), denominator),
              exclusions: reasons.sort().map((reason) => ({
                reason,
                count: tallied(
                  outcomes.filter(({ outcome }) => outcome.exclusion === reason),
                  tally,
                ),
              })),
            });
          }
        });
      }),
      RUNS,
    );
  });

  it('gives, from the evidence rows kept between requests, the rows of the selection read from the facts', async () => {
    const rowsQuery = new EvidenceRowsQuery(dataSource);
    const store = new EvidenceRowStore(new EpisodeRevisionsQuery(dataSource), rowsQuery);
    await fc.assert(
      fc.asyncProperty(scopeAndFilters(), async ([scope, filters]) => {
        const selection = episodeSelection(scope, filters);
        const ids = (
          await rowsOf<{ id: number }>(
            `SELECT f.episode_id AS id FROM episode_facts f WHERE ${selection.sql} ORDER BY 1`,
            selection.params,
          )
        ).map((row) => row.id);
        const direct = (await rowsQuery.byIds(ids)).sort((a, b) => a.episodeId - b.episodeId);
        const fields = Object.keys(direct[0]?.row ?? {}).filter(
          (field) => field !== 'episodeId' && field !== 'revision',
        ) as Array<keyof EvidenceRow>;
        const stored = unpackRows(await store.packed(scope, filters));
        expect(stored.map((row) => fields.map((field) => row[field]))).toEqual(
          direct.map(({ row }) => fields.map((field) => row[field])),
        );
      }),
      RUNS,
    );
  });

  it("gives the summary's readmission counts of episode_facts.days_to_readmission", async () => {
    const store = new EpisodeAggregateStore(
      new EpisodeRevisionsQuery(dataSource),
      new AggregatedEpisodesQuery(dataSource),
    );
    const summaryQuery = new SummaryQuery(dataSource, store);
    await fc.assert(
      fc.asyncProperty(scopeAndFilters(), async ([scope, filters]) => {
        const selection = episodeSelection(scope, filters);
        const { aggregates } = await summaryQuery.run(scope, filters);
        // The days to the same patient's next admission 1-90 days after the discharge, from the episodes.
        const [direct] = await rowsOf<Record<string, number>>(
          `SELECT
             count(*) FILTER (WHERE eligible30)::integer AS eligible30,
             count(*) FILTER (WHERE eligible30 AND days <= 30)::integer AS readmitted30,
             count(*) FILTER (WHERE eligible90)::integer AS eligible90,
             count(*) FILTER (WHERE eligible90 AND days <= 90)::integer AS readmitted90
           FROM (
             SELECT f.discharge_reason <> 4 AND f.as_of - f.discharge_date >= 30 AS eligible30,
               f.discharge_reason <> 4 AND f.as_of - f.discharge_date >= 90 AS eligible90,
               (SELECT min(n.admit_date - e.discharge_date) FROM episodes n
                WHERE n.patient_id = e.patient_id AND n.id <> e.id
                  AND n.admit_date BETWEEN e.discharge_date + 1 AND e.discharge_date + 90) AS days
             FROM episode_facts f JOIN episodes e ON e.id = f.episode_id
             WHERE ${selection.sql}
           ) readmission`,
          selection.params,
        );
        expect([
          aggregates.readmission_eligible30,
          aggregates.readmitted30,
          aggregates.readmission_eligible90,
          aggregates.readmitted90,
        ]).toEqual([direct['eligible30'], direct['readmitted30'], direct['eligible90'], direct['readmitted90']]);
      }),
      RUNS,
    );
  });

  it('draws filters that select episodes, and filters that select none', async () => {
    const sizes = fc.sample(scopeAndFilters(), { numRuns: RANDOM_RUNS, seed: RUNS.seed });
    const counts = await Promise.all(
      sizes.map(async ([scope, filters]) => {
        const selection = episodeSelection(scope, filters);
        const [row] = await rowsOf<{ n: number }>(
          `SELECT count(*)::integer AS n FROM episode_facts f WHERE ${selection.sql}`,
          selection.params,
        );
        return row.n;
      }),
    );
    // The comparisons above mean something only if the random filters reach both populated and empty selections.
    expect(counts.filter((n) => n > 50).length).toBeGreaterThan(RANDOM_RUNS / 2);
    expect(counts.some((n) => n === 0)).toBe(true);
  });
});
