import { EntityManager } from 'typeorm';
import { NotFoundException } from '@nestjs/common';
import { Slot } from '../agenda/slot.entity';

export interface LockedSlot {
  slot: Slot;
  /** Live holds of other accounts: each keeps one place. */
  heldByOthers: number;
}

/** Locks the slot's row for the transaction (bookings of one slot queue here) and counts the others' live holds. */
export async function lockSlot(manager: EntityManager, slotId: string, accountId: string): Promise<LockedSlot> {
  const slot = await manager.findOne(Slot, { where: { id: slotId }, lock: { mode: 'pessimistic_write' } });
  if (!slot) throw new NotFoundException('Créneau introuvable.');
  const [{ held }] = (await manager.query(
    `SELECT count(*)::int AS held FROM slot_hold WHERE slot_id = $1 AND account_id <> $2 AND expires_at > now()`,
    [slotId, accountId],
  )) as { held: number }[];
  return { slot, heldByOthers: held };
}
