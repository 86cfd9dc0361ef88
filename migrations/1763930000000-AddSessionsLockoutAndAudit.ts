import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSessionsLockoutAndAudit1763930000000 implements MigrationInterface {
  name = 'AddSessionsLockoutAndAudit1763930000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE account
        ADD COLUMN failed_login_count integer NOT NULL DEFAULT 0,
        ADD COLUMN locked_until timestamptz,
        ADD COLUMN password_changed_at timestamptz NOT NULL DEFAULT now()`);
    // A session is known by the SHA-256 of its cookie: a copy of this table opens no session.
    await queryRunner.query(`
      CREATE TABLE session (
        id text PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX session_account_idx ON session (account_id)`);
    await queryRunner.query(`
      CREATE TABLE audit_event (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        account_id uuid REFERENCES account (id) ON DELETE RESTRICT,
        action text NOT NULL,
        entity text NOT NULL,
        entity_id text,
        imaging_request_id uuid,
        reason text,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query(`CREATE INDEX audit_event_entity_idx ON audit_event (entity, entity_id, occurred_at)`);
    await queryRunner.query(`CREATE INDEX audit_event_account_idx ON audit_event (account_id, occurred_at)`);
    await queryRunner.query(
      `CREATE INDEX audit_event_imaging_request_idx ON audit_event (imaging_request_id, occurred_at) WHERE imaging_request_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX audit_event_time_idx ON audit_event (occurred_at)`);
    // Append-only for whoever connects: the application's role included.
    await queryRunner.query(`
      CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_event_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_event`);
    await queryRunner.query(`DROP FUNCTION audit_event_is_append_only()`);
    await queryRunner.query(`DROP TABLE session`);
    await queryRunner.query(`
      ALTER TABLE account DROP COLUMN failed_login_count, DROP COLUMN locked_until, DROP COLUMN password_changed_at`);
  }
}
