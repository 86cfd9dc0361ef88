import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRequestsAndBooking1763960000000 implements MigrationInterface {
  name = 'CreateRequestsAndBooking1763960000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE imaging_request_number`);
    // The form is kept whole (jsonb) as the GP gave it; what queues, scoping and indicators need is in columns.
    await queryRunner.query(`
      CREATE TABLE imaging_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE,
        territory_id uuid NOT NULL REFERENCES territory (id),
        status text NOT NULL CHECK (status IN ('incomplete', 'to-book', 'booked', 'confirmed', 'done', 'no-show', 'cancelled')),
        readiness text NOT NULL,
        form jsonb NOT NULL,
        missing_fields text[] NOT NULL DEFAULT '{}',
        confirmations text[] NOT NULL DEFAULT '{}',
        outside_protocol boolean NOT NULL DEFAULT false,
        override_by uuid REFERENCES account (id),
        override_reason text,
        modality text,
        suspected_diagnosis text,
        doctor_rpps text,
        doctor_name text,
        patient_name text,
        channel text,
        received_at timestamptz NOT NULL DEFAULT now(),
        target_at timestamptz NOT NULL,
        maximum_at timestamptz NOT NULL,
        refusal_count integer NOT NULL DEFAULT 0,
        last_refusal_reason text,
        created_by uuid REFERENCES account (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        version integer NOT NULL DEFAULT 1
      )`);
    await queryRunner.query(`CREATE INDEX imaging_request_queue_idx ON imaging_request (status, maximum_at)`);
    await queryRunner.query(`CREATE INDEX imaging_request_doctor_idx ON imaging_request (doctor_rpps, received_at)`);
    await queryRunner.query(`CREATE INDEX imaging_request_received_idx ON imaging_request (received_at)`);

    await queryRunner.query(`
      CREATE TABLE appointment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES imaging_request (id),
        slot_id uuid NOT NULL REFERENCES slot (id),
        centre_id uuid NOT NULL REFERENCES centre (id),
        status text NOT NULL CHECK (status IN ('booked', 'confirmed', 'refused', 'cancelled', 'done', 'no-show')),
        booked_by uuid REFERENCES account (id),
        booked_at timestamptz NOT NULL DEFAULT now(),
        answered_at timestamptz,
        closed_at timestamptz,
        reason text,
        imaging_result text CHECK (imaging_result IN ('confirmed', 'not-confirmed', 'other-finding')),
        result_note text,
        version integer NOT NULL DEFAULT 1
      )`);
    // One live appointment per request; the slot's capacity is guarded by slot.booked_count's check.
    await queryRunner.query(
      `CREATE UNIQUE INDEX appointment_one_active_per_request ON appointment (request_id) WHERE status IN ('booked', 'confirmed')`,
    );
    await queryRunner.query(`CREATE INDEX appointment_slot_idx ON appointment (slot_id)`);
    await queryRunner.query(`CREATE INDEX appointment_centre_idx ON appointment (centre_id, booked_at)`);

    // A short hold while on the phone; a hold past expires_at is simply not a hold.
    await queryRunner.query(`
      CREATE TABLE slot_hold (
        slot_id uuid NOT NULL REFERENCES slot (id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        request_id uuid REFERENCES imaging_request (id),
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (slot_id, account_id)
      )`);
    await queryRunner.query(`CREATE INDEX slot_hold_live_idx ON slot_hold (slot_id, expires_at)`);

    await queryRunner.query(`
      CREATE TABLE idempotency_key (
        account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        key text NOT NULL,
        operation text NOT NULL,
        request_hash text NOT NULL,
        response_status integer NOT NULL,
        response_body json NOT NULL, -- json, not jsonb: a replay returns the very text of the first answer
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, key)
      )`);

    await queryRunner.query(`
      CREATE TABLE request_event (
        id bigserial PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES imaging_request (id),
        appointment_id uuid REFERENCES appointment (id),
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        account_id uuid REFERENCES account (id),
        action text NOT NULL,
        from_status text,
        to_status text,
        reason text,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query(`CREATE INDEX request_event_request_idx ON request_event (request_id, id)`);

    await queryRunner.query(`
      CREATE TABLE request_comment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES imaging_request (id),
        account_id uuid NOT NULL REFERENCES account (id),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX request_comment_request_idx ON request_comment (request_id, created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['request_comment', 'request_event', 'idempotency_key', 'slot_hold', 'appointment', 'imaging_request']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`DROP SEQUENCE imaging_request_number`);
  }
}
