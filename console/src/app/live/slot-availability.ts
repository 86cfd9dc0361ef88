import type { LiveSlotEvent } from '@creneau/contracts';

/**
 * Until when (epoch ms) a slot event says the slot has no place left for another secretary: 0 when it has one,
 * Infinity for good (booked, withdrawn, handed back to the centre); the end of the last hold when holds fill it
 * (a hold ends by itself, without an event).
 */
export function noPlaceUntil(data: LiveSlotEvent['data']): number {
  if (data.state === 'booked' || data.state === 'released' || data.state === 'withdrawn') return Infinity;
  if (data.bookedCount >= data.capacity) return Infinity;
  if (data.bookedCount + data.heldCount < data.capacity) return 0;
  return data.heldUntil ? Date.parse(data.heldUntil) : Infinity;
}

/** The latest event of each slot: a new map when the event is newer than the one kept, the same map otherwise. */
export function withSlotEvent(
  slots: ReadonlyMap<string, LiveSlotEvent>,
  event: LiveSlotEvent,
): ReadonlyMap<string, LiveSlotEvent> {
  const known = slots.get(event.entityId);
  if (known && known.version >= event.version) return slots;
  return new Map(slots).set(event.entityId, event);
}
