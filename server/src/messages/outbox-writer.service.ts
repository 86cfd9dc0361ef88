import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestStatus } from '@creneau/contracts';
import { appointmentCalendar } from '../calendars/appointment-calendar';
import { address, examLabel } from '../calendars/calendar-items';
import { appointmentsById, type DetachedAppointmentRow } from '../calendars/calendar-rows';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { messageContent } from './message-content';
import { chooseRecipients, doctorEmailOf } from './message-recipients';
import type { MessageKind } from '@creneau/contracts';

/** Writes the requesting doctor's message about a transition into the outbox, for the sender to deliver. */
@Injectable()
export class OutboxWriter {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * Called inside the transition's transaction, after the change: the message is as the change left
   * things, and it exists only if the change commits. A moved appointment gives its former one too.
   */
  async enqueue(manager: EntityManager, kind: MessageKind, appointmentId: string, previousId?: string): Promise<void> {
    const rows = await appointmentsById(manager, previousId ? [appointmentId, previousId] : [appointmentId]);
    const current = rows.find((row) => row.id === appointmentId);
    if (!current) throw new Error(`appointment ${appointmentId} not found for its message`);
    const [request] = (await manager.query(
      `SELECT doctor_name, doctor_rpps, status, ${doctorEmailOf('doctor_rpps')} AS doctor_email
         FROM imaging_request WHERE id = $1`,
      [current.request_id],
    )) as MessageRequest[];
    const message = this.compose(kind, rows, appointmentId, request);
    await manager.query(
      `INSERT INTO outbox_message (${OUTBOX_COLUMNS.join(', ')}) VALUES (${OUTBOX_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`,
      outboxValues(message),
    );
  }

  /**
   * The message about `appointmentId` (one of `rows`, the others being the one it replaced), as an outbox row:
   * for a transition that reads its rows itself and writes the message in its own statement.
   */
  compose(kind: MessageKind, rows: readonly DetachedAppointmentRow[], appointmentId: string, request: MessageRequest): OutboxRow {
    const recipients = chooseRecipients(request.doctor_email, request.doctor_rpps, this.config.cptsEmail);
    const current = rows.find((row) => row.id === appointmentId);
    if (!current) throw new Error(`appointment ${appointmentId} not among the message's rows`);
    const previous = rows.find((row) => row.id !== appointmentId) ?? null;
    const { subject, text } = messageContent({
      kind,
      doctorName: request.doctor_name,
      reference: current.reference,
      exam: examLabel(current),
      centreName: current.centre_name,
      address: address(current),
      phone: current.phone,
      start: current.starts_at,
      timeZone: current.timezone,
      requestStatus: request.status,
      previous: previous && { start: previous.starts_at, centreName: previous.centre_name },
    });
    const deliverable = recipients.to.length > 0;
    return {
      kind,
      request_id: current.request_id,
      appointment_id: appointmentId,
      recipients: recipients.to,
      copy_to: recipients.cc,
      recipient_note: recipients.note,
      subject,
      body_text: text,
      ics: appointmentCalendar(rows),
      status: deliverable ? 'pending' : 'failed',
      last_error: deliverable ? null : recipients.note,
    };
  }
}

/** What a message needs of its request. */
export interface MessageRequest {
  doctor_name: string | null;
  doctor_rpps: string | null;
  /** The address of an active doctor account with that RPPS (`doctorEmailOf`), if any. */
  doctor_email: string | null;
  status: RequestStatus;
}

/** A row of outbox_message as written, in OUTBOX_COLUMNS order. */
export interface OutboxRow {
  kind: MessageKind;
  request_id: string;
  appointment_id: string;
  recipients: string[];
  copy_to: string[];
  recipient_note: string | null;
  subject: string;
  body_text: string;
  ics: string;
  status: 'pending' | 'failed';
  last_error: string | null;
}

export const OUTBOX_COLUMNS = [
  'kind',
  'request_id',
  'appointment_id',
  'recipients',
  'copy_to',
  'recipient_note',
  'subject',
  'body_text',
  'ics',
  'status',
  'last_error',
] as const satisfies readonly (keyof OutboxRow)[];

export function outboxValues(row: OutboxRow): unknown[] {
  return OUTBOX_COLUMNS.map((column) => row[column]);
}
