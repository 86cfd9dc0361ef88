import type { CentreSummary, GeoPoint } from '@creneau/contracts';

import { distanceKm } from './distance';
import { epochMs, type Instant } from './instant';

export interface RankedSlot<T> {
  slot: T;
  /** As the crow flies from the patient; null when the patient's or the centre's location is unknown. */
  distanceKm: number | null;
}

export interface RankingContext {
  centres: readonly Pick<CentreSummary, 'id' | 'location'>[];
  patientLocation: GeoPoint | null;
}

/**
 * Eligible slots in the order the secretary offers them: earliest first, then nearest to the patient, unknown
 * distances last; slots tied on both keep their given order.
 */
export function rankSlots<T extends { centreId: string; start: Instant }>(
  slots: readonly T[],
  context: RankingContext,
): RankedSlot<T>[] {
  const locations = new Map(context.centres.map((centre) => [centre.id, centre.location]));
  const { patientLocation } = context;
  const ranked = slots.map((slot, index) => {
    const centreLocation = locations.get(slot.centreId);
    const distance = patientLocation && centreLocation ? distanceKm(patientLocation, centreLocation) : null;
    return { slot, distanceKm: distance, start: epochMs(slot.start), index };
  });
  ranked.sort(
    (a, b) =>
      a.start - b.start ||
      (a.distanceKm ?? Number.POSITIVE_INFINITY) - (b.distanceKm ?? Number.POSITIVE_INFINITY) ||
      a.index - b.index,
  );
  return ranked.map(({ slot, distanceKm }) => ({ slot, distanceKm }));
}
