import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { MessageKind, UnsentMessageView } from '@creneau/contracts';

const LIST_LIMIT = 500;

interface UnsentRow {
  id: string;
  kind: MessageKind;
  request_id: string;
  reference: string;
  appointment_id: string | null;
  doctor_name: string | null;
  doctor_phone: string | null;
  recipients: string[];
  copy_to: string[];
  recipient_note: string | null;
  subject: string;
  body_text: string;
  status: 'pending' | 'failed';
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date;
  created_at: Date;
}

/** The outbox as the console shows it: what has not left, oldest first. */
@Injectable()
export class MessagesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async unsent(): Promise<UnsentMessageView[]> {
    const rows = (await this.dataSource.query(
      `SELECT m.id, m.kind, m.request_id, r.reference, m.appointment_id, r.doctor_name, r.form -> 'doctor' ->> 'phone' AS doctor_phone,
              m.recipients, m.copy_to, m.recipient_note, m.subject,
              m.body_text, m.status, m.attempts, m.last_error, m.next_attempt_at, m.created_at
         FROM outbox_message m JOIN imaging_request r ON r.id = m.request_id
        WHERE m.status <> 'sent' ORDER BY m.created_at, m.id LIMIT $1`,
      [LIST_LIMIT],
    )) as UnsentRow[];
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      requestId: row.request_id,
      reference: row.reference,
      appointmentId: row.appointment_id,
      doctorName: row.doctor_name,
      doctorPhone: row.doctor_phone,
      recipients: row.recipients,
      copyTo: row.copy_to,
      recipientNote: row.recipient_note,
      subject: row.subject,
      body: row.body_text,
      status: row.status,
      attempts: row.attempts,
      lastError: row.last_error,
      nextAttemptAt: row.next_attempt_at.toISOString(),
      createdAt: row.created_at.toISOString(),
    }));
  }
}
