import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { SlotRuleView } from '@creneau/contracts';
import { expandRule, validateRule } from '@creneau/domain';
import type { Actor } from '../access/actor';
import { assertMayActForCentre, visibleCentreIds } from '../access/centre-scope';
import { AuditService } from '../audit/audit.service';
import { CreateSlotRuleDto, SlotRuleScheduleDto, UpdateSlotRuleDto } from './dto/slot-rule.dto';
import { MATERIALISATION_HORIZON_DAYS, MaterialisationCounts, SlotRuleMaterialiser } from './slot-rule-materialiser';
import { SlotRule } from './slot-rule.entity';
import { assertIndicationsFit, findCentreForSlots } from './slots.service';

export interface SlotRuleChange {
  rule: SlotRuleView;
  slots: MaterialisationCounts;
}

@Injectable()
export class SlotRulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly materialiser: SlotRuleMaterialiser,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, centreId: string): Promise<SlotRuleView[]> {
    await territoryTimezone(this.dataSource.manager, centreId); // 404 for an unknown centre
    const visible = visibleCentreIds(actor);
    if (visible && !visible.includes(centreId)) assertMayActForCentre(actor, centreId);
    const rules = await this.dataSource.manager.find(SlotRule, { where: { centreId }, order: { createdAt: 'ASC' } });
    return rules.map(toSlotRuleView);
  }

  async create(actor: Actor, dto: CreateSlotRuleDto): Promise<SlotRuleChange> {
    return this.dataSource.transaction(async (manager) => {
      const centre = await findCentreForSlots(manager, actor, dto.centreId, dto.modality);
      assertIndicationsFit(dto.modality, dto.indications);
      const timezone = await territoryTimezone(manager, centre.id);
      assertValidSchedule(dto, timezone);
      const rule = await manager.save(
        manager.create(SlotRule, {
          centreId: centre.id,
          modality: dto.modality,
          rrule: dto.rrule,
          startLocal: dto.startLocal,
          durationMinutes: dto.durationMinutes,
          capacity: dto.capacity,
          validFrom: dto.validFrom,
          validUntil: dto.validUntil ?? null,
          exceptions: dto.exceptions ?? [],
          indications: dto.indications ?? null,
          releaseCutoffMinutes: dto.releaseCutoffMinutes,
          createdBy: actor.accountId,
        }),
      );
      const saved = await manager.findOneByOrFail(SlotRule, { id: rule.id });
      const slots = await this.materialiser.materialise(manager, saved, timezone);
      await this.audit.record(
        { actor, action: 'create', entity: 'slot-rule', entityId: rule.id, reason: dto.reason, details: { ...slots } },
        manager,
      );
      return { rule: toSlotRuleView(saved), slots };
    });
  }

  /** A new version of the rule: its future free slots follow, its booked ones stay. */
  async update(actor: Actor, id: string, dto: UpdateSlotRuleDto): Promise<SlotRuleChange> {
    return this.dataSource.transaction(async (manager) => {
      const rule = await this.findForChange(manager, actor, id);
      if (dto.indications) assertIndicationsFit(rule.modality, dto.indications);
      const timezone = await territoryTimezone(manager, rule.centreId);
      assertValidSchedule(dto, timezone);
      await manager.update(
        SlotRule,
        { id },
        {
          rrule: dto.rrule,
          startLocal: dto.startLocal,
          durationMinutes: dto.durationMinutes,
          validFrom: dto.validFrom,
          validUntil: dto.validUntil ?? null,
          exceptions: dto.exceptions ?? [],
          ...(dto.capacity !== undefined ? { capacity: dto.capacity } : {}),
          ...(dto.indications !== undefined ? { indications: dto.indications } : {}),
          ...(dto.releaseCutoffMinutes !== undefined ? { releaseCutoffMinutes: dto.releaseCutoffMinutes } : {}),
          version: rule.version + 1,
          updatedAt: new Date(),
        },
      );
      const updated = await manager.findOneByOrFail(SlotRule, { id });
      const slots = await this.materialiser.materialise(manager, updated, timezone);
      await this.audit.record(
        { actor, action: 'update', entity: 'slot-rule', entityId: id, reason: dto.reason, details: { ...slots } },
        manager,
      );
      return { rule: toSlotRuleView(updated), slots };
    });
  }

  /** Stops a rule: its future free slots are withdrawn, its booked ones stay. */
  async stop(actor: Actor, id: string, reason: string): Promise<SlotRuleChange> {
    return this.dataSource.transaction(async (manager) => {
      const rule = await this.findForChange(manager, actor, id);
      await manager.update(
        SlotRule,
        { id },
        { stoppedAt: rule.stoppedAt ?? new Date(), version: rule.version + 1, updatedAt: new Date() },
      );
      const stopped = await manager.findOneByOrFail(SlotRule, { id });
      const slots = await this.materialiser.materialise(manager, stopped, await territoryTimezone(manager, rule.centreId));
      await this.audit.record(
        { actor, action: 'stop', entity: 'slot-rule', entityId: id, reason, details: { ...slots } },
        manager,
      );
      return { rule: toSlotRuleView(stopped), slots };
    });
  }

  /** The slots a schedule would make over the horizon, written nowhere: what the centre sees before saving. */
  async preview(centreId: string, schedule: SlotRuleScheduleDto): Promise<{ start: string; end: string }[]> {
    const timezone = await territoryTimezone(this.dataSource.manager, centreId);
    assertValidSchedule(schedule, timezone);
    const now = new Date();
    return expandRule({ ...schedule, timezone }, now, new Date(now.getTime() + MATERIALISATION_HORIZON_DAYS * 86_400_000)).map(
      (occurrence) => ({ start: occurrence.start.toISOString(), end: occurrence.end.toISOString() }),
    );
  }

  /** Rolls every running rule's horizon forward; run hourly by the scheduler. */
  async materialiseAll(now = new Date()): Promise<MaterialisationCounts> {
    const totals: MaterialisationCounts = { created: 0, updated: 0, withdrawn: 0 };
    const rules = (await this.dataSource.query(
      `SELECT r.id, t.timezone FROM slot_rule r JOIN centre c ON c.id = r.centre_id JOIN territory t ON t.id = c.territory_id
        WHERE r.stopped_at IS NULL AND c.active`,
    )) as { id: string; timezone: string }[];
    for (const { id, timezone } of rules) {
      await this.dataSource.transaction(async (manager) => {
        const rule = await manager.findOneOrFail(SlotRule, { where: { id }, lock: { mode: 'pessimistic_write' } });
        const counts = await this.materialiser.materialise(manager, rule, timezone, now);
        totals.created += counts.created;
        totals.updated += counts.updated;
        totals.withdrawn += counts.withdrawn;
      });
    }
    return totals;
  }

  private async findForChange(manager: EntityManager, actor: Actor, id: string): Promise<SlotRule> {
    const rule = await manager.findOne(SlotRule, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!rule) throw new NotFoundException('Règle introuvable.');
    assertMayActForCentre(actor, rule.centreId);
    return rule;
  }
}

