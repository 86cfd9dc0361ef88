import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTerritoryCentreAccount1763920000000 implements MigrationInterface {
  name = 'CreateTerritoryCentreAccount1763920000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE territory (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        timezone text NOT NULL,
        target_delay_hours integer NOT NULL CHECK (target_delay_hours > 0),
        maximum_delay_hours integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (maximum_delay_hours >= target_delay_hours)
      )`);
    await queryRunner.query(`
      CREATE TABLE centre (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        territory_id uuid NOT NULL REFERENCES territory (id) ON DELETE RESTRICT,
        name text NOT NULL,
        sector text NOT NULL CHECK (sector IN ('public', 'private')),
        organisation text NOT NULL,
        street_address text NOT NULL,
        postcode text NOT NULL,
        city text NOT NULL,
        latitude double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
        phone text NOT NULL,
        secure_email text NOT NULL,
        modalities text[] NOT NULL
          CHECK (modalities <@ ARRAY['radiography', 'ultrasound', 'ct', 'mri']::text[]),
        wheelchair_accessible boolean NOT NULL,
        stretcher_accessible boolean NOT NULL,
        accepts_mr_conditional_pacemaker boolean NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (territory_id, name)
      )`);
    await queryRunner.query(`
      CREATE TABLE account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE CHECK (email = lower(email)),
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('secretariat', 'centre', 'coordinator', 'admin', 'doctor')),
        password_hash text NOT NULL,
        rpps text CHECK (rpps ~ '^[0-9]{11}$'),
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (role <> 'doctor' OR rpps IS NOT NULL)
      )`);
    await queryRunner.query(`
      CREATE TABLE account_centre (
        account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        centre_id uuid NOT NULL REFERENCES centre (id) ON DELETE CASCADE,
        PRIMARY KEY (account_id, centre_id)
      )`);
    await queryRunner.query(`CREATE INDEX account_centre_centre_idx ON account_centre (centre_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE account_centre`);
    await queryRunner.query(`DROP TABLE account`);
    await queryRunner.query(`DROP TABLE centre`);
    await queryRunner.query(`DROP TABLE territory`);
  }
}
