import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestStatus } from '@creneau/contracts';
import { appointmentCalendar } from '../calendars/appointment-calendar';
import { address, examLabel } from '../calendars/calendar-items';
import { appointmentsById } from '../calendars/calendar-rows';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { messageContent } from './message-content';
import { recipientsFor } from './message-recipients';
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
    const previous = rows.find((row) => row.id === previousId) ?? null;
    const [request] = (await manager.query(`SELECT doctor_name, doctor_rpps, status FROM imaging_request WHERE id = $1`, [
      current.request_id,
    ])) as { doctor_name: string | null; doctor_rpps: string | null; status: RequestStatus }[];
    const recipients = await recipientsFor(manager, request.doctor_rpps, this.config.cptsEmail);
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
    await manager.query(
      `INSERT INTO outbox_message (kind, request_id, appointment_id, recipients, copy_to, recipient_note, subject, body_text, ics,
                                   status, last_error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        kind,
        current.request_id,
        appointmentId,
        recipients.to,
        recipients.cc,
        recipients.note,
        subject,
        text,
        appointmentCalendar(rows),
        deliverable ? 'pending' : 'failed',
        deliverable ? null : recipients.note,
      ],
    );
  }
}