async function territoryTimezone(manager: EntityManager, centreId: string): Promise<string> {
  const rows = (await manager.query(`SELECT t.timezone FROM centre c JOIN territory t ON t.id = c.territory_id WHERE c.id = $1`, [
    centreId,
  ])) as { timezone: string }[];
  if (!rows[0]) throw new NotFoundException('Centre introuvable.');
  return rows[0].timezone;
}

function assertValidSchedule(schedule: SlotRuleScheduleDto, timezone: string): void {
  const problems = validateRule({ ...schedule, timezone });
  if (problems.length === 0) return;
  const fields: Record<string, string[]> = {};
  for (const problem of problems) fields[problem.field] = [...(fields[problem.field] ?? []), problem.message];
  throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'Règle de récurrence invalide.', fields });
}

export function toSlotRuleView(rule: SlotRule): SlotRuleView {
  return {
    id: rule.id,
    centreId: rule.centreId,
    modality: rule.modality,
    rrule: rule.rrule,
    startLocal: rule.startLocal,
    durationMinutes: rule.durationMinutes,
    capacity: rule.capacity,
    validFrom: rule.validFrom,
    validUntil: rule.validUntil,
    exceptions: rule.exceptions,
    indications: rule.indications,
    releaseCutoffMinutes: rule.releaseCutoffMinutes,
    stopped: rule.stoppedAt !== null,
    version: rule.version,
  };
}
