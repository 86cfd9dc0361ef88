import { MigrationInterface, QueryRunner } from 'typeorm';

/** The two-key advisory lock of the evaluation rows' refresh (jobs use 0x10b5, imports 0x1a0c, live events 0x11e7). */
export const EVALUATION_REFRESH_LOCK = 0xe7a1;

/**
 * The evaluation rows were refreshed by the triggers inside every writer's statement: a booking refreshed its
 * request's row twice (the request's update and the appointment's insert each fired one), 2.4 ms of the database's
 * 5.5 ms per booking (docs/benchmarks.md, "Booking"). The triggers now append the changed requests' ids to
 * `request_evaluation_stale`, and `request_evaluation_drain` refreshes each of them once, in batches: run by a job
 * every few seconds and by the indicators and the export before they read (server/src/indicators/evaluation-drain.ts).
 *
 * Why nothing is lost (READ COMMITTED):
 * - every committed change to a request's row inputs (the request, its appointments, its 'create' history line)
 *   appended its id in the same transaction;
 * - the drain takes its lock, then deletes in a statement of its own: that statement's snapshot is later than the
 *   commit of every earlier drain, and it deletes exactly the ids it sees, ids of committed changes. The refresh that
 *   follows takes a snapshot later still, so it sees at least those changes;
 * - an id appended by a transaction not yet committed at the delete is not deleted: the next drain refreshes it;
 * - drains run one at a time, and the drain is the only writer of those rows (the centre's sector and the territory's
 *   time zone, written in place, take the same lock first): no drain overwrites a later one's rows with older ones.
 * So once the writers have committed, a drain leaves every row as a full refresh would.
 *
 * The table is logged: an unlogged one is emptied by a crash, and its pending ids with it, leaving rows out of step
 * for good. No key nor index: writers only append (never waiting on each other nor on the drain), and the drain
 * reads it whole.
 */
export class QueueEvaluationRefresh1764160000000 implements MigrationInterface {
  name = 'QueueEvaluationRefresh1764160000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE request_evaluation_stale (request_id uuid NOT NULL)`);
    for (const [table, requestIds] of [
      ['request', 'SELECT id FROM changed'],
      ['appointment', 'SELECT request_id FROM changed'],
      ['event', `SELECT request_id FROM changed WHERE action = 'create'`],
    ]) {
      await queryRunner.query(`
        CREATE OR REPLACE FUNCTION request_evaluation_after_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO request_evaluation_stale (request_id) ${requestIds};
          RETURN NULL;
        END $$`);
    }
    // Returns how many requests it refreshed, or null when `wait` is false and another drain holds the lock.
    await queryRunner.query(`
      CREATE FUNCTION request_evaluation_drain(wait boolean) RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE
        request_ids uuid[];
      BEGIN
        -- In a longer snapshot, the delete would not see what earlier drains committed (see the migration).
        IF current_setting('transaction_isolation') <> 'read committed' THEN
          RAISE EXCEPTION 'request_evaluation_drain runs in READ COMMITTED, not %', current_setting('transaction_isolation');
        END IF;
        IF wait THEN
          PERFORM pg_advisory_xact_lock(${EVALUATION_REFRESH_LOCK}, 0);
        ELSIF NOT pg_try_advisory_xact_lock(${EVALUATION_REFRESH_LOCK}, 0) THEN
          RETURN NULL;
        END IF;
        WITH gone AS (DELETE FROM request_evaluation_stale RETURNING request_id)
        SELECT coalesce(array_agg(DISTINCT request_id), '{}') INTO request_ids FROM gone;
        PERFORM request_evaluation_refresh(request_ids);
        RETURN cardinality(request_ids);
      END $$`);
    await this.inPlaceUpdates(queryRunner, `PERFORM pg_advisory_xact_lock(${EVALUATION_REFRESH_LOCK}, 0);`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.inPlaceUpdates(queryRunner, '');
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION request_evaluation_after_event() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT FROM changed WHERE action = 'create') THEN
          PERFORM request_evaluation_refresh(ARRAY(SELECT request_id FROM changed WHERE action = 'create'));
        END IF;
        RETURN NULL;
      END $$`);
    for (const [table, requestIds] of [
      ['request', 'SELECT id FROM changed'],
      ['appointment', 'SELECT DISTINCT request_id FROM changed'],
    ]) {
      await queryRunner.query(`
        CREATE OR REPLACE FUNCTION request_evaluation_after_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM request_evaluation_refresh(ARRAY(${requestIds}));
          RETURN NULL;
        END $$`);
    }
    await queryRunner.query(`SELECT request_evaluation_drain(true)`);
    await queryRunner.query(`DROP FUNCTION request_evaluation_drain(boolean)`);
    await queryRunner.query(`DROP TABLE request_evaluation_stale`);
  }

  /**
   * The centre's sector and the territory's time zone still update the rows in place (rare, and many rows at once),
   * under the drain's lock when `lock` says so: a drain under way could otherwise write back rows computed before.
   */
  private async inPlaceUpdates(queryRunner: QueryRunner, lock: string): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION request_evaluation_after_centre() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${lock}
        UPDATE request_evaluation SET sector = NEW.sector WHERE centre_id = NEW.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION evaluation_days_after_timezone() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${lock}
        UPDATE evaluation_record SET received_day = (received_at AT TIME ZONE NEW.timezone)::date,
               appointment_day = (appointment_at AT TIME ZONE NEW.timezone)::date
         WHERE territory_id = NEW.id;
        PERFORM request_evaluation_refresh(ARRAY(SELECT id FROM imaging_request WHERE territory_id = NEW.id));
        RETURN NULL;
      END $$`);
  }
}
