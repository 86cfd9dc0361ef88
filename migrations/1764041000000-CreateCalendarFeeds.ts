import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCalendarFeeds1764041000000 implements MigrationInterface {
  name = 'CreateCalendarFeeds1764041000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Off by default: a feed names the exam, the centre and the request, and the patient only if the centre chose so.
    await queryRunner.query(`ALTER TABLE centre ADD COLUMN calendar_patient_names boolean NOT NULL DEFAULT false`);
    // The token itself is never stored: only its SHA-256, which is what a presented token is looked up by.
    await queryRunner.query(`
      CREATE TABLE calendar_feed (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scope text NOT NULL CHECK (scope IN ('centre', 'account', 'secretariat')),
        territory_id uuid NOT NULL REFERENCES territory (id),
        centre_id uuid REFERENCES centre (id) ON DELETE CASCADE,
        account_id uuid REFERENCES account (id) ON DELETE CASCADE,
        label text NOT NULL CHECK (length(label) BETWEEN 1 AND 120),
        token_hash bytea NOT NULL UNIQUE,
        token_created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES account (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_by uuid REFERENCES account (id),
        CHECK ((scope = 'centre') = (centre_id IS NOT NULL)),
        CHECK ((scope = 'account') = (account_id IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX calendar_feed_centre_idx ON calendar_feed (centre_id)`);
    await queryRunner.query(`CREATE INDEX calendar_feed_account_idx ON calendar_feed (account_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE calendar_feed`);
    await queryRunner.query(`ALTER TABLE centre DROP COLUMN calendar_patient_names`);
  }
}
