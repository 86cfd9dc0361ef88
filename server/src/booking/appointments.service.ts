import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AppointmentStatus, AppointmentView, ImagingResult, RequestStatus } from '@creneau/contracts';
import type { Actor } from '../access/actor';
import { assertMayActForCentre, visibleCentreIds } from '../access/centre-scope';
import { AuditService } from '../audit/audit.service';
import { recordLiveEvent } from '../live/live-events';
import { OutboxWriter } from '../messages/outbox-writer.service';
import type { MessageKind } from '@creneau/contracts';
import {
  APPOINTMENT_VIEW_SELECT,
  appointmentView,
  type AppointmentViewRow,
  toAppointmentView,
} from '../requests/appointment-views';
import { ImagingRequestEntity } from '../requests/imaging-request.entity';
import { recordRequestEvent } from '../requests/request-history';
import { RequestsService } from '../requests/requests.service';
import { Appointment } from './appointment.entity';
import { giveBackPlace } from './booking.service';
import { AppointmentListQueryDto } from './dto/booking.dto';

const LIVE: readonly AppointmentStatus[] = ['booked', 'confirmed'];

interface Transition {
  from: readonly AppointmentStatus[];
  to: AppointmentStatus;
  requestTo: RequestStatus;
  action: string;
  reason?: string | null;
  changes?: Partial<Appointment>;
  /** What happens to the slot's place. */
  place?: 'free' | 'withdraw';
  /** Only the centre (or the coordination) answers for the centre. */
  centreOnly: boolean;
  /** The requesting doctor is told, with the appointment's .ics. */
  message?: MessageKind;
}

/** The centre's answers and the life of an appointment; every step is in the request's history. */
@Injectable()
export class AppointmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: RequestsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxWriter,
  ) {}

  async list(actor: Actor, query: AppointmentListQueryDto): Promise<AppointmentView[]> {
    const visible = visibleCentreIds(actor);
    if (query.centreId && visible && !visible.includes(query.centreId)) assertMayActForCentre(actor, query.centreId);
    const centres = query.centreId ? [query.centreId] : visible;
    const rows = (await this.dataSource.query(
      `${APPOINTMENT_VIEW_SELECT}
        WHERE ($1::uuid[] IS NULL OR a.centre_id = ANY ($1)) AND ($2::text IS NULL OR a.status = $2)
        ORDER BY s.starts_at, a.id LIMIT 500`,
      [centres, query.status ?? null],
    )) as AppointmentViewRow[];
    return rows.map(toAppointmentView);
  }

  async get(actor: Actor, id: string): Promise<AppointmentView> {
    const appointment = await this.dataSource.manager.findOneBy(Appointment, { id });
    if (!appointment) throw new NotFoundException('Rendez-vous introuvable.');
    await this.requests.findVisible(this.dataSource.manager, actor, appointment.requestId);
    return appointmentView(this.dataSource.manager, id);
  }

  confirm(actor: Actor, id: string): Promise<AppointmentView> {
    return this.transition(actor, id, {
      from: ['booked'],
      to: 'confirmed',
      requestTo: 'confirmed',
      action: 'confirm',
      centreOnly: true,
      changes: { answeredAt: new Date() },
    });
  }

  /** The centre refuses (with a reason): the request goes back to the queue to be booked elsewhere. */
  refuse(actor: Actor, id: string, reason: string, slot: 'free' | 'withdraw'): Promise<AppointmentView> {
    return this.transition(actor, id, {
      from: LIVE,
      to: 'refused',
      requestTo: 'to-book',
      action: 'refuse',
      message: 'refused',
      reason,
      place: slot,
      centreOnly: true,
      changes: { answeredAt: new Date(), closedAt: new Date() },
    });
  }

  done(actor: Actor, id: string, result: ImagingResult, note: string | undefined): Promise<AppointmentView> {
    return this.transition(actor, id, {
      from: LIVE,
      to: 'done',
      requestTo: 'done',
      action: 'done',
      centreOnly: true,
      changes: { imagingResult: result, resultNote: note ?? null, closedAt: new Date() },
    });
  }

  noShow(actor: Actor, id: string): Promise<AppointmentView> {
    return this.transition(actor, id, {
      from: LIVE,
      to: 'no-show',
      requestTo: 'no-show',
      action: 'no-show',
      centreOnly: true,
      changes: { closedAt: new Date() },
    });
  }

  /** Cancels before the exam: a future place is given back; the request is rebooked or dropped. */
  cancel(actor: Actor, id: string, reason: string, closeRequest: boolean): Promise<AppointmentView> {
    return this.transition(actor, id, {
      from: LIVE,
      to: 'cancelled',
      requestTo: closeRequest ? 'cancelled' : 'to-book',
      action: 'cancel',
      message: 'cancelled',
      reason,
      place: 'free',
      centreOnly: false,
      changes: { closedAt: new Date() },
    });
  }

  private async transition(actor: Actor, id: string, step: Transition): Promise<AppointmentView> {
    return this.dataSource.transaction(async (manager) => {
      const appointment = await manager.findOne(Appointment, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!appointment) throw new NotFoundException('Rendez-vous introuvable.');
      const request = await this.requests.findVisible(manager, actor, appointment.requestId, true);
      if (step.centreOnly) assertMayActForCentre(actor, appointment.centreId);
      if (!step.from.includes(appointment.status)) {
        throw new ConflictException(`Impossible depuis l’état « ${appointment.status} » du rendez-vous.`);
      }
      await manager.update(
        Appointment,
        { id },
        { ...step.changes, status: step.to, reason: step.reason ?? appointment.reason, version: appointment.version + 1 },
      );
      await recordLiveEvent(manager, `appointment.${step.to}`, id);
      if (step.place) await this.givePlaceBack(manager, appointment.slotId, step.place, step.reason);
      await this.moveRequest(manager, actor, request, step, id);
      await this.audit.record(
        {
          actor,
          action: step.action,
          entity: 'appointment',
          entityId: id,
          imagingRequestId: request.id,
          reason: step.reason ?? null,
        },
        manager,
      );
      if (step.message) await this.outbox.enqueue(manager, step.message, id);
      return appointmentView(manager, id);
    });
  }

  /** A place is given back only while the slot is still ahead. */
  private async givePlaceBack(
    manager: EntityManager,
    slotId: string,
    then: 'free' | 'withdraw',
    reason?: string | null,
  ): Promise<void> {
    const [{ future }] = (await manager.query(`SELECT starts_at > now() AS future FROM slot WHERE id = $1`, [slotId])) as {
      future: boolean;
    }[];
    if (future) await giveBackPlace(manager, slotId, then, reason ?? undefined);
  }

  private async moveRequest(
    manager: EntityManager,
    actor: Actor,
    request: ImagingRequestEntity,
    step: Transition,
    appointmentId: string,
  ): Promise<void> {
    const refused = step.to === 'refused';
    const closed = ['done', 'no-show', 'cancelled'].includes(step.requestTo);
    await manager.update(
      ImagingRequestEntity,
      { id: request.id },
      {
        status: step.requestTo,
        version: request.version + 1,
        updatedAt: new Date(),
        ...(refused ? { refusalCount: request.refusalCount + 1, lastRefusalReason: step.reason ?? null } : {}),
        ...(closed ? { closedAt: new Date() } : {}),
      },
    );
    await recordRequestEvent(manager, {
      requestId: request.id,
      appointmentId,
      accountId: actor.accountId,
      action: step.action,
      fromStatus: request.status,
      toStatus: step.requestTo,
      reason: step.reason ?? null,
    });
    await recordLiveEvent(manager, 'request.updated', request.id);
  }
}
