import { MigrationInterface, QueryRunner } from 'typeorm';

/** First key of the two-key advisory lock that orders live events (import locks use 0x1a0c). */
const LIVE_EVENT_LOCK = 0x11e7;

/**
 * Live events were numbered at their writer's commit, by a deferred trigger holding an advisory lock through
 * the commit's WAL flush: every transaction writing events committed after the previous one, one flush each,
 * never grouped (docs/benchmarks.md, "Booking"). Now writers only insert rows without an id, and a statement
 * trigger tells the server instances at commit. Each instance's feed then seals them, after the commit and
 * outside the writers' transactions: under the same lock, held through the sealer's own commit, it numbers
 * every committed row still without an id, in row_id order (server/src/live/live-seal.ts). Sealers run one
 * after the other, so ids still become visible in their order: once an id is visible, every smaller id is
 * visible or never will be. Ids now follow the order of sealing, which is commit order across seals.
 */
export class SealLiveEventsAfterCommit1764140000000 implements MigrationInterface {
  name = 'SealLiveEventsAfterCommit1764140000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER live_event_seal ON live_event`);
    await queryRunner.query(`DROP FUNCTION live_event_seal()`);
    // Delivered at commit, once per transaction whatever its number of statements; nothing when the statement
    // wrote no row (a refused booking's statement inserts its events only when the slot was taken).
    await queryRunner.query(`
      CREATE FUNCTION live_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT FROM inserted) THEN
          PERFORM pg_notify('live_event', '');
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER live_event_notify AFTER INSERT ON live_event
        REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION live_event_notify()`);
    // The rows left to seal, found without reading the table.
    await queryRunner.query(`CREATE INDEX live_event_unsealed_idx ON live_event (row_id) WHERE id IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Nothing left without an id: the former trigger numbers only the rows inserted after it.
    await queryRunner.query(`SELECT pg_advisory_xact_lock(${LIVE_EVENT_LOCK}, 0)`);
    await queryRunner.query(`
      UPDATE live_event e SET id = n.id, occurred_at = clock_timestamp()
        FROM (SELECT row_id, nextval('live_event_id_seq') AS id
                FROM (SELECT row_id FROM live_event WHERE id IS NULL ORDER BY row_id FOR UPDATE) p) n
       WHERE e.row_id = n.row_id`);
    await queryRunner.query(`DROP INDEX live_event_unsealed_idx`);
    await queryRunner.query(`DROP TRIGGER live_event_notify ON live_event`);
    await queryRunner.query(`DROP FUNCTION live_event_notify()`);
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
  }
}
