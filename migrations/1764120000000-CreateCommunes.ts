import { MigrationInterface, QueryRunner } from 'typeorm';

/** The territory's communes with their coordinates: a patient's commune gives the distance to each centre. */
export class CreateCommunes1764120000000 implements MigrationInterface {
  name = 'CreateCommunes1764120000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE commune (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        territory_id uuid NOT NULL REFERENCES territory (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        postal_code text NOT NULL CHECK (postal_code ~ '^[0-9]{5}$'),
        insee_code text CHECK (insee_code ~ '^([0-9]{5}|2[AB][0-9]{3})$'),
        latitude double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
        -- The name as forms spell it in any case, accents or hyphens (communeMatchKey in libs/domain).
        match_key text NOT NULL,
        UNIQUE (territory_id, postal_code, match_key)
      )`);
    await queryRunner.query(`CREATE INDEX commune_match_key_idx ON commune (territory_id, match_key text_pattern_ops)`);
    await queryRunner.query(`CREATE INDEX commune_postal_code_idx ON commune (territory_id, postal_code text_pattern_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE commune`);
  }
}
