import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RETAINED_INDICATIONS, type IndicationCode, type Modality, type SlotView } from '@creneau/contracts';
import type { Actor } from '../access/actor';
import { assertMayActForCentre, visibleCentreIds } from '../access/centre-scope';
import { AuditService } from '../audit/audit.service';
import { recordLiveEvent } from '../live/live-events';
import { Centre } from '../territory/centre.entity';
import { AgendaQueryDto } from './dto/agenda-query.dto';
import { PublishSlotDto } from './dto/publish-slot.dto';
import { Slot } from './slot.entity';
import { toSlotView } from './slot-view';

const MAX_AGENDA_DAYS = 62;
const DAY_MS = 86_400_000;

@Injectable()
export class SlotsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async publish(actor: Actor, dto: PublishSlotDto): Promise<SlotView> {
    const start = new Date(dto.start);
    if (start.getTime() <= Date.now()) throw new UnprocessableEntityException('Le créneau doit commencer dans le futur.');
    return this.dataSource.transaction(async (manager) => {
      const centre = await findCentreForSlots(manager, actor, dto.centreId, dto.modality);
      assertIndicationsFit(dto.modality, dto.indications);
      const slot = await manager.save(
        manager.create(Slot, {
          centreId: centre.id,
          modality: dto.modality,
          startsAt: start,
          endsAt: new Date(start.getTime() + dto.durationMinutes * 60_000),
          capacity: dto.capacity,
          indications: dto.indications ?? null,
          releaseAt: new Date(start.getTime() - dto.releaseCutoffMinutes * 60_000),
          origin: 'manual',
          createdBy: actor.accountId,
        }),
      );
      await this.audit.record(
        { actor, action: 'publish', entity: 'slot', entityId: slot.id, details: { centreId: centre.id } },
        manager,
      );
      await recordLiveEvent(manager, 'slot.published', slot.id);
      return toSlotView(await manager.findOneByOrFail(Slot, { id: slot.id }));
    });
  }

  /** Withdraws an unbooked slot; a booked one must first be moved or cancelled (409). */
  async withdraw(actor: Actor, slotId: string, reason: string): Promise<SlotView> {
    return this.dataSource.transaction(async (manager) => {
      const slot = await manager.findOne(Slot, { where: { id: slotId }, lock: { mode: 'pessimistic_write' } });
      if (!slot) throw new NotFoundException('Créneau introuvable.');
      assertMayActForCentre(actor, slot.centreId);
      if (slot.status !== 'open') throw new ConflictException('Ce créneau n’est plus ouvert.');
      if (slot.bookedCount > 0) {
        throw new ConflictException('Ce créneau est réservé : déplacez ou annulez d’abord le rendez-vous.');
      }
      await manager.update(Slot, { id: slotId }, { status: 'withdrawn', statusReason: reason, version: slot.version + 1 });
      await this.audit.record({ actor, action: 'withdraw', entity: 'slot', entityId: slotId, reason }, manager);
      await recordLiveEvent(manager, 'slot.withdrawn', slotId);
      return toSlotView(await manager.findOneByOrFail(Slot, { id: slotId }));
    });
  }

  async get(actor: Actor, slotId: string): Promise<SlotView> {
    const slot = await this.dataSource.manager.findOneBy(Slot, { id: slotId });
    const visible = visibleCentreIds(actor);
    if (!slot || (visible && !visible.includes(slot.centreId))) throw new NotFoundException('Créneau introuvable.');
    return toSlotView(slot);
  }

  /** The agenda of a period, for the day and week views; centre staff see their own centres only. */
  async agenda(actor: Actor, query: AgendaQueryDto): Promise<SlotView[]> {
    const from = new Date(query.from);
    const to = new Date(query.to);
    if (to <= from || to.getTime() - from.getTime() > MAX_AGENDA_DAYS * DAY_MS) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: `La période va de "from" à "to", ${MAX_AGENDA_DAYS} jours au plus.`,
        fields: { to: [`after from, at most ${MAX_AGENDA_DAYS} days later`] },
      });
    }
    const visible = visibleCentreIds(actor);
    if (query.centreId && visible && !visible.includes(query.centreId)) assertMayActForCentre(actor, query.centreId);
    const builder = this.dataSource.manager
      .createQueryBuilder(Slot, 'slot')
      .where('slot.starts_at < :to AND slot.ends_at > :from', { from, to })
      .orderBy('slot.starts_at')
      .addOrderBy('slot.centre_id');
    if (query.centreId) builder.andWhere('slot.centre_id = :centreId', { centreId: query.centreId });
    else if (visible) builder.andWhere('slot.centre_id = ANY(:visible)', { visible });
    if (query.modality) builder.andWhere('slot.modality = :modality', { modality: query.modality });
    switch (query.state) {
      case 'free':
        builder.andWhere(`slot.status = 'open' AND slot.booked_count < slot.capacity`);
        break;
      case 'booked':
        builder.andWhere(`slot.status = 'open' AND slot.booked_count >= slot.capacity`);
        break;
      case 'released':
      case 'withdrawn':
        builder.andWhere('slot.status = :status', { status: query.state });
        break;
      case 'held':
        builder.andWhere('false'); // holds arrive with booking
        break;
    }
    return (await builder.getMany()).map(toSlotView);
  }
}

/** The centre a slot is published for, checked: the caller may act for it, it is open and offers the modality. */
export async function findCentreForSlots(
  manager: EntityManager,
  actor: Actor,
  centreId: string,
  modality: Modality,
): Promise<Centre> {
  const centre = await manager.findOneBy(Centre, { id: centreId });
  if (!centre) throw new NotFoundException('Centre introuvable.');
  assertMayActForCentre(actor, centre.id);
  if (!centre.active) throw new UnprocessableEntityException('Ce centre est fermé.');
  if (!centre.modalities.includes(modality)) throw new UnprocessableEntityException('Ce centre ne propose pas cette modalité.');
  return centre;
}

export function assertIndicationsFit(modality: Modality, indications: readonly IndicationCode[] | undefined | null): void {
  const foreign = (indications ?? []).filter((code) => !RETAINED_INDICATIONS[modality].includes(code));
  if (foreign.length > 0) {
    throw new UnprocessableEntityException(`Indications d’une autre modalité : ${foreign.join(', ')}.`);
  }
}
