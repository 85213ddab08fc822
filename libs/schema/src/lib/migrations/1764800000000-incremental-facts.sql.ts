/**
 * The SELECTs of the episode facts, the appointment counts and the weekday attendance as of migration
 * 1764800000000, restricted to the episodes of a plpgsql variable `only_episodes` (integer[]; NULL = every
 * episode). Each definition is unchanged from the materialized views of migrations 1764300000000 and
 * 1764500000000 (see their comments for the rules) apart from that restriction, which is applied to every table
 * read so that refreshing a few episodes reads only their rows. Part of an applied migration: never edit; a later
 * change of the facts replaces refresh_episode_facts(integer[]) in a new migration.
 */

export const EPISODE_FACTS_OF = `
        WITH
        -- The episode, its program's time zone, its patient and the data's as-of date.
        base AS (
          SELECT
            e.id AS episode_id, e.org_id, e.program_id, e.patient_id, e.level_of_care,
            e.referral_date, e.referral_source, e.prior_discharge_date,
            e.admit_date, e.discharge_date, e.discharge_reason,
            m.as_of,
            e.discharge_date IS NULL AS active,
            -- METRICS.md conventions: the last day is the discharge date or the data's end date.
            COALESCE(e.discharge_date, m.as_of) AS last_day,
            COALESCE(e.discharge_date, m.as_of) - e.admit_date + 1 AS length_of_stay_days,
            -- Age from the birth year (the only part of the birth date stored) and the admission year.
            extract(year FROM e.admit_date)::integer - pt.birth_year AS age_at_admission,
            pt.sex, pt.employment,
            e.primary_substance, e.oud, e.severity, e.prior_episodes, e.payer, e.primary_counselor_id, e.family_involved,
            p.timezone
          FROM episodes e
          JOIN programs p ON p.id = e.program_id
          JOIN patients pt ON pt.id = e.patient_id
          LEFT JOIN dataset_meta m ON m.org_id = e.org_id
          WHERE (only_episodes IS NULL OR e.id = ANY(only_episodes))
        ),
        -- ground-truth.json first28DayWindow: days 0 .. min(length of stay, 28) - 1.
        episode AS (
          SELECT base.*, LEAST(length_of_stay_days, 28) AS window_days FROM base
        ),
        -- Appointments up to the last day, with their local date, day index and local hour in the program's zone.
        appointment AS (
          SELECT a.episode_id, a.session_type, a.status, a.duration_min, a.modality,
            local.start::date - ep.admit_date AS day, ep.window_days,
            extract(hour FROM local.start) AS local_hour, extract(dow FROM local.start) AS local_dow
          FROM appointments a
          JOIN episode ep ON ep.episode_id = a.episode_id
          CROSS JOIN LATERAL (SELECT a.scheduled_start AT TIME ZONE ep.timezone AS start) local
          WHERE local.start::date <= ep.last_day AND (only_episodes IS NULL OR a.episode_id = ANY(only_episodes))
        ),
        appointment_facts AS (
          SELECT episode_id,
            count(*)::integer AS appointments,
            count(*) FILTER (WHERE modality = 'telehealth')::integer AS telehealth,
            count(*) FILTER (WHERE status = 'attended')::integer AS attended,
            count(*) FILTER (WHERE status = 'no_show')::integer AS no_show,
            count(*) FILTER (WHERE status = 'cancelled_patient')::integer AS cancelled_patient,
            count(*) FILTER (WHERE status = 'cancelled_program')::integer AS cancelled_program,
            count(*) FILTER (WHERE status = 'scheduled')::integer AS scheduled,
            -- METRICS.md scheduled contact hours: every appointment not cancelled by the program.
            count(*) FILTER (WHERE status <> 'cancelled_program')::integer AS scheduled_sessions,
            COALESCE(sum(duration_min) FILTER (WHERE status <> 'cancelled_program'), 0)::integer AS scheduled_minutes,
            COALESCE(sum(duration_min) FILTER (WHERE status = 'attended'), 0)::integer AS attended_minutes,
            -- METRICS.md slots: evening from 17:00 local, weekend = Saturday or Sunday local (claim 5's exposure).
            count(*) FILTER (WHERE status <> 'cancelled_program' AND (local_hour >= 17 OR local_dow IN (0, 6)))::integer
              AS evening_weekend_scheduled,
            COALESCE(sum(duration_min) FILTER (
              WHERE status <> 'cancelled_program' AND day BETWEEN 0 AND window_days - 1), 0)::integer AS scheduled_minutes_28,
            count(*) FILTER (
              WHERE session_type = 'individual' AND status <> 'cancelled_program' AND day BETWEEN 0 AND window_days - 1
            )::integer AS individual_sessions_28,
            count(*) FILTER (
              WHERE session_type = 'group' AND status = 'attended' AND day BETWEEN 0 AND window_days - 1
            )::integer AS groups_attended_28,
            bool_or(session_type = 'family' AND status = 'attended' AND day BETWEEN 0 AND window_days - 1)
              AS family_attended_28,
            count(*) FILTER (WHERE session_type = 'family' AND status = 'attended')::integer AS family_attended
          FROM appointment
          GROUP BY episode_id
        ),
        -- MAT: the medications dispensed to the episode (any dispense counts, METRICS.md claim 10).
        medication_facts AS (
          SELECT episode_id, array_agg(DISTINCT medication ORDER BY medication) AS medications,
            min(dispensed_on) AS first_dispensed_on
          FROM medication_dispenses
          WHERE (only_episodes IS NULL OR episode_id = ANY(only_episodes))
          GROUP BY episode_id
        ),
        -- Expected drug screens up to the last day. METRICS.md negative screen rate: missing counts as positive;
        -- a positive only for the episode's own prescribed medication (buprenorphine, methadone) is negative.
        screen AS (
          SELECT s.episode_id, ep.window_days,
            (s.collected_at AT TIME ZONE ep.timezone)::date - ep.admit_date AS day,
            ep.length_of_stay_days,
            s.result <> 'missing' AS collected,
            s.result = 'negative'
              OR (s.result = 'positive' AND s.positive_for <@ COALESCE(mf.medications, '{}'::text[])) AS negative
          FROM drug_screens s
          JOIN episode ep ON ep.episode_id = s.episode_id
          LEFT JOIN medication_facts mf ON mf.episode_id = s.episode_id
          WHERE (only_episodes IS NULL OR s.episode_id = ANY(only_episodes)) AND s.expected AND (s.collected_at AT TIME ZONE ep.timezone)::date <= ep.last_day
        ),
        screen_facts AS (
          SELECT episode_id,
            count(*)::integer AS screens_expected,
            count(*) FILTER (WHERE collected)::integer AS screens_collected,
            count(*) FILTER (WHERE negative)::integer AS screens_negative,
            count(*) FILTER (WHERE day BETWEEN 0 AND window_days - 1)::integer AS screens_expected_28,
            count(*) FILTER (WHERE negative AND day BETWEEN 0 AND window_days - 1)::integer AS screens_negative_28,
            -- The episode's last 28 days: day >= length of stay - 28 (last day - 27 .. last day).
            count(*) FILTER (WHERE day >= length_of_stay_days - 28)::integer AS screens_expected_final_28,
            count(*) FILTER (WHERE negative AND day >= length_of_stay_days - 28)::integer AS screens_negative_final_28
          FROM screen
          GROUP BY episode_id
        ),
        -- METRICS.md goal attainment: met / goals whose due date has passed by the last day; dropped left out.
        goal_facts AS (
          SELECT g.episode_id,
            count(*)::integer AS goals_due,
            count(*) FILTER (WHERE g.status = 'met')::integer AS goals_met
          FROM plan_goals g
          JOIN episode ep ON ep.episode_id = g.episode_id
          WHERE (only_episodes IS NULL OR g.episode_id = ANY(only_episodes)) AND g.status <> 'dropped' AND g.due_on <= ep.last_day
          GROUP BY g.episode_id
        ),
        assessment AS (
          SELECT a.episode_id, a.instrument, a.administered_at, a.id, a.total,
            (a.administered_at AT TIME ZONE ep.timezone)::date - ep.admit_date AS day
          FROM assessments a
          JOIN episode ep ON ep.episode_id = a.episode_id
          WHERE (only_episodes IS NULL OR a.episode_id = ANY(only_episodes))
        ),
        assessment_facts AS (
          SELECT episode_id,
            -- METRICS.md alliance: WAI-SR total at its first administration after day 14 (day 15 on).
            (array_agg(total ORDER BY administered_at, id) FILTER (WHERE instrument = 'wai_sr' AND day > 14))[1]
              AS alliance,
            (array_agg(total ORDER BY administered_at, id) FILTER (WHERE instrument = 'readiness_ruler'))[1]
              AS readiness_first,
            (array_agg(total ORDER BY administered_at DESC, id DESC) FILTER (WHERE instrument = 'readiness_ruler'))[1]
              AS readiness_last,
            count(*) FILTER (WHERE instrument = 'readiness_ruler')::integer AS readiness_count
          FROM assessment
          GROUP BY episode_id
        ),
        -- Claim 9's exposure: the mean of the weekly self-reports (weeks without a report are not zeros).
        mutual_help_facts AS (
          SELECT episode_id, count(*)::integer AS mutual_help_reports, sum(meetings)::integer AS mutual_help_meetings
          FROM mutual_help
          WHERE (only_episodes IS NULL OR episode_id = ANY(only_episodes))
          GROUP BY episode_id
        ),
        charge_facts AS (
          SELECT episode_id, sum(amount_cents)::bigint AS charges_cents FROM charges
          WHERE (only_episodes IS NULL OR episode_id = ANY(only_episodes))
          GROUP BY episode_id
        ),
        combined AS (
          SELECT ep.*,
            COALESCE(af.appointments, 0) AS appointments,
            COALESCE(af.telehealth, 0) AS telehealth,
            COALESCE(af.attended, 0) AS attended,
            COALESCE(af.no_show, 0) AS no_show,
            COALESCE(af.cancelled_patient, 0) AS cancelled_patient,
            COALESCE(af.cancelled_program, 0) AS cancelled_program,
            COALESCE(af.scheduled, 0) AS scheduled,
            COALESCE(af.scheduled_sessions, 0) AS scheduled_sessions,
            COALESCE(af.scheduled_minutes, 0) AS scheduled_minutes,
            COALESCE(af.attended_minutes, 0) AS attended_minutes,
            COALESCE(af.evening_weekend_scheduled, 0) AS evening_weekend_scheduled,
            COALESCE(af.scheduled_minutes_28, 0) AS scheduled_minutes_28,
            COALESCE(af.individual_sessions_28, 0) AS individual_sessions_28,
            COALESCE(af.groups_attended_28, 0) AS groups_attended_28,
            COALESCE(af.family_attended_28, false) AS family_attended_28,
            COALESCE(af.family_attended, 0) AS family_attended,
            COALESCE(sf.screens_expected, 0) AS screens_expected,
            COALESCE(sf.screens_collected, 0) AS screens_collected,
            COALESCE(sf.screens_negative, 0) AS screens_negative,
            COALESCE(sf.screens_expected_28, 0) AS screens_expected_28,
            COALESCE(sf.screens_negative_28, 0) AS screens_negative_28,
            COALESCE(sf.screens_expected_final_28, 0) AS screens_expected_final_28,
            COALESCE(sf.screens_negative_final_28, 0) AS screens_negative_final_28,
            COALESCE(gf.goals_due, 0) AS goals_due,
            COALESCE(gf.goals_met, 0) AS goals_met,
            asf.alliance, asf.readiness_first, asf.readiness_last,
            COALESCE(asf.readiness_count, 0) AS readiness_count,
            mf.medications IS NOT NULL AS mat,
            COALESCE(mf.medications, '{}'::text[]) AS mat_medications,
            mf.first_dispensed_on AS mat_first_dispensed_on,
            COALESCE(mh.mutual_help_reports, 0) AS mutual_help_reports,
            COALESCE(mh.mutual_help_meetings, 0) AS mutual_help_meetings,
            COALESCE(cf.charges_cents, 0) AS charges_cents
          FROM episode ep
          LEFT JOIN appointment_facts af ON af.episode_id = ep.episode_id
          LEFT JOIN screen_facts sf ON sf.episode_id = ep.episode_id
          LEFT JOIN goal_facts gf ON gf.episode_id = ep.episode_id
          LEFT JOIN assessment_facts asf ON asf.episode_id = ep.episode_id
          LEFT JOIN medication_facts mf ON mf.episode_id = ep.episode_id
          LEFT JOIN mutual_help_facts mh ON mh.episode_id = ep.episode_id
          LEFT JOIN charge_facts cf ON cf.episode_id = ep.episode_id
        ),
        -- METRICS.md compliance components, each null where its denominator is zero.
        adherence AS (
          SELECT c.*,
            -- Attendance rate: attended / (attended + no_show + cancelled_patient); program cancellations and
            -- still-scheduled appointments are left out.
            attended + no_show + cancelled_patient AS attendance_denominator,
            attended::numeric / NULLIF(attended + no_show + cancelled_patient, 0) AS session_adherence,
            screens_collected::numeric / NULLIF(screens_expected, 0) AS screen_adherence,
            goals_met::numeric / NULLIF(goals_due, 0) AS goal_attainment
          FROM combined c
        )
        SELECT
          episode_id, org_id, program_id, patient_id, level_of_care,
          referral_date, referral_source, prior_discharge_date,
          admit_date, discharge_date, discharge_reason, as_of, active, last_day,
          length_of_stay_days,
          length_of_stay_days / 7.0::double precision AS weeks_in_treatment,
          age_at_admission,
          CASE
            WHEN age_at_admission < 18 THEN '13-17'
            WHEN age_at_admission < 26 THEN '18-25'
            WHEN age_at_admission < 35 THEN '26-34'
            WHEN age_at_admission < 45 THEN '35-44'
            WHEN age_at_admission < 55 THEN '45-54'
            WHEN age_at_admission < 65 THEN '55-64'
            ELSE '65+'
          END AS age_band,
          sex, employment, primary_substance, oud, severity, prior_episodes, payer, primary_counselor_id,
          family_involved,
          appointments, telehealth, attended, no_show, cancelled_patient, cancelled_program, scheduled,
          scheduled_sessions, scheduled_minutes, attended_minutes,
          scheduled_minutes / 60.0::double precision / (length_of_stay_days / 7.0::double precision)
            AS scheduled_hours_per_week,
          attended_minutes / 60.0::double precision / (length_of_stay_days / 7.0::double precision)
            AS attended_hours_per_week,
          -- METRICS.md meets IOP intensity: attended hours per week >= 9 (>= 6 under 18), the ASAM 2.1 floor.
          attended_minutes::numeric / 60 / (length_of_stay_days::numeric / 7)
            >= CASE WHEN age_at_admission < 18 THEN 6 ELSE 9 END AS meets_iop_intensity,
          attended AS attendance_numerator,
          attendance_denominator,
          evening_weekend_scheduled,
          evening_weekend_scheduled::double precision / NULLIF(scheduled_sessions, 0) AS evening_weekend_share,
          window_days, scheduled_minutes_28,
          scheduled_minutes_28 / 60.0::double precision / (window_days / 7.0::double precision)
            AS scheduled_hours_per_week_28,
          individual_sessions_28,
          individual_sessions_28 / (window_days / 7.0::double precision) AS individual_sessions_per_week_28,
          groups_attended_28,
          groups_attended_28 / (window_days / 7.0::double precision) AS groups_attended_per_week_28,
          family_attended_28, family_attended,
          screens_expected, screens_collected, screens_negative,
          screens_negative::double precision / NULLIF(screens_expected, 0) AS negative_screen_rate,
          screens_expected_28, screens_negative_28,
          screens_negative_28::double precision / NULLIF(screens_expected_28, 0) AS negative_screen_rate_28,
          screens_expected_final_28, screens_negative_final_28,
          -- METRICS.md abstinent in final 4 weeks: every expected screen of the last 28 days negative, and at
          -- least one expected (false, not unknown, when none was expected).
          screens_expected_final_28 > 0 AND screens_negative_final_28 = screens_expected_final_28
            AS abstinent_final_4_weeks,
          goals_due, goals_met,
          session_adherence::double precision AS session_adherence,
          screen_adherence::double precision AS screen_adherence,
          goal_attainment::double precision AS goal_attainment,
          score.compliance_score::double precision AS compliance_score,
          -- METRICS.md compliant: compliance score >= 0.80 (null when no component is defined).
          score.compliance_score >= 0.80 AS compliant,
          alliance::double precision AS alliance,
          readiness_first::double precision AS readiness_first,
          readiness_last::double precision AS readiness_last,
          readiness_count,
          mat, mat_medications, mat_first_dispensed_on,
          mutual_help_reports, mutual_help_meetings,
          mutual_help_meetings::double precision / NULLIF(mutual_help_reports, 0) AS mutual_help_meetings_per_week,
          charges_cents
        FROM adherence
        -- METRICS.md compliance score: the mean of the components that are defined for the episode.
        CROSS JOIN LATERAL (
          SELECT avg(component) AS compliance_score
          FROM unnest(ARRAY[session_adherence, screen_adherence, goal_attainment]) AS component
        ) score
`;

