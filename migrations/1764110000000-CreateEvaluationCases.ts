import { MigrationInterface, QueryRunner } from 'typeorm';

const OUTCOME_CHECK = `IN ('not-booked', 'pending', 'done', 'no-show', 'cancelled')`;
const RESULT_CHECK = `IN ('confirmed', 'not-confirmed', 'other-finding')`;

/** The body of the first `request_evaluation_refresh` (a SQL function), kept for CacheEvaluationRefresh's down. */
export const REQUEST_EVALUATION_UPSERT = `
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
    LEFT JOIN request_event created ON created.request_id = r.id AND created.action = 'create'
    -- A request's bookings follow each other (one live at a time): the last one is where it stands.
    LEFT JOIN LATERAL (
      SELECT a.status, a.centre_id, a.booked_at, a.answered_at, a.imaging_result, s.starts_at
        FROM appointment a JOIN slot s ON s.id = a.slot_id
       WHERE a.request_id = r.id ORDER BY a.booked_at DESC, a.id DESC LIMIT 1) la ON true
    LEFT JOIN centre c ON c.id = la.centre_id
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
    refusal_reasons = EXCLUDED.refusal_reasons`;

/**
 * The evaluation's normalized case, one row per request: `request_evaluation` for Créneau's own requests (kept
 * by triggers, in the transaction of each change), `evaluation_record` for an imported evaluation, and the view
 * `evaluation_case` over both, which every indicator and the export read.
 */
export class CreateEvaluationCases1764110000000 implements MigrationInterface {
  name = 'CreateEvaluationCases1764110000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One request of a territory's past evaluation, as its spreadsheet gave it: pseudonymous, no patient data.
    await queryRunner.query(`
      CREATE TABLE evaluation_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        territory_id uuid NOT NULL REFERENCES territory (id),
        -- SHA-256 of the parsed line: the same line imported twice is one row.
        source_hash text NOT NULL,
        -- One per import: the file's doctor pseudonyms mean something within that file only.
        import_id uuid NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        imported_by uuid REFERENCES account (id),
        source_line integer NOT NULL,
        source_id text NOT NULL,
        received_at timestamptz NOT NULL,
        received_day date NOT NULL,
        modality text NOT NULL CHECK (modality IN ('radiography', 'ultrasound', 'ct', 'mri')),
        exam text,
        suspected_diagnosis text NOT NULL,
        complete boolean NOT NULL,
        outside_protocol boolean NOT NULL,
        channel text CHECK (channel IN ('phone', 'web', 'secure-mail')),
        doctor_pseudonym text,
        centre_id uuid REFERENCES centre (id),
        centre_name text,
        sector text CHECK (sector IN ('public', 'private')),
        accepted boolean,
        answered_at timestamptz,
        response_hours numeric(9, 2) CHECK (response_hours >= 0),
        appointment_at timestamptz,
        appointment_day date,
        -- From request to appointment, in hours: stored, as every indicator reads it.
        delay_hours double precision GENERATED ALWAYS AS (date_part('epoch', appointment_at - received_at) / 3600) STORED,
        outcome text NOT NULL CHECK (outcome ${OUTCOME_CHECK}),
        imaging_result text CHECK (imaging_result ${RESULT_CHECK}),
        refusals integer NOT NULL DEFAULT 0 CHECK (refusals >= 0),
        refusal_reasons text[] NOT NULL DEFAULT '{}',
        UNIQUE (territory_id, source_hash),
        CHECK (appointment_at >= received_at),
        CHECK ((appointment_at IS NULL) = (outcome = 'not-booked'))
      )`);
    await queryRunner.query(`CREATE INDEX evaluation_record_received_idx ON evaluation_record (territory_id, received_day)`);

