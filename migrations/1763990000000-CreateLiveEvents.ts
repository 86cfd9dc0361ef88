import { MigrationInterface, QueryRunner } from 'typeorm';

/** First key of the two-key advisory lock that orders live events by commit (import locks use 0x1a0c). */
const LIVE_EVENT_LOCK = 0x11e7;

export class CreateLiveEvents1763990000000 implements MigrationInterface {
  name = 'CreateLiveEvents1763990000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per change of a slot, appointment or request, written in the change's own transaction:
    // a rollback leaves none, a commit keeps it for every server instance to deliver.
    await queryRunner.query(`CREATE SEQUENCE live_event_id_seq AS bigint`);
    await queryRunner.query(`
      CREATE TABLE live_event (
        row_id bigserial PRIMARY KEY, -- the row's key while its transaction runs
        id bigint UNIQUE,             -- its place in commit order, given as the transaction commits
        occurred_at timestamptz,      -- the commit's time, given with the id
        type text NOT NULL,
        entity text NOT NULL CHECK (entity IN ('slot', 'appointment', 'request')),
        entity_id uuid NOT NULL,
        version integer NOT NULL,
        territory_id uuid NOT NULL REFERENCES territory (id),
        centre_ids uuid[] NOT NULL DEFAULT '{}', -- the centres whose staff may see it
        doctor_rpps text,                        -- the requesting doctor who may see it
        payload jsonb NOT NULL                   -- ids, states, times: never a patient's name
      )`);
    await queryRunner.query(`CREATE INDEX live_event_occurred_idx ON live_event (occurred_at)`);

    // Ids follow commit order: sealing takes a lock held until the commit ends, so once an id is
    // visible every smaller id is visible or will never be (rolled back). Readers then need no gap
    // handling. The lock is taken at commit only (a deferred trigger), after all of the transaction's
    // row locks, so it neither deadlocks nor holds up the work before the commit.
    // (Since 1764140000000-SealLiveEventsAfterCommit, the instances seal after the commit instead.)
    await queryRunner.query(`
      CREATE FUNCTION live_event_seal() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(${LIVE_EVENT_LOCK}, 0);
        UPDATE live_event SET id = nextval('live_event_id_seq'), occurred_at = clock_timestamp() WHERE row_id = NEW.row_id;
        PERFORM pg_notify('live_event', ''); -- delivered at commit, once per transaction
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER live_event_seal AFTER INSERT ON live_event
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION live_event_seal()`);

    // Payloads of @socket.io/postgres-adapter messages too large for a NOTIFY.
    await queryRunner.query(`
      CREATE TABLE live_adapter_attachment (
        id bigserial UNIQUE,
        created_at timestamptz DEFAULT now(),
        payload bytea
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE live_adapter_attachment`);
    await queryRunner.query(`DROP TABLE live_event`);
    await queryRunner.query(`DROP FUNCTION live_event_seal()`);
    await queryRunner.query(`DROP SEQUENCE live_event_id_seq`);
  }
}
