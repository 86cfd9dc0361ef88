/**
 * The evaluation cases of the period, from the view `evaluation_case` (migration 1764110000000): one row per
 * request, Créneau's own (queued by the database at each change, refreshed before every reading by
 * evaluation-drain.ts and every minute by evaluation-refresh.job.ts) or imported.
 * Every indicator and the CSV export read these rows and nothing else, so that a figure is defined once and
 * an exported then re-imported series gives the same figures.
 *
 * Parameters: $1 territory, $2 first and $3 last day of the period (local days, both included), $4 centre id or null,
 * $5 modality or null.
 * Columns: origin ('live' | 'imported'), case_id, received_at, answered_at, appointment_at (to the second),
 * received_day and appointment_day (their local days), delay_hours (from request to appointment),
 * channel, complete (when received), outside_protocol, modality, exam, suspected_diagnosis, doctor_key,
 * centre_id, centre_key, centre_name, sector (of the last booking), accepted (that booking confirmed or done:
 * true, refused: false, unanswered: null), response_hours (booking to answer), outcome (not-booked, pending,
 * done, no-show, cancelled), imaging_result, refusals, refusal_reasons.
 */
export const EVALUATION_CASES_SQL = `
  cohort AS (
    SELECT * FROM evaluation_case
     WHERE territory_id = $1 AND received_day BETWEEN $2::date AND $3::date
       AND ($4::uuid IS NULL OR centre_id = $4) AND ($5::text IS NULL OR modality = $5)
  )`;
