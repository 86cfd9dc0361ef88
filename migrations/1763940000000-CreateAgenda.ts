import { MigrationInterface, QueryRunner } from 'typeorm';

const MODALITY_CHECK = `IN ('radiography', 'ultrasound', 'ct', 'mri')`;

export class CreateAgenda1763940000000 implements MigrationInterface {
  name = 'CreateAgenda1763940000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Indication codes the centre accepts (each code belongs to one modality); empty: every retained one.
    await queryRunner.query(`ALTER TABLE centre ADD COLUMN accepted_indications text[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`
      CREATE TABLE centre_closure (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        centre_id uuid NOT NULL REFERENCES centre (id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        reason text NOT NULL CHECK (length(reason) > 0),
        created_by uuid REFERENCES account (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      )`);
    await queryRunner.query(`CREATE INDEX centre_closure_centre_idx ON centre_closure (centre_id, ends_at)`);

    await queryRunner.query(`
      CREATE TABLE slot_rule (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        centre_id uuid NOT NULL REFERENCES centre (id) ON DELETE CASCADE,
        modality text NOT NULL CHECK (modality ${MODALITY_CHECK}),
        rrule text NOT NULL,
        start_local text NOT NULL CHECK (start_local ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 720),
        capacity integer NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 1 AND 100),
        valid_from date NOT NULL,
        valid_until date CHECK (valid_until >= valid_from),
        exceptions date[] NOT NULL DEFAULT '{}',
        indications text[],
        release_cutoff_minutes integer NOT NULL DEFAULT 120 CHECK (release_cutoff_minutes BETWEEN 0 AND 10080),
        stopped_at timestamptz,
        created_by uuid REFERENCES account (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await queryRunner.query(`CREATE INDEX slot_rule_centre_idx ON slot_rule (centre_id)`);

    await queryRunner.query(`
      CREATE TABLE import_source (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        centre_id uuid NOT NULL REFERENCES centre (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('ical', 'fhir')),
        url text NOT NULL,
        marker text,
        modality text CHECK (modality ${MODALITY_CHECK}),
        poll_interval_minutes integer NOT NULL DEFAULT 15 CHECK (poll_interval_minutes BETWEEN 1 AND 1440),
        active boolean NOT NULL DEFAULT true,
        last_attempt_at timestamptz,
        last_success_at timestamptz,
        last_error text,
        consecutive_failures integer NOT NULL DEFAULT 0,
        next_poll_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES account (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (centre_id, url)
      )`);

    // free / held / booked are derived (booked_count, holds); only what a person decided is stored.
    await queryRunner.query(`
      CREATE TABLE slot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        centre_id uuid NOT NULL REFERENCES centre (id) ON DELETE RESTRICT,
        modality text NOT NULL CHECK (modality ${MODALITY_CHECK}),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        capacity integer NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 1 AND 500),
        booked_count integer NOT NULL DEFAULT 0,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'released', 'withdrawn')),
        status_reason text,
        indications text[],
        release_at timestamptz NOT NULL,
        origin text NOT NULL CHECK (origin IN ('manual', 'rule', 'ical', 'fhir')),
        rule_id uuid REFERENCES slot_rule (id) ON DELETE SET NULL,
        source_id uuid REFERENCES import_source (id) ON DELETE SET NULL,
        external_id text,
        external_details jsonb NOT NULL DEFAULT '{}',
        import_conflict text,
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES account (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at),
        CHECK (release_at <= starts_at),
        -- The database's own guarantee against overbooking, whatever the number of server instances.
        CHECK (booked_count BETWEEN 0 AND capacity),
        CHECK ((origin IN ('ical', 'fhir')) = (source_id IS NOT NULL OR external_id IS NOT NULL)),
        UNIQUE (source_id, external_id),
        UNIQUE (rule_id, starts_at)
      )`);
    await queryRunner.query(`CREATE INDEX slot_open_by_modality_idx ON slot (modality, starts_at) WHERE status = 'open'`);
    await queryRunner.query(`CREATE INDEX slot_centre_time_idx ON slot (centre_id, starts_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE slot`);
    await queryRunner.query(`DROP TABLE import_source`);
    await queryRunner.query(`DROP TABLE slot_rule`);
    await queryRunner.query(`DROP TABLE centre_closure`);
    await queryRunner.query(`ALTER TABLE centre DROP COLUMN accepted_indications`);
  }
}
