import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, MoreThan } from 'typeorm';
import {
  RETAINED_INDICATIONS,
  type AppointmentInClosure,
  type CentreClosureView,
  type CentreSummary,
  type CreatedClosureView,
  type UpdatedCentreView,
  type IndicationCode,
  type Modality,
} from '@creneau/contracts';
import type { Actor } from '../access/actor';
import { assertMayActForCentre } from '../access/centre-scope';
import { AuditService } from '../audit/audit.service';
import { CentreClosure } from './centre-closure.entity';
import { Centre } from './centre.entity';
import { toCentreSummary } from './centre-summary';
import { CreateCentreDto, CreateClosureDto, UpdateCentreDto } from './dto/centre.dto';
import { Territory } from './territory.entity';

@Injectable()
export class CentresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<CentreSummary[]> {
    const [centres, closures] = await Promise.all([
      this.dataSource.manager.find(Centre, { order: { name: 'ASC' } }),
      this.currentClosures(this.dataSource.manager),
    ]);
    return centres.map((centre) => toCentreSummary(centre, closures.get(centre.id)));
  }

  async get(id: string): Promise<CentreSummary> {
    const centre = await this.findOrFail(this.dataSource.manager, id);
    return toCentreSummary(centre, (await this.currentClosures(this.dataSource.manager, id)).get(id));
  }

  async create(actor: Actor, dto: CreateCentreDto): Promise<CentreSummary> {
    assertIndicationsOffered(dto.modalities, dto.acceptedIndications ?? []);
    const id = await this.dataSource.transaction(async (manager) => {
      // One territory per deployment for now: the centre joins it.
      const territory = await manager.findOne(Territory, { where: {}, order: { createdAt: 'ASC' } });
      if (!territory) throw new UnprocessableEntityException('Aucun territoire n’est configuré.');
      const { reason, ...fields } = dto;
      const centre = await manager.save(
        manager.create(Centre, { ...fields, acceptedIndications: dto.acceptedIndications ?? [], territoryId: territory.id }),
      );
      await this.audit.record({ actor, action: 'create', entity: 'centre', entityId: centre.id, reason }, manager);
      return centre.id;
    });
    return this.get(id);
  }

  /** Changes a centre, with a reason; closing it for good lists its live appointments still ahead, to move or cancel. */
  async update(actor: Actor, id: string, dto: UpdateCentreDto): Promise<UpdatedCentreView> {
    const appointments = await this.dataSource.transaction(async (manager) => {
      const centre = await this.findOrFail(manager, id);
      const { reason, ...changes } = dto;
      assertIndicationsOffered(
        changes.modalities ?? centre.modalities,
        changes.acceptedIndications ?? centre.acceptedIndications,
      );
      await manager.update(Centre, { id }, changes);
      // Its traits (open or not, modalities, access, indications) decide which bookings fit its slots.
      const now = new Date();
      await invalidateBookingReads(manager, id, now, null);
      const closing = changes.active === false && centre.active;
      const ahead = closing ? await appointmentsBetween(manager, id, now, null) : [];
      const action = changes.active === false ? 'close' : changes.active === true ? 'reopen' : 'update';
      await this.audit.record(
        {
          actor,
          action,
          entity: 'centre',
          entityId: id,
          reason,
          details: {
            fields: Object.keys(changes).filter((key) => changes[key as keyof typeof changes] !== undefined),
            ...(closing ? { appointmentsAhead: ahead.map((appointment) => appointment.id) } : {}),
          },
        },
        manager,
      );
      return ahead;
    });
    return { ...(await this.get(id)), appointments };
  }

  /**
   * Closes a centre for a period. The appointments already made then are not touched but listed, for the centre to
   * move or cancel them; a booking read before the closure and not yet written loses its slot's guard and reads again.
   */
  async addClosure(actor: Actor, centreId: string, dto: CreateClosureDto): Promise<CreatedClosureView> {
    const from = new Date(dto.from);
    const to = new Date(dto.to);
    if (to <= from) throw new UnprocessableEntityException('La fin de la fermeture suit son début.');
    return this.dataSource.transaction(async (manager) => {
      await this.findOrFail(manager, centreId);
      assertMayActForCentre(actor, centreId);
      const closure = await manager.save(
        manager.create(CentreClosure, { centreId, startsAt: from, endsAt: to, reason: dto.reason, createdBy: actor.accountId }),
      );
      await invalidateBookingReads(manager, centreId, from, to);
      const appointments = await appointmentsBetween(manager, centreId, from, to);
      await this.audit.record(
        {
          actor,
          action: 'close-period',
          entity: 'centre',
          entityId: centreId,
          reason: dto.reason,
          details: { from: dto.from, to: dto.to, appointmentsInside: appointments.map((appointment) => appointment.id) },
        },
        manager,
      );
      return { ...toClosureView(closure), appointments };
    });
  }

  async closures(centreId: string): Promise<CentreClosureView[]> {
    await this.findOrFail(this.dataSource.manager, centreId);
    const closures = await this.dataSource.manager.find(CentreClosure, {
      where: { centreId, endsAt: MoreThan(new Date()) },
      order: { startsAt: 'ASC' },
    });
    return closures.map(toClosureView);
  }

  private async findOrFail(manager: EntityManager, id: string): Promise<Centre> {
    const centre = await manager.findOneBy(Centre, { id });
    if (!centre) throw new NotFoundException('Centre introuvable.');
    return centre;
  }

  /** Closures not yet over, by centre. */
  private async currentClosures(manager: EntityManager, centreId?: string): Promise<Map<string, CentreClosure[]>> {
    const closures = await manager.find(CentreClosure, {
      where: { endsAt: MoreThan(new Date()), ...(centreId ? { centreId } : {}) },
      order: { startsAt: 'ASC' },
    });
    const byCentre = new Map<string, CentreClosure[]>();
    for (const closure of closures) byCentre.set(closure.centreId, [...(byCentre.get(closure.centreId) ?? []), closure]);
    return byCentre;
  }
}

