import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../access/actor';
import { assertMayActForCentre } from '../access/centre-scope';
import { AuditService } from '../audit/audit.service';
import { CalendarSettingsDto } from './dto/feed.dto';
import type { CalendarSettingsView } from '@creneau/contracts';

/** A centre's choices for its feeds: for now, whether they name the patient. */
@Injectable()
export class CalendarSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(actor: Actor, centreId: string): Promise<CalendarSettingsView> {
    return { centreId, showPatientNames: await this.current(this.dataSource.manager, actor, centreId) };
  }

  async update(actor: Actor, centreId: string, dto: CalendarSettingsDto): Promise<CalendarSettingsView> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.current(manager, actor, centreId, true);
      await manager.query(`UPDATE centre SET calendar_patient_names = $2, updated_at = now() WHERE id = $1`, [
        centreId,
        dto.showPatientNames,
      ]);
      await this.audit.record(
        {
          actor,
          action: 'calendar-settings',
          entity: 'centre',
          entityId: centreId,
          reason: dto.reason,
          details: { showPatientNames: { from: before, to: dto.showPatientNames } },
        },
        manager,
      );
      return { centreId, showPatientNames: dto.showPatientNames };
    });
  }

  private async current(manager: EntityManager, actor: Actor, centreId: string, lock = false): Promise<boolean> {
    const [centre] = (await manager.query(`SELECT calendar_patient_names FROM centre WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [
      centreId,
    ])) as { calendar_patient_names: boolean }[];
    if (!centre) throw new NotFoundException('Centre introuvable.');
    assertMayActForCentre(actor, centreId);
    return centre.calendar_patient_names;
  }
}
