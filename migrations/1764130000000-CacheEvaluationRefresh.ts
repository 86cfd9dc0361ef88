import { MigrationInterface, QueryRunner } from 'typeorm';
import { REQUEST_EVALUATION_UPSERT } from './1764110000000-CreateEvaluationCases';

/**
 * The evaluation rows' refresh, run by triggers at every booking, answer and history line, was a SQL function:
 * PostgreSQL planned its upsert at each call, and that planning was most of a booking's database time
 * (docs/benchmarks.md, "Booking"). As PL/pgSQL with a generic plan, it is planned once per connection: every
 * lookup is by key, so that plan suits one request as well as all of them. A call with no request (a history
 * line that is not a creation) does nothing. Same rows as before: only the speed differs.
 */
export class CacheEvaluationRefresh1764130000000 implements MigrationInterface {
  name = 'CacheEvaluationRefresh1764130000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION request_evaluation_refresh(request_ids uuid[]) RETURNS void LANGUAGE plpgsql
        -- A plan for any list of requests: left to choose, PostgreSQL plans each call afresh for its own list.
        SET plan_cache_mode = force_generic_plan AS $$
      BEGIN
        IF cardinality(request_ids) > 0 THEN
            INSERT INTO request_evaluation AS f (request_id, territory_id, received_at, received_day, channel, complete,
                   outside_protocol, modality, exam, suspected_diagnosis, doctor_rpps, centre_id, sector, accepted,
                   answered_at, response_hours, appointment_at, appointment_day, outcome, imaging_result, refusals, refusal_reasons)
            SELECT r.id, r.territory_id, date_trunc('second', r.received_at), (r.received_at AT TIME ZONE t.timezone)::date,
                   r.channel,
                   -- Complete when received: its first status, not its current one (the GP may have been called back).
                   coalesce(created.to_status, r.status) <> 'incomplete', r.outside_protocol, r.modality,
                   nullif(btrim(r.form #>> '{exam,anatomicalRegion}') ||
                          CASE WHEN r.form #>> '{exam,contrast}' = 'true' THEN ' (avec injection)' ELSE '' END, ''),
                   r.suspected_diagnosis, r.doctor_rpps, la.centre_id, c.sector,
                   CASE WHEN la.status = 'refused' THEN false
                        WHEN la.answered_at IS NOT NULL OR la.status IN ('done', 'no-show') THEN true END,
                   date_trunc('second', la.answered_at),
                   round(extract(epoch FROM la.answered_at - la.booked_at) / 3600, 2),
                   -- Back in the queue (refused, or cancelled to be rebooked), the request has no appointment. A booked
                   -- slot never moves (an import flags a conflict instead): its start is read when the booking changes.
                   CASE WHEN r.status NOT IN ('incomplete', 'to-book') THEN date_trunc('second', la.starts_at) END,
                   CASE WHEN r.status NOT IN ('incomplete', 'to-book') THEN (la.starts_at AT TIME ZONE t.timezone)::date END,
                   CASE r.status WHEN 'booked' THEN 'pending' WHEN 'confirmed' THEN 'pending' WHEN 'done' THEN 'done'
                                 WHEN 'no-show' THEN 'no-show' WHEN 'cancelled' THEN 'cancelled' ELSE 'not-booked' END,
                   la.imaging_result,
                   (SELECT count(*) FROM appointment a WHERE a.request_id = r.id AND a.status = 'refused'),
                   ARRAY(SELECT a.reason FROM appointment a WHERE a.request_id = r.id AND a.status = 'refused'
                          ORDER BY a.answered_at, a.id)
              FROM imaging_request r
              JOIN territory t ON t.id = r.territory_id
              -- Every lookup by key, so that one plan serves any list of requests.
              LEFT JOIN LATERAL (
                SELECT e.to_status FROM request_event e WHERE e.request_id = r.id AND e.action = 'create' LIMIT 1) created ON true
              -- A request's bookings follow each other (one live at a time): the last one is where it stands.
              LEFT JOIN LATERAL (
                SELECT a.status, a.centre_id, a.booked_at, a.answered_at, a.imaging_result,
                       (SELECT s.starts_at FROM slot s WHERE s.id = a.slot_id) AS starts_at
                  FROM appointment a
                 WHERE a.request_id = r.id ORDER BY a.booked_at DESC, a.id DESC LIMIT 1) la ON true
              LEFT JOIN LATERAL (SELECT c.sector FROM centre c WHERE c.id = la.centre_id) c ON true
             WHERE r.id = ANY (request_ids)
            ON CONFLICT (request_id) DO UPDATE SET
              territory_id = EXCLUDED.territory_id, received_at = EXCLUDED.received_at, received_day = EXCLUDED.received_day,
              channel = EXCLUDED.channel,
              complete = EXCLUDED.complete, outside_protocol = EXCLUDED.outside_protocol, modality = EXCLUDED.modality,
              exam = EXCLUDED.exam, suspected_diagnosis = EXCLUDED.suspected_diagnosis, doctor_rpps = EXCLUDED.doctor_rpps,
              centre_id = EXCLUDED.centre_id, sector = EXCLUDED.sector, accepted = EXCLUDED.accepted, answered_at = EXCLUDED.answered_at,
              response_hours = EXCLUDED.response_hours, appointment_at = EXCLUDED.appointment_at,
              appointment_day = EXCLUDED.appointment_day,
              outcome = EXCLUDED.outcome, imaging_result = EXCLUDED.imaging_result, refusals = EXCLUDED.refusals,
              refusal_reasons = EXCLUDED.refusal_reasons;
        END IF;
      END $$`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION request_evaluation_after_event() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT FROM changed WHERE action = 'create') THEN
          PERFORM request_evaluation_refresh(ARRAY(SELECT request_id FROM changed WHERE action = 'create'));
        END IF;
        RETURN NULL;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION request_evaluation_after_event() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM request_evaluation_refresh(ARRAY(SELECT request_id FROM changed WHERE action = 'create'));
        RETURN NULL;
      END $$`);
    await queryRunner.query(`DROP FUNCTION request_evaluation_refresh(uuid[])`);
    await queryRunner.query(`
      CREATE FUNCTION request_evaluation_refresh(request_ids uuid[]) RETURNS void LANGUAGE sql AS $$
${REQUEST_EVALUATION_UPSERT}
      $$`);
  }
}
