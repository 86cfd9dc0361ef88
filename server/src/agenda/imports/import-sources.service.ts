import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MODALITY_LABELS, type ImportRunOutcome, type ImportSourceView, type Modality } from '@creneau/contracts';
import type { Actor } from '../../access/actor';
import { assertMayActForCentre } from '../../access/centre-scope';
import { AuditService } from '../../audit/audit.service';
import { Centre } from '../../territory/centre.entity';
import { CreateImportSourceDto } from './dto/create-import-source.dto';
import { UpdateImportSourceDto } from './dto/update-import-source.dto';
import { ImportRunner } from './import-runner.service';
import { ImportSource } from './import-source.entity';
import { toImportSourceView } from './import-source-view';

/** A centre's import sources, managed by the coordinator or by the centre's own staff. */
@Injectable()
export class ImportSourcesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly runner: ImportRunner,
  ) {}

  async list(actor: Actor, centreId: string): Promise<ImportSourceView[]> {
    assertMayActForCentre(actor, centreId);
    await this.centreOrFail(this.dataSource.manager, centreId);
    const sources = await this.dataSource.manager.find(ImportSource, { where: { centreId }, order: { createdAt: 'ASC' } });
    return sources.map(toImportSourceView);
  }

  async create(actor: Actor, centreId: string, dto: CreateImportSourceDto): Promise<ImportSourceView> {
    assertMayActForCentre(actor, centreId);
    const source = await this.dataSource.transaction(async (manager) => {
      assertOffered(await this.centreOrFail(manager, centreId), dto.modality ?? null);
      if (await manager.existsBy(ImportSource, { centreId, url: dto.url })) {
        throw new ConflictException('Cette source est déjà déclarée pour ce centre.');
      }
      const created = await manager.save(
        manager.create(ImportSource, {
          centreId,
          kind: dto.kind,
          url: dto.url,
          marker: dto.marker ?? null,
          modality: dto.modality ?? null,
          pollIntervalMinutes: dto.pollIntervalMinutes ?? 15,
          createdBy: actor.accountId,
        }),
      );
      await this.audit.record(
        {
          actor,
          action: 'create',
          entity: 'import-source',
          entityId: created.id,
          reason: dto.reason,
          details: { centreId, kind: dto.kind, url: dto.url },
        },
        manager,
      );
      return created;
    });
    return this.view(source.id);
  }

  async update(actor: Actor, id: string, dto: UpdateImportSourceDto): Promise<ImportSourceView> {
    await this.dataSource.transaction(async (manager) => {
      const source = await this.sourceOrFail(manager, id, true);
      assertMayActForCentre(actor, source.centreId);
      if (dto.modality) assertOffered(await this.centreOrFail(manager, source.centreId), dto.modality);
      const { reason, ...fields } = dto;
      const changes: Partial<ImportSource> = { ...fields };
      // A new address starts afresh; any change is tried at the next tick rather than after the old interval.
      if (dto.url !== undefined && dto.url !== source.url) changes.consecutiveFailures = 0;
      await manager.update(ImportSource, { id }, { ...changes, nextPollAt: () => 'now()', updatedAt: () => 'now()' });
      const action = dto.active === false ? 'disable' : dto.active === true && !source.active ? 'enable' : 'update';
      await this.audit.record(
        { actor, action, entity: 'import-source', entityId: id, reason, details: { fields: Object.keys(fields) } },
        manager,
      );
    });
    return this.view(id);
  }

  /** Imports now, whatever the schedule, and answers what the run did. */
  async run(actor: Actor, id: string): Promise<ImportRunOutcome> {
    const source = await this.sourceOrFail(this.dataSource.manager, id);
    assertMayActForCentre(actor, source.centreId);
    if (!source.active) throw new ConflictException('Cette source est désactivée : réactivez-la pour l’importer.');
    const outcome = await this.runner.run(id, { actor, trigger: 'manual' });
    if (typeof outcome === 'string') throw new ConflictException('Un import de cette source est déjà en cours.');
    return outcome;
  }

  private async view(id: string): Promise<ImportSourceView> {
    return toImportSourceView(await this.sourceOrFail(this.dataSource.manager, id));
  }

  private async sourceOrFail(manager: EntityManager, id: string, lock = false): Promise<ImportSource> {
    const source = await manager.findOne(ImportSource, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!source) throw new NotFoundException('Source d’import introuvable.');
    return source;
  }

  private async centreOrFail(manager: EntityManager, id: string): Promise<Centre> {
    const centre = await manager.findOneBy(Centre, { id });
    if (!centre) throw new NotFoundException('Centre introuvable.');
    return centre;
  }
}

function assertOffered(centre: Centre, modality: Modality | null): void {
  if (modality && !centre.modalities.includes(modality)) {
    throw new UnprocessableEntityException(`Le centre ne propose pas cette modalité : ${MODALITY_LABELS[modality]}.`);
  }
}
