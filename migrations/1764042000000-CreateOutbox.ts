import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOutbox1764042000000 implements MigrationInterface {
  name = 'CreateOutbox1764042000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Written in the transaction of the change it tells about, sent afterwards: a rolled-back change sends nothing.
    await queryRunner.query(`
      CREATE TABLE outbox_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('booked', 'refused', 'cancelled', 'rescheduled')),
        request_id uuid NOT NULL REFERENCES imaging_request (id),
        appointment_id uuid REFERENCES appointment (id),
        recipients text[] NOT NULL,
        copy_to text[] NOT NULL DEFAULT '{}',
        recipient_note text,
        subject text NOT NULL,
        body_text text NOT NULL,
        ics text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX outbox_message_due_idx ON outbox_message (next_attempt_at) WHERE status = 'pending'`);
    await queryRunner.query(`CREATE INDEX outbox_message_unsent_idx ON outbox_message (created_at) WHERE status <> 'sent'`);
    await queryRunner.query(`CREATE INDEX outbox_message_request_idx ON outbox_message (request_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE outbox_message`);
  }
}
