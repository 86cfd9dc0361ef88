import { createHash } from 'node:crypto';
import { ConflictException, HttpException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AppointmentView } from '@creneau/contracts';
import type { Actor } from '../access/actor';
import { recordLiveEvent } from '../live/live-events';
import { OutboxWriter } from '../messages/outbox-writer.service';
import { RequestsService } from '../requests/requests.service';
import { Appointment } from './appointment.entity';
import { assessmentOf } from '../requests/request-assessment';
import { loadBookingContext, readBookingContext, type BookingContext } from './booking-context';
import { writeBooking } from './booking-write';
import { keepRefusal, replayOf, StoredAnswer } from './idempotency';
import { assertSlotFits } from './slot-fit';

/** Rounds of read, check and write before giving up on a slot that keeps changing (each lost round is someone's win). */
const BOOKING_ATTEMPTS = 5;

@Injectable()
export class BookingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: RequestsService,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * Books a request into a slot, once per Idempotency-Key, optimistically: the context is read without locks and
   * checked with the domain's rules, then one statement writes the booking and its answer, guarded by the versions
   * read. Should the slot or the request change in between, nothing is written and the booking starts again from a
   * fresh read, which then sees why (taken, held): one winner per change, so a few rounds settle any contention.
   */
  async book(actor: Actor, requestId: string, slotId: string, idempotencyKey: string): Promise<StoredAnswer> {
    const scope = {
      accountId: actor.accountId,
      key: idempotencyKey,
      operation: 'book',
      requestHash: createHash('sha256').update(JSON.stringify({ requestId, slotId })).digest('hex'),
    };
    try {
      for (let attempt = 1; attempt <= BOOKING_ATTEMPTS; attempt++) {
        const read = await readBookingContext(this.dataSource, requestId, slotId, actor.accountId, idempotencyKey);
        if (read.stored) return replayOf(read.stored, scope);
        const { context } = read;
        if (context.request_status !== 'to-book') throw notBookable(context);
        assertSlotFits(context, assessmentOf(context, context.request_timezone));
        const appointment = await writeBooking(this.dataSource, context, actor, {
          action: 'book',
          reason: null,
          booking: {
            message: (row) => this.outbox.compose('booked', [row], row.id, { ...context, status: 'booked' }),
            idempotency: scope,
          },
        });
        if (appointment) return { status: 201, body: appointment };
      }
      throw new ConflictException('Ce créneau change sans cesse : réessayez dans un instant.');
    } catch (error) {
      // A refusal is an answer too: kept under the key, so that a replay gets it again.
      if (!(error instanceof HttpException) || error.getStatus() >= 500) throw error;
      return keepRefusal(this.dataSource, scope, { status: error.getStatus(), body: error.getResponse() });
    }
  }

  /** Moves a live appointment to another slot, in one transaction: the new place is taken before the old one is given back. */
  async reschedule(actor: Actor, appointmentId: string, slotId: string, reason = 'Reprogrammé'): Promise<AppointmentView> {
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
        { status: 'cancelled', reason, closedAt: new Date(), version: current.version + 1 },
      );
      await recordLiveEvent(manager, 'appointment.cancelled', current.id);
      await giveBackPlace(manager, current.slotId, 'free');
      const context = await loadBookingContext(manager, request.id, slotId, actor.accountId);
      assertSlotFits(context, assessmentOf(context, context.request_timezone));
      const moved = await writeBooking(manager, context, actor, { action: 'reschedule', reason });
      if (!moved) throw new ConflictException('Ce créneau n’est plus libre.');
      await this.outbox.enqueue(manager, 'rescheduled', moved.id, current.id);
      return moved;
    });
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

function notBookable(context: BookingContext): Error {
  if (context.request_status === 'incomplete') {
    return new UnprocessableEntityException({
      message: 'Demande incomplète : elle ne peut pas être programmée.',
      missing: context.missing_fields,
    });
  }
  return new ConflictException('Cette demande a déjà un rendez-vous ou est close.');
}
