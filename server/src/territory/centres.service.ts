import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, MoreThan } from 'typeorm';
import {
  RETAINED_INDICATIONS,
  type CentreClosureView,
  type CentreSummary,
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

  async update(actor: Actor, id: string, dto: UpdateCentreDto): Promise<CentreSummary> {
    await this.dataSource.transaction(async (manager) => {
      const centre = await this.findOrFail(manager, id);
      const { reason, ...changes } = dto;
      assertIndicationsOffered(
        changes.modalities ?? centre.modalities,
        changes.acceptedIndications ?? centre.acceptedIndications,
      );
      await manager.update(Centre, { id }, changes);
      const action = changes.active === false ? 'close' : changes.active === true ? 'reopen' : 'update';
      await this.audit.record(
        {
          actor,
          action,
          entity: 'centre',
          entityId: id,
          reason,
          details: { fields: Object.keys(changes).filter((key) => changes[key as keyof typeof changes] !== undefined) },
        },
        manager,
      );
    });
    return this.get(id);
  }

  async addClosure(actor: Actor, centreId: string, dto: CreateClosureDto): Promise<CentreClosureView> {
    const from = new Date(dto.from);
    const to = new Date(dto.to);
    if (to <= from) throw new UnprocessableEntityException('La fin de la fermeture suit son début.');
    return this.dataSource.transaction(async (manager) => {
      await this.findOrFail(manager, centreId);
      assertMayActForCentre(actor, centreId);
      const closure = await manager.save(
        manager.create(CentreClosure, { centreId, startsAt: from, endsAt: to, reason: dto.reason, createdBy: actor.accountId }),
      );
      await this.audit.record(
        {
          actor,
          action: 'close-period',
          entity: 'centre',
          entityId: centreId,
          reason: dto.reason,
          details: { from: dto.from, to: dto.to },
        },
        manager,
      );
      return toClosureView(closure);
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

function toClosureView(closure: CentreClosure): CentreClosureView {
  return { id: closure.id, from: closure.startsAt.toISOString(), to: closure.endsAt.toISOString(), reason: closure.reason };
}

function assertIndicationsOffered(modalities: readonly Modality[], indications: readonly IndicationCode[]): void {
  const offered = new Set(modalities.flatMap((modality) => RETAINED_INDICATIONS[modality]));
  const foreign = indications.filter((code) => !offered.has(code));
  if (foreign.length > 0)
    throw new UnprocessableEntityException(`Indications hors des modalités du centre : ${foreign.join(', ')}.`);
}