    // Read at every call of the indicators: joining a year of requests to their bookings, slots and history each
    // time costs seconds; this row costs a few index lookups at each change.
    await queryRunner.query(`
      CREATE TABLE request_evaluation (
        request_id uuid PRIMARY KEY REFERENCES imaging_request (id) ON DELETE CASCADE,
        territory_id uuid NOT NULL,
        received_at timestamptz NOT NULL,
        -- Days of the territory's time zone, stored: counting months and calendar days needs no conversion then.
        received_day date NOT NULL,
        channel text,
        complete boolean NOT NULL,
        outside_protocol boolean NOT NULL,
        modality text,
        exam text,
        suspected_diagnosis text,
        doctor_rpps text,
        centre_id uuid,
        -- The centre's, kept here (and when it changes) so that reading the figures joins nothing.
        sector text,
        accepted boolean,
        answered_at timestamptz,
        response_hours numeric(9, 2),
        appointment_at timestamptz,
        appointment_day date,
        -- From request to appointment, in hours: stored, as every indicator reads it.
        delay_hours double precision GENERATED ALWAYS AS (date_part('epoch', appointment_at - received_at) / 3600) STORED,
        outcome text NOT NULL CHECK (outcome ${OUTCOME_CHECK}),
        imaging_result text,
        refusals integer NOT NULL,
        refusal_reasons text[] NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX request_evaluation_received_idx ON request_evaluation (territory_id, received_day)`);
    // The few requests refused at least once, for the reasons.
    await queryRunner.query(
      `CREATE INDEX request_evaluation_refused_idx ON request_evaluation (territory_id, received_day) WHERE refusals > 0`,
    );
    // The places of a period, all centres together.
    await queryRunner.query(`CREATE INDEX slot_starts_idx ON slot (starts_at)`);
    // For the refresh: a request's bookings newest first, its refusals, its creation.
    await queryRunner.query(`CREATE INDEX appointment_request_latest_idx ON appointment (request_id, booked_at DESC, id DESC)`);
    await queryRunner.query(
      `CREATE INDEX request_event_created_idx ON request_event (request_id) INCLUDE (to_status) WHERE action = 'create'`,
    );

    await queryRunner.query(`
      CREATE FUNCTION request_evaluation_refresh(request_ids uuid[]) RETURNS void LANGUAGE sql AS $$
${REQUEST_EVALUATION_UPSERT}
      $$`);
    // Statement-level, with the changed rows: a set-based write refreshes its requests in one statement.
    for (const [table, requestIds] of [
      ['request', 'SELECT id FROM changed'],
      ['appointment', 'SELECT DISTINCT request_id FROM changed'],
      ['event', `SELECT request_id FROM changed WHERE action = 'create'`],
    ]) {
      await queryRunner.query(`
        CREATE FUNCTION request_evaluation_after_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM request_evaluation_refresh(ARRAY(${requestIds}));
          RETURN NULL;
        END $$`);
    }
    for (const [trigger, event, table, source] of [
      ['request_evaluation_request_inserted', 'INSERT', 'imaging_request', 'request'],
      ['request_evaluation_request_updated', 'UPDATE', 'imaging_request', 'request'],
      ['request_evaluation_appointment_inserted', 'INSERT', 'appointment', 'appointment'],
      ['request_evaluation_appointment_updated', 'UPDATE', 'appointment', 'appointment'],
      ['request_evaluation_event_inserted', 'INSERT', 'request_event', 'event'],
    ]) {
      await queryRunner.query(`
        CREATE TRIGGER ${trigger} AFTER ${event} ON ${table} REFERENCING NEW TABLE AS changed
          FOR EACH STATEMENT EXECUTE FUNCTION request_evaluation_after_${source}()`);
    }
    await queryRunner.query(`SELECT request_evaluation_refresh(ARRAY(SELECT id FROM imaging_request))`);
    // The stored days follow the territory's time zone, should it ever change.
    await queryRunner.query(`
      CREATE FUNCTION evaluation_days_after_timezone() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE evaluation_record SET received_day = (received_at AT TIME ZONE NEW.timezone)::date,
               appointment_day = (appointment_at AT TIME ZONE NEW.timezone)::date
         WHERE territory_id = NEW.id;
        PERFORM request_evaluation_refresh(ARRAY(SELECT id FROM imaging_request WHERE territory_id = NEW.id));
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER evaluation_days_timezone_changed AFTER UPDATE OF timezone ON territory
        FOR EACH ROW WHEN (OLD.timezone IS DISTINCT FROM NEW.timezone) EXECUTE FUNCTION evaluation_days_after_timezone()`);

