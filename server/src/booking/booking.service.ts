import { createHash } from 'node:crypto';
import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AppointmentView } from '@creneau/contracts';
import type { Actor } from '../access/actor';
import { AuditService } from '../audit/audit.service';
import { recordLiveEvent } from '../live/live-events';
import { OutboxWriter } from '../messages/outbox-writer.service';
import { appointmentView } from '../requests/appointment-views';
import { ImagingRequestEntity } from '../requests/imaging-request.entity';
import { recordRequestEvent } from '../requests/request-history';
import { RequestsService } from '../requests/requests.service';
import { Appointment } from './appointment.entity';
import { runIdempotent, StoredAnswer } from './idempotency';
import { assertSlotFits } from './slot-fit';
import { lockSlot } from './slot-lock';

@Injectable()
export class BookingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: RequestsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Books a request into a slot, once per Idempotency-Key. */
  book(actor: Actor, requestId: string, slotId: string, idempotencyKey: string): Promise<StoredAnswer> {
    const requestHash = createHash('sha256').update(JSON.stringify({ requestId, slotId })).digest('hex');
    return runIdempotent(
      this.dataSource,
      { accountId: actor.accountId, key: idempotencyKey, operation: 'book', requestHash },
      async (manager) => {
        const request = await this.requests.findVisible(manager, actor, requestId, true);
        if (request.status !== 'to-book') throw notBookable(request);
        const appointment = await this.bookInto(manager, actor, request, slotId);
        await this.setRequestStatus(manager, actor, request, 'booked', 'book', null, appointment.id);
        await this.outbox.enqueue(manager, 'booked', appointment.id);
        return { status: 201, body: await appointmentView(manager, appointment.id) };
      },
    );
  }

  /** Moves a live appointment to another slot, in one transaction: the new place is taken before the old one is given back. */
  async reschedule(actor: Actor, appointmentId: string, slotId: string): Promise<AppointmentView> {
    return this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(Appointment, { where: { id: appointmentId }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw new NotFoundException('Rendez-vous introuvable.');
      const request = await this.requests.findVisible(manager, actor, current.requestId, true);
      if (current.status !== 'booked' && current.status !== 'confirmed')
        throw new ConflictException('Ce rendez-vous n’est plus actif.');
      if (current.slotId === slotId) throw new UnprocessableEntityException('Le rendez-vous est déjà sur ce créneau.');
      await manager.update(
        Appointment,
        { id: current.id },
        { status: 'cancelled', reason: 'Reprogrammé', closedAt: new Date(), version: current.version + 1 },
      );
      await recordLiveEvent(manager, 'appointment.cancelled', current.id);
      await giveBackPlace(manager, current.slotId, 'free');
      const moved = await this.bookInto(manager, actor, request, slotId);
      await this.setRequestStatus(manager, actor, request, 'booked', 'reschedule', 'Reprogrammé', moved.id);
      await this.outbox.enqueue(manager, 'rescheduled', moved.id, current.id);
      return appointmentView(manager, moved.id);
    });
  }

  private async bookInto(
    manager: EntityManager,
    actor: Actor,
    request: ImagingRequestEntity,
    slotId: string,
  ): Promise<Appointment> {
    const { assessment } = await this.requests.view(manager, request.id);
    if (!assessment.bookable) {
      throw new UnprocessableEntityException({
        message: 'Cette demande ne peut pas encore être programmée.',
        readiness: assessment.readiness,
      });
    }
    const { slot, heldByOthers } = await lockSlot(manager, slotId, actor.accountId);
    await assertSlotFits(manager, request, assessment, slot, heldByOthers);
    // The database's guarantee, whatever the instance: the place is taken only if one is left.
    const [, taken] = (await manager.query(
      `UPDATE slot SET booked_count = booked_count + 1, version = version + 1, updated_at = now()
        WHERE id = $1 AND status = 'open' AND booked_count < capacity`,
      [slotId],
    )) as [unknown, number];
    if (taken !== 1) throw new ConflictException('Ce créneau n’est plus libre.');
    const appointment = await manager.save(
      manager.create(Appointment, {
        requestId: request.id,
        slotId,
        centreId: slot.centreId,
        status: 'booked',
        bookedBy: actor.accountId,
      }),
    );
    await manager.query(`DELETE FROM slot_hold WHERE slot_id = $1 AND account_id = $2`, [slotId, actor.accountId]);
    await recordLiveEvent(manager, 'slot.booked', slotId);
    await recordLiveEvent(manager, 'appointment.booked', appointment.id);
    await this.audit.record(
      {
        actor,
        action: 'book',
        entity: 'appointment',
        entityId: appointment.id,
        imagingRequestId: request.id,
        details: { slotId },
      },
      manager,
    );
    return appointment;
  }

  private async setRequestStatus(
    manager: EntityManager,
    actor: Actor,
    request: ImagingRequestEntity,
    status: ImagingRequestEntity['status'],
    action: string,
    reason: string | null,
    appointmentId: string,
  ): Promise<void> {
    await manager.update(
      ImagingRequestEntity,
      { id: request.id },
      { status, version: request.version + 1, updatedAt: new Date() },
    );
    await recordRequestEvent(manager, {
      requestId: request.id,
      appointmentId,
      accountId: actor.accountId,
      action,
      fromStatus: request.status,
      toStatus: status,
      reason,
    });
    await recordLiveEvent(manager, 'request.updated', request.id);
  }
}

/** Frees one place of the slot, or withdraws it when the centre cannot take anyone then. */
export async function giveBackPlace(
  manager: EntityManager,
  slotId: string,
  then: 'free' | 'withdraw',
  reason?: string,
): Promise<void> {
  const [rows] = (await manager.query(
    `UPDATE slot SET booked_count = booked_count - 1, version = version + 1, updated_at = now(),
            status = CASE WHEN $2 = 'withdraw' AND booked_count = 1 THEN 'withdrawn' ELSE status END,
            status_reason = CASE WHEN $2 = 'withdraw' AND booked_count = 1 THEN $3 ELSE status_reason END
      WHERE id = $1 AND booked_count > 0
      RETURNING status`,
    [slotId, then, reason ?? null],
  )) as [{ status: string }[], number];
  if (rows[0]) await recordLiveEvent(manager, rows[0].status === 'withdrawn' ? 'slot.withdrawn' : 'slot.freed', slotId);
}

function notBookable(request: ImagingRequestEntity): Error {
  if (request.status === 'incomplete') {
    return new UnprocessableEntityException({
      message: 'Demande incomplète : elle ne peut pas être programmée.',
      missing: request.missingFields,
    });
  }
  return new ConflictException('Cette demande a déjà un rendez-vous ou est close.');
}
