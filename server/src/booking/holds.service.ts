import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { HoldView } from '@creneau/contracts';
import type { Actor } from '../access/actor';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { recordLiveEvent } from '../live/live-events';
import { lockSlot } from './slot-lock';

/** Short holds while on the phone. No job expires them: a hold past its time is simply not counted. */
@Injectable()
export class HoldsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async hold(actor: Actor, slotId: string, requestId: string | undefined): Promise<HoldView> {
    return this.dataSource.transaction(async (manager) => {
      const { slot, heldByOthers } = await lockSlot(manager, slotId, actor.accountId);
      if (slot.status !== 'open' || slot.startsAt <= new Date()) throw new ConflictException('Ce créneau n’est plus proposé.');
      if (slot.bookedCount >= slot.capacity) throw new ConflictException('Ce créneau vient d’être réservé.');
      if (slot.bookedCount + heldByOthers >= slot.capacity)
        throw new ConflictException('Ce créneau est retenu par un autre secrétariat.');
      const [row] = (await manager.query(
        `INSERT INTO slot_hold (slot_id, account_id, request_id, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4))
         ON CONFLICT (slot_id, account_id) DO UPDATE SET expires_at = EXCLUDED.expires_at, request_id = EXCLUDED.request_id
         RETURNING expires_at`,
        [slotId, actor.accountId, requestId ?? null, this.config.holdMinutes * 60],
      )) as { expires_at: Date }[];
      await heldChanged(manager, slotId, 'slot.held');
      return { slotId, expiresAt: row.expires_at.toISOString() };
    });
  }

  async release(actor: Actor, slotId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [, released] = (await manager.query(`DELETE FROM slot_hold WHERE slot_id = $1 AND account_id = $2`, [
        slotId,
        actor.accountId,
      ])) as [unknown, number];
      if (released > 0) await heldChanged(manager, slotId, 'slot.hold-released');
    });
  }
}

/** A hold changes what the agenda shows of the slot: a new version, and a live event. */
async function heldChanged(manager: EntityManager, slotId: string, type: 'slot.held' | 'slot.hold-released'): Promise<void> {
  await manager.query(`UPDATE slot SET version = version + 1, updated_at = now() WHERE id = $1`, [slotId]);
  await recordLiveEvent(manager, type, slotId);
}
