import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `write_conflict(what)`: raises a serialization failure (40001) from inside a statement. A booking checks its slot
 * and request without locks, then writes in one statement guarded by their versions; when one guard holds and the
 * other does not, the statement must write nothing, and only an error can undo what its other parts did.
 */
export class CreateWriteConflict1764150000000 implements MigrationInterface {
  name = 'CreateWriteConflict1764150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION write_conflict(what text) RETURNS integer LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        RAISE EXCEPTION '% changed meanwhile', what USING ERRCODE = 'serialization_failure';
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION write_conflict(text)`);
  }
}
