import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * For the pooled slot search (docs/benchmarks.md, "Pooled slot search"): what the planner needs to choose between
 * reading the window in start order and reading the few eligible centres' slots, and an index for the latter.
 */
export class TuneSlotSearch1764100000000 implements MigrationInterface {
  name = 'TuneSlotSearch1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The search keeps slots with places left (capacity - booked_count > 0). A comparison of two columns is estimated
    // at a third of the rows whatever the data; statistics on the expression give the real share (most of them).
    await queryRunner.query(`CREATE STATISTICS slot_places_left_stats ON (capacity - booked_count) FROM slot`);
    // A search few centres can take (MRI with a pacemaker, a stretcher, a rare indication) reads each of them in turn:
    // this reads one modality's bookable slots of the window, where (centre_id, starts_at) reads every modality and
    // state. Only slots with places left: full ones, past ones included, stay out of it (booking a slot's last place
    // is then not a HOT update, a fair price at the rate bookings come).
    await queryRunner.query(
      `CREATE INDEX slot_bookable_by_centre_idx ON slot (centre_id, modality, starts_at)
         WHERE status = 'open' AND capacity - booked_count > 0`,
    );
    await queryRunner.query(`ANALYZE slot`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX slot_bookable_by_centre_idx`);
    await queryRunner.query(`DROP STATISTICS slot_places_left_stats`);
  }
}
