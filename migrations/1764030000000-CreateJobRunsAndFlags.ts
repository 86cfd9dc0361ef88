import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateJobRunsAndFlags1764030000000 implements MigrationInterface {
  name = 'CreateJobRunsAndFlags1764030000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per tick of a job: the instance whose insert wins the (job, tick) key runs it, whatever
    // the number of instances. outcome and ended_at stay null while it runs.
    await queryRunner.query(`
      CREATE TABLE job_run (
        id bigserial PRIMARY KEY,
        job text NOT NULL,
        tick timestamptz NOT NULL,
        instance text NOT NULL,
        started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        ended_at timestamptz,
        outcome text CHECK (outcome IN ('ok', 'failed', 'skipped-busy')),
        counts jsonb NOT NULL DEFAULT '{}',
        error text,
        UNIQUE (job, tick),
        CHECK ((outcome IS NULL) = (ended_at IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX job_run_latest_idx ON job_run (job, started_at DESC)`);

    // The jobs' flags, set once by the system, for the queue and the centres to read.
    await queryRunner.query(
      `ALTER TABLE appointment ADD COLUMN chased_at timestamptz, ADD COLUMN lost_to_follow_up_at timestamptz`,
    );
    await queryRunner.query(`
      ALTER TABLE imaging_request ADD COLUMN near_target_at timestamptz, ADD COLUMN over_deadline_at timestamptz,
        ADD COLUMN pseudonymised_at timestamptz`);

    await queryRunner.query(`CREATE INDEX slot_release_due_idx ON slot (release_at) WHERE status = 'open' AND booked_count = 0`);
    await queryRunner.query(
      `CREATE INDEX imaging_request_retention_idx ON imaging_request (closed_at) WHERE pseudonymised_at IS NULL AND closed_at IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX imaging_request_retention_idx`);
    await queryRunner.query(`DROP INDEX slot_release_due_idx`);
    await queryRunner.query(
      `ALTER TABLE imaging_request DROP COLUMN near_target_at, DROP COLUMN over_deadline_at, DROP COLUMN pseudonymised_at`,
    );
    await queryRunner.query(`ALTER TABLE appointment DROP COLUMN chased_at, DROP COLUMN lost_to_follow_up_at`);
    await queryRunner.query(`DROP TABLE job_run`);
  }
}