export const EPISODE_APPOINTMENT_COUNTS_OF = `
        WITH
        appointment AS (
          SELECT a.episode_id, a.session_type, a.status, a.duration_min, local.start AS local_start
          FROM appointments a
          JOIN episodes e ON e.id = a.episode_id
          JOIN programs p ON p.id = e.program_id
          LEFT JOIN dataset_meta m ON m.org_id = e.org_id
          CROSS JOIN LATERAL (SELECT a.scheduled_start AT TIME ZONE p.timezone AS start) local
          WHERE local.start::date <= COALESCE(e.discharge_date, m.as_of) AND (only_episodes IS NULL OR a.episode_id = ANY(only_episodes))
        )
        SELECT episode_id,
          -- METRICS.md slots, in the program's time zone: weekend (Saturday or Sunday) first, then morning
          -- before 12:00, afternoon 12:00-16:59, evening from 17:00.
          CASE
            WHEN extract(dow FROM local_start) IN (0, 6) THEN 'weekend'
            WHEN extract(hour FROM local_start) < 12 THEN 'morning'
            WHEN extract(hour FROM local_start) < 17 THEN 'afternoon'
            ELSE 'evening'
          END AS slot,
          session_type, status,
          count(*)::integer AS appointments,
          COALESCE(sum(duration_min), 0)::integer AS minutes
        FROM appointment
        GROUP BY 1, 2, 3, 4
`;

export const EPISODE_WEEKDAY_ATTENDANCE_OF = `
        WITH appointment AS (
          SELECT a.episode_id, a.status, local.start AS local_start
          FROM appointments a
          JOIN episodes e ON e.id = a.episode_id
          JOIN programs p ON p.id = e.program_id
          LEFT JOIN dataset_meta m ON m.org_id = e.org_id
          CROSS JOIN LATERAL (SELECT a.scheduled_start AT TIME ZONE p.timezone AS start) local
          WHERE a.status IN ('attended', 'no_show', 'cancelled_patient')
            AND local.start::date <= COALESCE(e.discharge_date, m.as_of)
            AND (only_episodes IS NULL OR a.episode_id = ANY(only_episodes))
        )
        SELECT episode_id,
          extract(isodow FROM local_start)::integer AS iso_weekday,
          CASE
            WHEN extract(hour FROM local_start) < 12 THEN 'morning'
            WHEN extract(hour FROM local_start) < 17 THEN 'afternoon'
            ELSE 'evening'
          END AS day_part,
          count(*) FILTER (WHERE status = 'attended')::integer AS attended,
          count(*)::integer AS counted
        FROM appointment
        GROUP BY 1, 2, 3
`;