    await queryRunner.query(`
      CREATE FUNCTION request_evaluation_after_centre() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE request_evaluation SET sector = NEW.sector WHERE centre_id = NEW.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER request_evaluation_centre_sector_changed AFTER UPDATE OF sector ON centre
        FOR EACH ROW WHEN (OLD.sector IS DISTINCT FROM NEW.sector) EXECUTE FUNCTION request_evaluation_after_centre()`);

    // No join: a known centre's name is the caller's to look up; an imported one unknown here keeps the file's.
    await queryRunner.query(`
      CREATE VIEW evaluation_case AS
        SELECT 'live'::text AS origin, f.request_id::text AS case_id, f.territory_id, f.received_at, f.received_day,
               f.channel, f.complete, f.outside_protocol, f.modality, f.exam, f.suspected_diagnosis,
               f.doctor_rpps AS doctor_key, f.centre_id, f.centre_id::text AS centre_key, NULL::text AS centre_name,
               f.sector, f.accepted, f.answered_at, f.response_hours, f.appointment_at, f.appointment_day, f.delay_hours,
               f.outcome, f.imaging_result, f.refusals, f.refusal_reasons
          FROM request_evaluation f
        UNION ALL
        SELECT 'imported', e.id::text, e.territory_id, e.received_at, e.received_day, e.channel, e.complete,
               e.outside_protocol, e.modality, e.exam, e.suspected_diagnosis, e.import_id || ':' || e.doctor_pseudonym,
               e.centre_id, coalesce(e.centre_id::text, 'nom:' || lower(btrim(e.centre_name))),
               CASE WHEN e.centre_id IS NULL THEN e.centre_name END, e.sector, e.accepted, e.answered_at,
               e.response_hours, e.appointment_at, e.appointment_day, e.delay_hours, e.outcome, e.imaging_result,
               e.refusals, e.refusal_reasons
          FROM evaluation_record e`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW evaluation_case`);
    await queryRunner.query(`DROP TRIGGER request_evaluation_centre_sector_changed ON centre`);
    await queryRunner.query(`DROP FUNCTION request_evaluation_after_centre()`);
    await queryRunner.query(`DROP TRIGGER evaluation_days_timezone_changed ON territory`);
    await queryRunner.query(`DROP FUNCTION evaluation_days_after_timezone()`);
    for (const [trigger, table] of [
      ['request_evaluation_request_inserted', 'imaging_request'],
      ['request_evaluation_request_updated', 'imaging_request'],
      ['request_evaluation_appointment_inserted', 'appointment'],
      ['request_evaluation_appointment_updated', 'appointment'],
      ['request_evaluation_event_inserted', 'request_event'],
    ]) {
      await queryRunner.query(`DROP TRIGGER ${trigger} ON ${table}`);
    }
    for (const source of ['request', 'appointment', 'event']) {
      await queryRunner.query(`DROP FUNCTION request_evaluation_after_${source}()`);
    }
    await queryRunner.query(`DROP FUNCTION request_evaluation_refresh(uuid[])`);
    await queryRunner.query(`DROP INDEX request_event_created_idx`);
    await queryRunner.query(`DROP INDEX slot_starts_idx`);
    await queryRunner.query(`DROP INDEX appointment_request_latest_idx`);
    await queryRunner.query(`DROP TABLE request_evaluation`);
    await queryRunner.query(`DROP TABLE evaluation_record`);
  }
}
