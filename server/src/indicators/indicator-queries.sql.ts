import { EVALUATION_CASES_SQL } from './evaluation-cases.sql';

/*
 * The figures of the cohort, in statements that run side by side on one snapshot, each a single pass over the
 * cases: at a year of a large territory, per-row work is the cost, so each pass does as little per row as it can
 * (plain aggregates, which PostgreSQL can split between workers; one hashed pass for the open-ended breakdowns).
 * Parameters $1 to $5 are those of the cases.
 */

/** One line of counts and sums. $6 target and $7 maximum delay (hours), $8 follow-up days. */
export const TALLY_SQL = `
  WITH ${EVALUATION_CASES_SQL}
  SELECT count(*)::int AS received,
         count(*) FILTER (WHERE origin = 'imported')::int AS imported,
         count(*) FILTER (WHERE complete)::int AS complete,
         count(*) FILTER (WHERE outside_protocol)::int AS outside_protocol,
         count(*) FILTER (WHERE channel = 'phone')::int AS phone,
         count(*) FILTER (WHERE channel = 'web')::int AS web,
         count(*) FILTER (WHERE channel = 'secure-mail')::int AS secure_mail,
         count(appointment_at)::int AS booked,
         sum(delay_hours) AS delay_hours,
         count(*) FILTER (WHERE delay_hours <= $6)::int AS within_target,
         count(*) FILTER (WHERE delay_hours <= $7)::int AS within_maximum,
         ${[0, 1, 2, 3, 4, 5, 6].map((day) => `count(*) FILTER (WHERE day = ${day})::int AS day_${day},`).join('\n         ')}
         count(*) FILTER (WHERE day >= 7)::int AS day_7,
         count(response_hours)::int AS answered,
         sum(response_hours)::float8 AS response_hours,
         coalesce(sum(refusals), 0)::int AS refusals,
         count(*) FILTER (WHERE refusals > 0)::int AS refused,
         count(*) FILTER (WHERE outcome = 'done')::int AS done,
         count(*) FILTER (WHERE outcome = 'no-show')::int AS no_show,
         count(*) FILTER (WHERE outcome = 'cancelled')::int AS cancelled,
         count(*) FILTER (WHERE outcome = 'not-booked')::int AS not_booked,
         count(*) FILTER (WHERE outcome = 'pending' AND NOT lost)::int AS pending,
         count(*) FILTER (WHERE lost AND accepted IS NULL)::int AS lost_never_answered,
         count(*) FILTER (WHERE lost AND accepted)::int AS lost_outcome_unknown,
         count(appointment_at) FILTER (WHERE sector = 'public')::int AS public,
         count(appointment_at) FILTER (WHERE sector = 'private')::int AS private
    FROM (SELECT origin, complete, outside_protocol, channel, appointment_at, response_hours, refusals, outcome,
                 accepted, sector, delay_hours,
                 appointment_day - received_day AS day,
                 outcome = 'pending' AND appointment_at + make_interval(days => $8) <= now() AS lost
            FROM cohort) c`;

/** The medians: a sort each. */
export const MEDIANS_SQL = `
  WITH ${EVALUATION_CASES_SQL}
  SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY delay_hours) AS delay_hours,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY response_hours::float8) AS response_hours
    FROM cohort`;

export const DOCTORS_SQL = `
  WITH ${EVALUATION_CASES_SQL}
  SELECT count(*)::int AS doctors FROM (SELECT doctor_key FROM cohort WHERE doctor_key IS NOT NULL GROUP BY doctor_key) d`;

/**
 * The open-ended breakdowns in one hashed pass. A label is part of its group's key (a centre's name and sector,
 * an exam's spelling): cheaper than an aggregate of text, and the service merges the spellings of one key, and
 * the days of one month. The modalities are the sums of their exams, the suspected diagnoses those of their imaging
 * results: the service adds them up rather than hashing every case twice more. $6 target delay (hours).
 */
export const BREAKDOWNS_SQL = `
  WITH ${EVALUATION_CASES_SQL}
  SELECT CASE WHEN grouping(received_day) = 0 THEN 'day' WHEN grouping(exam) = 0 THEN 'exam'
              WHEN grouping(imaging_result) = 0 THEN 'relevance' ELSE 'centre' END AS dimension,
         received_day, modality, exam, suspected_diagnosis, imaging_result, centre_key, centre_id, centre_name, sector,
         count(*)::int AS received, count(appointment_at)::int AS booked,
         count(*) FILTER (WHERE outcome = 'done')::int AS done, sum(delay_hours) AS delay_hours,
         count(*) FILTER (WHERE delay_hours <= $6)::int AS within_target
    FROM (SELECT received_day, modality, exam, suspected_diagnosis, imaging_result, centre_key, centre_id, centre_name,
                 sector, appointment_at, outcome, delay_hours
            FROM cohort) c
   GROUP BY GROUPING SETS ((received_day), (modality, exam), (suspected_diagnosis, imaging_result),
                           (centre_key, centre_id, centre_name, sector))`;

/** Refusals by reason: spellings of one reason together, named by the first in byte order whatever the collation. */
export const REFUSAL_REASONS_SQL = `
  WITH ${EVALUATION_CASES_SQL}
  SELECT min(btrim(reason) COLLATE "C") AS reason, count(*)::int AS count
    FROM cohort, unnest(refusal_reasons) AS reason
   WHERE refusals > 0
   GROUP BY lower(btrim(reason))
   ORDER BY count DESC, reason`;