/**
 * A booking is written only if its slot is unchanged since it was read (its version, see booking-write.ts): moving
 * the version of every slot the closure covers makes a booking read before it start again, and see it. A booking
 * already writing holds its slot's row: this waits for it, so the appointments listed next include it.
 */
async function invalidateBookingReads(manager: EntityManager, centreId: string, from: Date, to: Date | null): Promise<void> {
  await manager.query(
    `UPDATE slot SET version = version + 1, updated_at = now()
      WHERE centre_id = $1 AND status = 'open' AND ends_at > $2 AND ($3::timestamptz IS NULL OR starts_at < $3)`,
    [centreId, from, to],
  );
}

/** The live appointments of a centre between two instants (`to` null: from then on). */
async function appointmentsBetween(
  manager: EntityManager,
  centreId: string,
  from: Date,
  to: Date | null,
): Promise<AppointmentInClosure[]> {
  const rows = (await manager.query(
    `SELECT a.id, a.request_id, r.reference, s.starts_at
       FROM appointment a JOIN slot s ON s.id = a.slot_id JOIN imaging_request r ON r.id = a.request_id
      WHERE a.centre_id = $1 AND a.status IN ('booked', 'confirmed') AND s.ends_at > $2
        AND ($3::timestamptz IS NULL OR s.starts_at < $3)
      ORDER BY s.starts_at, r.reference`,
    [centreId, from, to],
  )) as { id: string; request_id: string; reference: string; starts_at: Date }[];
  return rows.map((row) => ({
    id: row.id,
    requestId: row.request_id,
    reference: row.reference,
    start: row.starts_at.toISOString(),
  }));
}

function toClosureView(closure: CentreClosure): CentreClosureView {
  return { id: closure.id, from: closure.startsAt.toISOString(), to: closure.endsAt.toISOString(), reason: closure.reason };
}

function assertIndicationsOffered(modalities: readonly Modality[], indications: readonly IndicationCode[]): void {
  const offered = new Set(modalities.flatMap((modality) => RETAINED_INDICATIONS[modality]));
  const foreign = indications.filter((code) => !offered.has(code));
  if (foreign.length > 0)
    throw new UnprocessableEntityException(`Indications hors des modalités du centre : ${foreign.join(', ')}.`);
}
