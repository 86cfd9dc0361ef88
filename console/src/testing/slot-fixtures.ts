import type { LiveSlotEvent, SlotSearchHit } from '@creneau/contracts';
import { HOSPITAL } from './territory-fixtures';

/** A free CT slot of the hospital, `hoursAhead` from now, as the pooled search answers it. */
export function slotHit(slotId: string, hoursAhead: number, overrides: Partial<SlotSearchHit> = {}): SlotSearchHit {
  const start = new Date(Date.now() + hoursAhead * 3_600_000);
  return {
    slotId,
    centreId: HOSPITAL.id,
    centreName: HOSPITAL.name,
    sector: 'public',
    city: 'La Roche-sur-Yon',
    modality: 'ct',
    start: start.toISOString(),
    end: new Date(start.getTime() + 1_800_000).toISOString(),
    durationMinutes: 30,
    placesLeft: 1,
    heldUntil: null,
    distanceKm: null,
    wheelchairAccessible: true,
    stretcherAccessible: true,
    ...overrides,
  };
}

/** What the server tells every secretariat console when a slot of one place changes. */
export function slotEvent(id: number, slotId: string, change: Partial<LiveSlotEvent['data']>): LiveSlotEvent {
  return {
    id,
    type: change.bookedCount ? 'slot.booked' : change.heldCount ? 'slot.held' : 'slot.hold-released',
    entity: 'slot',
    entityId: slotId,
    version: id,
    occurredAt: new Date().toISOString(),
    data: {
      slotId,
      centreId: HOSPITAL.id,
      modality: 'ct',
      start: new Date().toISOString(),
      end: new Date().toISOString(),
      capacity: 1,
      bookedCount: 0,
      heldCount: 0,
      heldUntil: null,
      state: 'free',
      ...change,
    },
  };
}

/** An instant `ms` from now, as the API writes it. */
export const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
