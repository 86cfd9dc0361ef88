import type { SlotState, SlotView } from '@creneau/contracts';
import type { Slot } from './slot.entity';

/** free / booked follow from the counts; released and withdrawn are decisions. */
export function slotState(slot: Pick<Slot, 'status' | 'bookedCount' | 'capacity'>): SlotState {
  if (slot.status !== 'open') return slot.status;
  return slot.bookedCount >= slot.capacity ? 'booked' : 'free';
}

export function toSlotView(slot: Slot): SlotView {
  return {
    id: slot.id,
    centreId: slot.centreId,
    modality: slot.modality,
    start: slot.startsAt.toISOString(),
    end: slot.endsAt.toISOString(),
    capacity: slot.capacity,
    bookedCount: slot.bookedCount,
    state: slotState(slot),
    stateReason: slot.statusReason,
    indications: slot.indications,
    releaseAt: slot.releaseAt.toISOString(),
    origin: slot.origin,
    ruleId: slot.ruleId,
    importConflict: slot.importConflict,
    version: slot.version,
  };
}
